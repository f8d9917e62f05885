import { findCouncil, isPrototypeName, listPresets, loadPreset, loadScenario, onBaselineBasis, publishedCouncilWrittenOut, parseScenarioText, ScenarioError, SocialCareError, splitKey, toScenarioInput, validateScenario, type Issue, type Scenario } from "../../../engine/index.js";

/**
 * The scenario library: the presets (read only) and the user's own scenarios, which live inside the
 * workbook's document settings so they travel with the file. A user scenario is kept as its draft
 * (the scenario file as the user has edited it, valid or not) plus the text typed into each field, so
 * nothing the user entered is lost; it counts as a scenario for results once it validates.
 */

export const LIBRARY_VERSION = 1;
/** The document setting the library is stored under. */
export const LIBRARY_SETTING = "socialcare.library";

export interface UserScenario {
  /** Stable id within the workbook ("user-1"). */
  id: string;
  name: string;
  /** The preset it was made from, if any: its values are the defaults shown beside each field. */
  basedOn: string | null;
  /** The scenario file as edited (numbers may carry `{ value, source }`). May be invalid. */
  input: Record<string, unknown>;
  /** The last version of `input` that validated, so results can still be shown while a field is wrong. */
  lastValid: Record<string, unknown>;
  /** Exactly what the user typed into fields that are not (yet) a valid value, by setting path. */
  typed: Record<string, string>;
  updated: string;
}

export interface Library {
  version: number;
  scenarios: UserScenario[];
  /** The scenarios chosen for comparison, by ref ("preset:blueprint", "user:user-1"); the first is the baseline. */
  compare: string[];
  nextId: number;
  /** Whether the pane has asked "Which council?" (answered or put off): the first run asks it once. */
  councilAsked: boolean;
}

export type ScenarioRef = string;
export const presetRef = (id: string): ScenarioRef => `preset:${id}`;
export const userRef = (id: string): ScenarioRef => `user:${id}`;

export function emptyLibrary(): Library {
  return { version: LIBRARY_VERSION, scenarios: [], compare: [presetRef("baseline-2018"), presetRef("blueprint")], nextId: 1, councilAsked: false };
}

/**
 * The library as stored in the document settings: a scenario's last valid version is kept only while
 * it differs from the draft, so the settings stay small (Office keeps them in the workbook file).
 */
export function toStored(library: Library): Library {
  return {
    ...library,
    scenarios: library.scenarios.map((s) => (JSON.stringify(s.lastValid) === JSON.stringify(s.input) ? ({ ...s, lastValid: undefined } as unknown as UserScenario) : s)),
  };
}

/**
 * The typed texts of a stored scenario: text values under setting paths only. The settings come from
 * the workbook, which anyone may have edited, so a path naming a prototype is dropped and the record
 * has no prototype to reach.
 */
function typedTexts(stored: unknown): Record<string, string> {
  const typed = Object.create(null) as Record<string, string>;
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return typed;
  for (const [path, text] of Object.entries(stored)) {
    if (typeof text === "string" && !splitKey(path).some(isPrototypeName)) typed[path] = text;
  }
  return typed;
}

/** A library read back from document settings; anything unreadable is dropped, not fatal. */
export function readLibrary(stored: unknown): Library {
  const library = emptyLibrary();
  if (!stored || typeof stored !== "object") return library;
  const raw = stored as Partial<Library>;
  if (Array.isArray(raw.scenarios)) {
    library.scenarios = raw.scenarios.filter(
      (s): s is UserScenario => !!s && typeof s === "object" && typeof s.id === "string" && typeof s.name === "string" && !!s.input && typeof s.input === "object",
    ).map((s) => ({ ...s, basedOn: s.basedOn ?? null, lastValid: s.lastValid ?? s.input, typed: typedTexts(s.typed), updated: s.updated ?? "" }));
  }
  if (Array.isArray(raw.compare)) library.compare = raw.compare.filter((r): r is string => typeof r === "string" && refExists(library, r));
  library.nextId = Math.max(typeof raw.nextId === "number" ? raw.nextId : 1, ...library.scenarios.map((s) => idNumber(s.id) + 1));
  // a workbook saved before the question was asked, with scenarios of its own, is past its first run
  library.councilAsked = raw.councilAsked === true || library.scenarios.length > 0;
  return library;
}

function idNumber(id: string): number {
  const m = /^user-(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

export function refExists(library: Library, ref: ScenarioRef): boolean {
  if (ref.startsWith("preset:")) return listPresets().some((p) => p.id === ref.slice(7));
  return library.scenarios.some((s) => s.id === ref.slice(5));
}

export function findUser(library: Library, ref: ScenarioRef): UserScenario | undefined {
  return ref.startsWith("user:") ? library.scenarios.find((s) => s.id === ref.slice(5)) : undefined;
}

/**
 * The short name of a scenario ref, for table headers, selects and chart legends: a preset's
 * `shortName`, or the name the user gave their own scenario.
 */
export function refShortName(library: Library, ref: ScenarioRef): string {
  if (ref.startsWith("preset:")) return listPresets().find((p) => p.id === ref.slice(7))?.shortName ?? ref.slice(7);
  return findUser(library, ref)?.name ?? ref;
}

/** The display name of any scenario ref. */
export function refName(library: Library, ref: ScenarioRef): string {
  if (ref.startsWith("preset:")) return listPresets().find((p) => p.id === ref.slice(7))?.name ?? ref.slice(7);
  return findUser(library, ref)?.name ?? ref;
}

function uniqueName(library: Library, wanted: string): string {
  const names = new Set(library.scenarios.map((s) => s.name));
  if (!names.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!names.has(`${wanted} (${i})`)) return `${wanted} (${i})`;
}

function stamp(): string {
  return new Date().toISOString();
}

function add(library: Library, name: string, basedOn: string | null, input: Record<string, unknown>): { library: Library; scenario: UserScenario } {
  const id = `user-${library.nextId}`;
  const finalName = uniqueName(library, name);
  const withName = { ...input, id, name: finalName };
  const scenario: UserScenario = { id, name: finalName, basedOn, input: withName, lastValid: withName, typed: {}, updated: stamp() };
  return { library: { ...library, scenarios: [...library.scenarios, scenario], nextId: library.nextId + 1 }, scenario };
}

/** A new scenario of the user's, starting as a copy of a preset. */
export function newFromPreset(library: Library, presetId: string): { library: Library; scenario: UserScenario } {
  const preset = loadPreset(presetId);
  // The user's own scenario goes by the name it is given: the preset's short name is not theirs.
  const { shortName: _presetsOwn, ...input } = toScenarioInput(preset, { withSources: true });
  return add(library, `${preset.name}: my version`, presetId, input);
}

/** The structures "Your council" makes on a council: as it is (the baseline), then the options, at most MAX_COMPARED. */
export const COUNCIL_STRUCTURES = [
  ["traditional", "as it is"],
  ["blueprint", "the Blueprint"],
  ["cluster", "clusters"],
  ["reclaim", "Reclaim units"],
] as const;

/**
 * "Your council": the council as it is (the traditional preset, with its own caseload) and each other
 * structure of COUNCIL_STRUCTURES, all on a published council in its data year's prices, with the
 * council's figures written out and sourced; all are ticked for comparison, the council as it is first
 * (the baseline).
 */
export function newOnCouncil(library: Library, councilId: string, year?: number): { library: Library; scenarios: UserScenario[] } {
  const council = findCouncil(councilId);
  let lib = library;
  const made: UserScenario[] = [];
  // the council as it is first (the baseline), then each other structure on the same council, year and prices
  let asItIs: Scenario | undefined;
  for (const [presetId, label] of COUNCIL_STRUCTURES) {
    const { shortName: _presetsOwn, ...input } = toScenarioInput(loadPreset(presetId), { withSources: true });
    let onCouncil = publishedCouncilWrittenOut(input, council, year);
    // an option whose drivers change the week starts from the council's week as it is (oneBasis.ts)
    if (!asItIs) asItIs = loadScenario(onCouncil, { id: presetId });
    else onCouncil = toScenarioInput(onBaselineBasis(asItIs, loadScenario(onCouncil, { id: presetId })).option, { withSources: true });
    const name = `${council.name}: ${label}`;
    const out = add(lib, name, presetId, { ...onCouncil, name });
    lib = out.library;
    made.push(out.scenario);
  }
  const refs = made.map((m) => userRef(m.id));
  return { library: { ...lib, compare: [...refs, ...lib.compare.filter((r) => !refs.includes(r))].slice(0, MAX_COMPARED), councilAsked: true }, scenarios: made };
}

/** A copy of a user scenario, draft and typed text included. */
export function duplicate(library: Library, ref: ScenarioRef): { library: Library; scenario: UserScenario } {
  const from = findUser(library, ref);
  if (!from) {
    if (ref.startsWith("preset:")) return newFromPreset(library, ref.slice(7));
    throw new Error(`no scenario ${ref}`);
  }
  const out = add(library, `Copy of ${from.name}`, from.basedOn, structuredClone(from.input));
  out.scenario.lastValid = { ...structuredClone(from.lastValid), id: out.scenario.id, name: out.scenario.name };
  out.scenario.typed = { ...from.typed };
  return out;
}

export function rename(library: Library, ref: ScenarioRef, name: string): Library {
  const trimmed = name.trim();
  if (trimmed === "") throw new ScenarioError([{ path: "name", reason: "must not be empty" }]);
  return update(library, ref, (s) => ({ ...s, name: trimmed, input: { ...s.input, name: trimmed }, lastValid: { ...s.lastValid, name: trimmed } }));
}

export function update(library: Library, ref: ScenarioRef, change: (s: UserScenario) => UserScenario): Library {
  return {
    ...library,
    scenarios: library.scenarios.map((s) => (userRef(s.id) === ref ? { ...change(s), updated: stamp() } : s)),
  };
}

/** Deletes a user scenario; `restore` puts it back where it was (the pane's Undo). */
export function remove(library: Library, ref: ScenarioRef): { library: Library; restore: (current: Library) => Library } {
  const index = library.scenarios.findIndex((s) => userRef(s.id) === ref);
  if (index < 0) return { library, restore: (current) => current };
  const removed = library.scenarios[index]!;
  const compareIndex = library.compare.indexOf(ref);
  const next = { ...library, scenarios: library.scenarios.filter((_, i) => i !== index), compare: library.compare.filter((r) => r !== ref) };
  const restore = (current: Library): Library => {
    if (current.scenarios.some((s) => s.id === removed.id)) return current;
    const scenarios = [...current.scenarios];
    scenarios.splice(Math.min(index, scenarios.length), 0, removed);
    const compare = [...current.compare];
    if (compareIndex >= 0 && !compare.includes(ref) && compare.length < MAX_COMPARED) compare.splice(Math.min(compareIndex, compare.length), 0, ref);
    return { ...current, scenarios, compare };
  };
  return { library: next, restore };
}

export const MAX_COMPARED = 4;

/** Adds or removes a scenario from the comparison (at most four; the first is the baseline). */
export function toggleCompared(library: Library, ref: ScenarioRef): Library {
  if (library.compare.includes(ref)) return { ...library, compare: library.compare.filter((r) => r !== ref) };
  if (library.compare.length >= MAX_COMPARED) return library;
  return { ...library, compare: [...library.compare, ref] };
}

export function makeBaseline(library: Library, ref: ScenarioRef): Library {
  return { ...library, compare: [ref, ...library.compare.filter((r) => r !== ref)].slice(0, MAX_COMPARED) };
}

/** A scenario file's text (JSON, every number with its source), for Export. */
export function exportScenario(library: Library, ref: ScenarioRef): { fileName: string; text: string } {
  let scenario: Scenario;
  const user = findUser(library, ref);
  if (user) {
    const checked = validateScenario(user.input);
    scenario = checked.ok ? checked.scenario : (validateScenario(user.lastValid) as { ok: true; scenario: Scenario }).scenario;
  } else {
    scenario = loadPreset(ref.slice(7));
  }
  const input = toScenarioInput(scenario, { withSources: true });
  const base = (user?.name ?? scenario.id).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "scenario";
  return { fileName: `${base}.json`, text: `${JSON.stringify(input, null, 2)}\n` };
}

export type ImportOutcome = { ok: true; library: Library; scenario: UserScenario } | { ok: false; issues: Issue[] };

/**
 * A scenario file (JSON or YAML, possibly `extends` a preset) added to the library. It must validate:
 * a file with problems is refused with every problem listed, and the library is unchanged.
 */
export function importScenario(library: Library, text: string, fileName: string): ImportOutcome {
  let raw: unknown;
  try {
    raw = parseScenarioText(text, fileName);
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: [...error.issues] };
    throw error;
  }
  let checked;
  try {
    checked = validateScenario(raw, { source: fileName });
  } catch (error) {
    if (error instanceof SocialCareError) return { ok: false, issues: [{ path: "", reason: error.message }] };
    throw error;
  }
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const extendsPreset = raw && typeof raw === "object" && typeof (raw as { extends?: unknown }).extends === "string" ? ((raw as { extends: string }).extends) : null;
  // A file that extends a preset, or an exported preset, keeps that preset's values as its defaults.
  const origin = extendsPreset ?? checked.scenario.id;
  const basedOn = listPresets().some((p) => p.id === origin) ? origin : null;
  const out = add(library, checked.scenario.name, basedOn, toScenarioInput(checked.scenario, { withSources: true }));
  return { ok: true, ...out };
}
