import { hasOwn, isPrototypeName, ownValue, splitKey, UnknownNameError, validateScenario, type Issue, type Scenario, type Setting } from "../../../engine/index.js";

/**
 * Editing a scenario without losing anything: every keystroke goes into the draft (the scenario file
 * as edited), the draft is validated as a whole by the engine, and each problem is shown beside the
 * field it names. A field that does not read as a number keeps exactly what was typed, and the engine
 * explains what is wrong with it.
 */

/** Where a value typed in the pane says it came from, in the Inputs sheet and in explanations. */
export const PANE_SOURCE = "set in the task pane";

export interface DraftCheck {
  /** The validated scenario, when the draft is valid. */
  scenario: Scenario | null;
  issues: Issue[];
}

const checkCache = new WeakMap<object, DraftCheck>();

/** Validates a draft (cached per draft object: drafts are never mutated, each edit makes a new one). */
export function checkDraft(input: Record<string, unknown>): DraftCheck {
  let check = checkCache.get(input);
  if (!check) {
    const v = validateScenario(input);
    check = v.ok ? { scenario: v.scenario, issues: [] } : { scenario: null, issues: v.issues };
    checkCache.set(input, check);
  }
  return check;
}

/** The engine's messages for one field: issues whose path is the field's path. */
export function issuesAt(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter((i) => i.path === path);
}

/** Problems that name no single field shown (a group, a tier as a whole): shown at the top. */
export function groupIssues(issues: readonly Issue[], fieldPaths: ReadonlySet<string>): Issue[] {
  return issues.filter((i) => !fieldPaths.has(i.path));
}

/**
 * Reads typed text as the engine expects a value of this kind; text that is not one is passed on as
 * typed. A share is typed as a percentage, with or without its sign: "20%" and "20" are both 0.2.
 */
export function parseTyped(text: string, kind: Setting["kind"], unit?: string): unknown {
  const trimmed = text.trim();
  if (kind === "number") {
    if (trimmed === "") return undefined;
    const percent = unit === "share";
    const plain = trimmed.replace(/^£/, "").replace(percent ? /%$/ : /$^/, "").replace(/,/g, "").replace(/\s+/g, "");
    const n = Number(plain);
    if (plain === "" || !Number.isFinite(n)) return trimmed;
    // Moving the decimal point in the text gives the double nearest the percentage ÷ 100 (14.2 → 0.142 exactly as written).
    return percent ? (/e/i.test(plain) ? n / 100 : Number(`${plain}e-2`)) : n;
  }
  if (kind === "text") return trimmed === "" ? (text === "" ? undefined : trimmed) : trimmed;
  return trimmed === "" ? undefined : trimmed;
}

/** Segments of a file path: `structure.tiers[2].salary` → structure, tiers, 2, salary. */
function segmentsOf(path: string): string[] {
  const segments = splitKey(path);
  // A path naming an object's prototype is never a setting: refused before anything is read or written.
  if (segments.some(isPrototypeName)) throw new UnknownNameError("setting", path, []);
  return segments;
}

/**
 * A new draft with one value set at `path` (a setting's file path). Numbers record that the user set
 * them; `undefined` removes the value (the engine then says whether it was required).
 */
export function setAtPath(input: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const segments = segmentsOf(path);
  const root = structuredClone(input);
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const key: string | number = Array.isArray(node) ? Number(segment) : segment;
    let next = Array.isArray(node) ? node[key as number] : ownValue(node, key as string);
    if (next && typeof next === "object" && !Array.isArray(next) && "value" in next && typeof (next as { value: unknown }).value === "object") {
      // A group that carries one source for everything in it: edit inside its value.
      next = (next as { value: unknown }).value;
    }
    if (next === undefined || next === null || typeof next !== "object") {
      next = /^\d+$/.test(segments[i + 1]!) ? [] : {};
      (node as Record<string, unknown>)[key as string] = next;
    }
    node = next as Record<string, unknown> | unknown[];
  }
  const last = segments[segments.length - 1]!;
  const key = Array.isArray(node) ? Number(last) : last;
  if (value === undefined) {
    if (Array.isArray(node)) (node as unknown[])[key as number] = undefined;
    else delete (node as Record<string, unknown>)[key as string];
  } else {
    (node as Record<string, unknown>)[key as string] = typeof value === "number" ? { value, source: PANE_SOURCE } : value;
  }
  return root;
}

/** The value at a path in a draft, with any `{ value, source }` note unwrapped. */
export function getAtPath(input: unknown, path: string): unknown {
  let node: unknown = input;
  for (const segment of segmentsOf(path)) {
    if (node && typeof node === "object" && !Array.isArray(node) && "value" in node && typeof (node as { value: unknown }).value === "object") node = (node as { value: unknown }).value;
    if (node === null || node === undefined || typeof node !== "object") return undefined;
    node = Array.isArray(node) ? node[Number(segment)] : ownValue(node as Record<string, unknown>, segment);
  }
  if (node && typeof node === "object" && !Array.isArray(node) && "value" in node) return (node as { value: unknown }).value;
  return node;
}

/** A value as a field shows it for typing: a share as a percentage ("14.2%"), anything else as it is. */
export function textOf(value: unknown, unit?: string): string {
  if (value === null || value === undefined) return "";
  if (unit === "share" && typeof value === "number") return `${/e/i.test(String(value)) ? value * 100 : Number(`${value}e2`)}%`;
  return String(value);
}

/** What a field shows: the text the user typed if it is kept, else the draft's value. */
export function shownText(typed: Record<string, string>, path: string, value: unknown, unit?: string): string {
  if (hasOwn(typed, path)) return typed[path]!;
  return textOf(value, unit);
}

/** Records an edit: the draft gets the parsed value and the typed text is kept while it differs. */
export function edit(
  state: { input: Record<string, unknown>; typed: Record<string, string> },
  path: string,
  text: string | boolean,
  kind: Setting["kind"],
  unit?: string,
): { input: Record<string, unknown>; typed: Record<string, string> } {
  const value = typeof text === "boolean" ? text : parseTyped(text, kind, unit);
  if (kind === "text" && path.endsWith(".reportsTo") && value === undefined) {
    return { input: setAtPath(state.input, path, null), typed: withoutKey(state.typed, path) };
  }
  const input = setAtPath(state.input, path, value);
  const typed = typeof text === "string" && (typeof value !== "number" || textOf(value, unit) !== text.trim()) && kind === "number" ? { ...state.typed, [path]: text } : withoutKey(state.typed, path);
  return { input, typed };
}

function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  if (!hasOwn(record, key)) return record;
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/** The ways a tier's FTE can be set, with the file key each uses. */
export const SIZING_RULES = [
  { rule: "fte", label: "Fixed FTE" },
  { rule: "childrenPerWorker", label: "Caseload target" },
  { rule: "span", label: "Span of another tier" },
  { rule: "expression", label: "Expression" },
] as const;
export type SizingKey = (typeof SIZING_RULES)[number]["rule"];

type Raw = Record<string, unknown>;

function tiersOf(input: Raw): Raw[] {
  const structure = input.structure as Raw | undefined;
  const tiers = structure?.tiers;
  return Array.isArray(tiers) ? (tiers as Raw[]) : [];
}

/** The sizing key a tier in a draft uses (the first present). */
export function sizingOf(tier: Raw): SizingKey {
  for (const { rule } of SIZING_RULES) if (tier[rule] !== undefined) return rule;
  return "fte";
}

/** A new draft with a tier added at the end: fixed at 1 FTE, reporting to the top of the structure. */
export function addTier(input: Raw): Raw {
  const root = structuredClone(input);
  const tiers = tiersOf(root);
  const ids = new Set(tiers.map((t) => String(t.id)));
  let n = 1;
  while (ids.has(`newTier${n}`)) n++;
  const top = tiers.find((t) => t.reportsTo === null || t.reportsTo === undefined);
  tiers.push({ id: `newTier${n}`, name: `New tier ${n}`, reportsTo: top ? String(top.id) : null, holdsCases: false, role: "support", salary: { value: 30000, source: PANE_SOURCE }, fte: { value: 1, source: PANE_SOURCE } });
  return root;
}

export function removeTier(input: Raw, index: number): Raw {
  const root = structuredClone(input);
  tiersOf(root).splice(index, 1);
  return root;
}

/** A new draft with a tier's sizing rule switched; the new rule starts from a plain value to edit. */
export function setSizing(input: Raw, index: number, rule: SizingKey): Raw {
  const root = structuredClone(input);
  const tier = tiersOf(root)[index];
  if (!tier) return root;
  for (const { rule: k } of SIZING_RULES) delete tier[k];
  delete tier.shareOfChildren;
  const other = tiersOf(root).find((t, i) => i !== index && t.holdsCases === true) ?? tiersOf(root).find((_, i) => i !== index);
  switch (rule) {
    case "fte":
      tier.fte = { value: 1, source: PANE_SOURCE };
      break;
    case "childrenPerWorker":
      tier.childrenPerWorker = { value: 15, source: PANE_SOURCE };
      break;
    case "span":
      tier.span = { of: other ? String(other.id) : "caseHolders", per: { value: 6, source: PANE_SOURCE } };
      break;
    case "expression":
      tier.expression = "1";
      break;
  }
  return root;
}

const DISCOUNT_BAND = /^finance\.appraisal\.discountSchedule\.(\d+)\./;

/**
 * The settings the editor shows, less the discount bands that start after the appraisal ends (the
 * Green Book's bands run to year 301; a 10-year appraisal uses the first). They stay in the draft.
 */
export function settingsWithinHorizon<S extends { key: string }>(settings: readonly S[], input: Record<string, unknown>): S[] {
  const horizon = getAtPath(input, "finance.appraisal.horizonYears");
  if (typeof horizon !== "number") return [...settings];
  return settings.filter((s) => {
    const band = DISCOUNT_BAND.exec(s.key);
    if (!band) return true;
    const from = getAtPath(input, `finance.appraisal.discountSchedule[${band[1]}].fromYear`);
    return typeof from !== "number" || from < horizon;
  });
}

/**
 * A problem in a director's words: tier ids in the engine's message become the tiers' names, and the
 * file's paths (`structure.tiers[2].salary`) become what the editor labels them. `labels` gives a
 * setting's label by its path, where the editor has one.
 */
export function issueInWords(issue: Issue, input: Record<string, unknown>, labels: (path: string) => string | undefined = () => undefined): { where: string; reason: string } {
  const tiers = (getAtPath(input, "structure.tiers") as Record<string, unknown>[] | undefined) ?? [];
  const tierName = (id: string) => {
    const tier = tiers.find((t) => String(t.id) === id);
    return tier && typeof tier.name === "string" && tier.name !== "" ? tier.name : id;
  };
  const tierAt = (i: string) => {
    const tier = tiers[Number(i)];
    return tier && typeof tier.name === "string" && tier.name !== "" ? tier.name : `tier ${Number(i) + 1}`;
  };
  const reason = issue.reason
    .replace(/\s*\(structure\.tiers\[\d+\](\.[\w.]+)?\)/g, "")
    .replace(/tier "([^"]*)"/g, (_m, id: string) => `"${tierName(id)}"`);
  let where = labels(issue.path) ?? "";
  if (!where) {
    const tier = /^structure\.tiers\[(\d+)\](?:\.([\w.]+))?$/.exec(issue.path);
    if (tier) where = tier[2] ? `${tierAt(tier[1]!)}: ${tier[2].replace(/\./g, " ")}` : tierAt(tier[1]!);
    else where = issue.path;
  }
  return { where, reason };
}
