/**
 * The first-run question "Which council?": finding a council as a director types its name. The list
 * comes from the engine's council table (the issue "Every English council as a starting point");
 * this is only the matching, so the picker can be built and tested before that table lands.
 */

/** One council as the picker lists it: the DfE/ONS name and its region. */
export interface CouncilChoice {
  id: string;
  name: string;
  region: string;
}

/** Lower case, "&" as "and", punctuation as spaces: "Brighton & Hove" finds "brighton and hove". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * The councils whose name or region holds every word typed (each word the start of a word there),
 * names that start with what was typed first, then by name; at most `limit`. Nothing typed lists none.
 */
export function searchCouncils(councils: readonly CouncilChoice[], query: string, limit = 8): CouncilChoice[] {
  const words = normalise(query).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  const typed = words.join(" ");
  const matches = councils.filter((c) => {
    const haystack = ` ${normalise(c.name)} ${normalise(c.region)}`;
    return words.every((w) => haystack.includes(` ${w}`));
  });
  const startsName = (c: CouncilChoice) => (normalise(c.name).startsWith(typed) ? 0 : 1);
  return matches.sort((a, b) => startsName(a) - startsName(b) || a.name.localeCompare(b.name, "en-GB")).slice(0, limit);
}
