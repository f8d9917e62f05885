/**
 * Close matches for a misspelt name, so that an error can say what the user probably meant.
 * Damerau-free Levenshtein distance, case-insensitive, plus a prefix and substring bonus so that
 * "blue" finds "blueprint" and "caseload" finds "caseload.childrenPerCaseHolder".
 */
export function closeMatches(name: string, candidates: readonly string[], most = 3): string[] {
  // A name far longer than any the model has is no misspelling of one, and comparing it letter by
  // letter with every candidate would take seconds (a 32,767-character cell).
  if (name.length > LONGEST_COMPARED) return [];
  const wanted = name.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    let score = editDistance(wanted, lower);
    if (lower.startsWith(wanted) || lower.includes(wanted) || wanted.includes(lower)) score = Math.min(score, 1);
    const limit = Math.max(2, Math.floor(Math.max(wanted.length, 3) / 3));
    if (score <= limit) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, most).map((s) => s.candidate);
}

/** The longest name compared: several times the longest setting key or figure name. */
export const LONGEST_COMPARED = 200;

/** A name as an error message quotes it: a very long one cut, with its length, so the message stays readable. */
export function quoteName(name: string, longest = 100): string {
  return name.length <= longest ? name : `${name.slice(0, longest)}… (${name.length.toLocaleString("en-GB")} characters)`;
}

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
