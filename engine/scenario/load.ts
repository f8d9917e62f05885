import { clone } from "../clone.js";
import { parseDocument } from "./yaml.js";
import { ScenarioError, SocialCareError, UnknownNameError } from "../errors.js";
import { models } from "../generated/models.js";
import { closeMatches } from "../names.js";
import { hasOwn, setOwn } from "../ownProperties.js";
import type { Scenario } from "./types.js";
import { validateInput } from "./validate.js";
import { markValidated } from "./snapshot.js";
import { publishedCouncils } from "./publishedCouncils.js";

/**
 * Loading scenarios: presets from models/, scenario files that `extends` a preset and override parts
 * of it, and shared parts (a council's figures, a year's finance) that several presets name.
 */

type Raw = Record<string, unknown>;

const presetFiles = (models.presets ?? {}) as Record<string, Raw>;
const partFolders: Record<string, Record<string, Raw>> = {
  council: (models.councils ?? {}) as Record<string, Raw>,
  finance: (models.finance ?? {}) as Record<string, Raw>,
};

export interface PresetSummary {
  id: string;
  name: string;
  /** The preset's short name (at most 24 characters), or its name when it has none. */
  shortName: string;
  description: string;
}

/** The presets shipped in models/presets, each with its one-line description. */
export function listPresets(): PresetSummary[] {
  return Object.entries(presetFiles).map(([id, raw]) => ({
    id,
    name: String(raw.name ?? id),
    shortName: String(raw.shortName ?? raw.name ?? id),
    description: String(raw.summary ?? raw.description ?? "").split("\n")[0]!.trim(),
  }));
}

/** The ids of the shared parts of one kind (councils, finance years) a scenario may name. */
export function listParts(kind: "council" | "finance"): string[] {
  return Object.keys(partFolders[kind]!);
}

const presetCache = new Map<string, Scenario>();

/** A preset, validated. Each call returns a fresh copy, so changing it cannot change the preset. */
export function loadPreset(id: string): Scenario {
  let scenario = presetCache.get(id);
  if (!scenario) {
    if (!hasOwn(presetFiles, id)) throw new UnknownNameError("preset", id, closeMatches(id, Object.keys(presetFiles)));
    scenario = loadScenario(presetFiles[id], { id, source: `preset ${id}` });
    presetCache.set(id, scenario);
  }
  return markValidated(clone(scenario));
}

/** True when `id` names a preset. */
export function isPreset(id: string): boolean {
  return hasOwn(presetFiles, id);
}

export interface LoadOptions {
  /** The scenario's id when the input has none. */
  id?: string;
  /** Where the input came from (a file's path), recorded as the source of its bare numbers. */
  source?: string;
  /**
   * Finds what an `extends` names when it is not a preset (the Node loader resolves file paths here,
   * relative to the file that names them). Returns the raw input and its source.
   */
  resolve?: (name: string, from: string | undefined) => { raw: unknown; source: string } | undefined;
}

/**
 * A scenario from an object or from JSON/YAML text: `extends` resolved, shared parts filled in,
 * validated. Throws ScenarioError listing every problem, or UnknownNameError for a missing preset.
 */
export function loadScenario(input: unknown, options: LoadOptions = {}): Scenario {
  const raw = typeof input === "string" ? parseScenarioText(input, options.source) : input;
  if (typeof input !== "string") {
    checkNesting(raw, (reason) => {
      throw new ScenarioError([{ path: "", reason }]);
    });
  }
  const resolved = resolveInput(raw, options, []);
  const id = options.id ?? (typeof (resolved as Raw).id === "string" ? ((resolved as Raw).id as string) : undefined);
  return validateInput(resolved, { ...(id !== undefined ? { id } : {}) });
}

/** Result of `validateScenario`: the scenario, or every problem found. */
export type Validation = { ok: true; scenario: Scenario } | { ok: false; issues: { path: string; reason: string }[] };

/** Like loadScenario, but returns the problems instead of throwing (for editors and `socialcare validate`). */
export function validateScenario(input: unknown, options: LoadOptions = {}): Validation {
  try {
    return { ok: true, scenario: loadScenario(input, options) };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: [...error.issues] };
    if (error instanceof SocialCareError) return { ok: false, issues: [{ path: "extends", reason: error.message }] };
    throw error;
  }
}

/** Groups and lists may nest this deep in a scenario; deeper is refused before anything walks it. */
export const MOST_NESTING = 64;

/**
 * Parses scenario text: JSON or YAML (with comments). A syntax error names the line and column. A
 * byte-order mark is allowed; a repeated key, an unknown YAML tag, an alias bomb, nesting deeper than
 * MOST_NESTING and text that is not a group of settings are refused, each in one line.
 */
export function parseScenarioText(text: string, source?: string): unknown {
  const where = source ? `${source}: ` : "";
  const refuse = (reason: string): never => {
    throw new ScenarioError([{ path: "", reason: `${where}${reason}` }]);
  };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const looksJson = source?.toLowerCase().endsWith(".json") || /^\s*[{[]/.test(text);
  let parsed: unknown;
  let done = false;
  if (looksJson) {
    try {
      parsed = JSON.parse(text);
      done = true;
    } catch (error) {
      if (error instanceof RangeError) refuse(`nests deeper than ${MOST_NESTING} levels`);
      if (source?.toLowerCase().endsWith(".json")) refuse(`is not valid JSON: ${jsonProblem(text, error as Error)}`);
      // Not JSON after all: YAML flow style also starts with { or [.
    }
    if (done) {
      const repeated = repeatedJsonKey(text);
      if (repeated) refuse(`is not valid JSON: the key "${repeated.key}" is given twice in one group (line ${repeated.line}); say it once`);
    }
  }
  if (!done) parsed = parseYamlText(text, refuse);
  if (parsed === null || parsed === undefined) refuse("must not be empty: a scenario file holds a group of settings (extends, council, structure, …)");
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    refuse(`must hold a group of settings (extends, council, structure, …), got ${Array.isArray(parsed) ? "a list" : typeof parsed === "string" ? "text" : String(parsed)}`);
  }
  checkNesting(parsed, refuse);
  return parsed;
}

function parseYamlText(text: string, refuse: (reason: string) => never): unknown {
  let doc;
  try {
    // Warnings (an unknown tag) are problems in the file, not lines for the console.
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, logLevel: "silent" });
  } catch (error) {
    if (error instanceof RangeError) refuse(`nests deeper than ${MOST_NESTING} levels`);
    throw error;
  }
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem && /call stack/i.test(problem.message)) refuse(`nests deeper than ${MOST_NESTING} levels`);
  if (problem) {
    const pos = problem.linePos?.[0];
    const at = pos ? `line ${pos.line}, column ${pos.col}: ` : "";
    const message = problem.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?\s*$/, "");
    refuse(`is not valid YAML: ${at}${message}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof RangeError) refuse(`nests deeper than ${MOST_NESTING} levels`);
    if (/alias/i.test((error as Error).message)) refuse("is not valid YAML: its aliases expand too many times (a file that repeats aliases of aliases grows without bound)");
    throw error;
  }
}

/** Refuses groups and lists nested deeper than MOST_NESTING (walked without recursion). */
function checkNesting(value: unknown, refuse: (reason: string) => never): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth > MOST_NESTING) refuse(`nests deeper than ${MOST_NESTING} levels`);
    for (const child of Object.values(node as Record<string, unknown>)) if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
}

/**
 * The first key given twice in one group of JSON text (JSON.parse keeps the last without a word,
 * where the YAML reader refuses), with its line; null when none is.
 */
export function repeatedJsonKey(text: string): { key: string; line: number } | null {
  const groups: (Set<string> | null)[] = [];
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") line++;
    else if (c === "{") {
      groups.push(new Set());
      expectKey = true;
    } else if (c === "[") {
      groups.push(null);
      expectKey = false;
    } else if (c === "}" || c === "]") groups.pop();
    else if (c === ",") expectKey = groups[groups.length - 1] !== null && groups.length > 0;
    else if (c === ":") expectKey = false;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const seen = groups[groups.length - 1];
        if (seen) {
          if (seen.has(key)) return { key, line };
          seen.add(key);
        }
      }
      i = j;
    }
  }
  return null;
}

function jsonProblem(text: string, error: Error): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const col = position - before.lastIndexOf("\n");
  return `line ${line}, column ${col}: ${error.message.replace(/ in JSON at position \d+.*$/, "")}`;
}

function resolveInput(raw: unknown, options: LoadOptions, chain: string[]): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
  let own = annotate(raw as Raw, options.source) as Raw;
  own = resolveParts(own);
  const parent = own.extends;
  if (parent === undefined) return own;
  if (typeof parent !== "string" || parent.trim() === "") {
    throw new ScenarioError([{ path: "extends", reason: "must name a preset or a scenario file" }]);
  }
  const { extends: _dropped, ...rest } = own;
  let base: unknown;
  let baseSource: string;
  const external = options.resolve?.(parent, options.source);
  if (external) {
    base = external.raw;
    baseSource = external.source;
  } else if (hasOwn(presetFiles, parent)) {
    base = presetFiles[parent];
    baseSource = `preset ${parent}`;
  } else {
    throw new UnknownNameError("preset", parent, closeMatches(parent, Object.keys(presetFiles)));
  }
  if (chain.includes(baseSource)) {
    throw new ScenarioError([{ path: "extends", reason: `extends go round in a circle: ${[...chain, baseSource].join(" → ")}` }]);
  }
  const resolvedBase = resolveInput(base, { ...options, source: baseSource }, [...chain, baseSource]) as Raw;
  const { id: _baseId, ...baseWithoutId } = resolvedBase;
  return merge(baseWithoutId, rest);
}

/**
 * A part given as a name (`council: average-council-2025`) is replaced by that shared part. A council
 * may also be a published council (`council: leeds`, `council: { name: leeds, year: 2024, … }`): its
 * figures as published, and, unless the same file names its finance, that data year's prices.
 */
function resolveParts(raw: Raw): Raw {
  const out: Raw = { ...raw };
  const published = publishedCouncilIn(out.council);
  if (published) {
    out.council = published.council;
    if (!hasOwn(raw, "finance")) out.finance = published.finance;
  }
  for (const [part, folder] of Object.entries(partFolders)) {
    const value = out[part];
    if (typeof value === "string") {
      if (!hasOwn(folder, value)) throw new UnknownNameError("part", value, closeMatches(value, Object.keys(folder)));
      out[part] = annotate(folder[value]!, `${part} ${value}`);
    }
  }
  return out;
}

/** Settings of a council object that say which published council and year it is, not figures of it. */
const PUBLISHED_KEYS = ["name", "year"];

/**
 * The published council a `council:` names, with the file's own council figures laid over it; undefined
 * when it names a shared part or is a council of the file's own. A council object is a published one
 * when it gives a `year`, or when it gives no children and its name finds a published council.
 */
function publishedCouncilIn(given: unknown): { council: Raw; finance: string } | undefined {
  let value = given;
  const lookup = publishedCouncils();
  let name: string;
  let year: number | undefined;
  let own: Raw = {};
  // a file's bare numbers come annotated with their source (`council: 383` is a DfE number)
  const bare = (v: unknown): unknown => (v !== null && typeof v === "object" && !Array.isArray(v) && "value" in v && Object.keys(v).every((k) => k === "value" || k === "source") ? (v as Raw).value : v);
  if (typeof bare(value) === "number") value = String(bare(value));
  if (typeof value === "string") {
    if (hasOwn(partFolders.council!, value)) return undefined;
    if (!lookup) return undefined; // an unknown part, reported as such
    name = value;
  } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const given = value as Raw;
    const named = typeof given.name === "string" ? given.name : typeof bare(given.name) === "number" ? String(bare(given.name)) : undefined;
    const byYear = hasOwn(given, "year");
    if (!byYear && (named === undefined || hasOwn(given, "children") || !lookup?.has(named))) return undefined;
    if (!lookup) throw new ScenarioError([{ path: "council.year", reason: "names a published council, but the published councils are not available here (use the Node library or the CLI)" }]);
    if (named === undefined) throw new ScenarioError([{ path: "council.name", reason: "must name the published council (its name, ONS code or DfE number) when council.year is given" }]);
    const y = bare(given.year);
    if (byYear && (typeof y !== "number" || !Number.isInteger(y))) throw new ScenarioError([{ path: "council.year", reason: `must be a year (a whole number such as 2025), got ${JSON.stringify(y)}` }]);
    name = named;
    year = y as number | undefined;
    own = Object.fromEntries(Object.entries(given).filter(([k]) => !PUBLISHED_KEYS.includes(k)));
  } else return undefined;
  let part;
  try {
    part = lookup.find(name, year);
  } catch (error) {
    // not a published council either: say so with the close shared parts and councils alike
    if (error instanceof UnknownNameError && typeof value === "string") {
      const parts = Object.keys(partFolders.council!);
      throw new UnknownNameError("council", value, [...closeMatches(value, parts), ...error.suggestions].slice(0, 3));
    }
    throw error;
  }
  const unmet = part.problems.filter((p) => !hasOwn(own, p.setting));
  if (unmet.length > 0) {
    throw new ScenarioError(unmet.map((p) => ({ path: `council.${p.setting}`, reason: `${p.message}; give council.${p.setting} yourself, or choose a year it is published for` })));
  }
  return { council: merge(part.council, own, "council") as Raw, finance: part.finance };
}

/** Gives every bare number in the input its source, so a trace can say which file set it. */
function annotate(value: unknown, source: string | undefined): unknown {
  if (source === undefined) return value;
  if (typeof value === "number") return { value, source };
  if (Array.isArray(value)) return value.map((v) => annotate(v, source));
  if (value !== null && typeof value === "object") {
    if ("value" in value) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, annotate(v, source)]));
  }
  return value;
}

const SIZING_KEYS = ["fte", "childrenPerWorker", "shareOfChildren", "span", "expression"];

/**
 * Overlays `over` on `base`: groups of settings merge key by key; a value, a `{ value, source }`
 * or a list replaces what was there; tiers merge by id (a known id changes that tier, a new id adds
 * one, `remove: true` drops one), and a tier given a new sizing rule loses its old one.
 */
export function merge(base: unknown, over: unknown, path = ""): unknown {
  if (path === "structure.tiers" && Array.isArray(base) && Array.isArray(over)) return mergeTiers(base, over);
  if (isGroup(base) && isGroup(over)) {
    const out: Raw = { ...(base as Raw) };
    for (const [key, value] of Object.entries(over as Raw)) {
      // Own properties only, and `__proto__` kept as a plain key for validation to report as unknown.
      setOwn(out, key, hasOwn(out, key) ? merge(out[key], value, path ? `${path}.${key}` : key) : value);
    }
    return out;
  }
  return over;
}

function mergeTiers(base: unknown[], over: unknown[]): unknown[] {
  const out = base.map((t) => ({ ...(t as Raw) }));
  for (const tier of over) {
    if (!isGroup(tier)) {
      out.push(tier as Raw);
      continue;
    }
    const change = tier as Raw;
    const index = out.findIndex((t) => t.id === change.id);
    if (index < 0) {
      if (change.remove !== true) out.push(change);
      continue;
    }
    if (change.remove === true) {
      out.splice(index, 1);
      continue;
    }
    const current = out[index]!;
    if (SIZING_KEYS.some((k) => k !== "shareOfChildren" && k in change)) {
      // The caseload target and the share of children belong to one rule: changing only the target keeps the share.
      const keepsShare = "childrenPerWorker" in change;
      for (const k of SIZING_KEYS) if (!(k in change) && !(k === "shareOfChildren" && keepsShare)) delete current[k];
    }
    out[index] = merge(current, change) as Raw;
  }
  return out;
}

function isGroup(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !("value" in value);
}
