import { clone } from "../clone.js";
import { ScenarioError, UnknownNameError } from "../errors.js";
import { closeMatches } from "../names.js";
import { hasOwn, isPrototypeName, ownValue, setOwn } from "../ownProperties.js";
import { payAwardFields, scenarioSpec, SIZING_KEYS, tierFields } from "./schema.js";
import type { NumberSpec, ObjectSpec, Spec, Unit } from "./spec.js";
import type { PayAward, Provenance, Scenario, Tier } from "./types.js";
import type { Distribution } from "../uncertainty/distributions.js";
import { validateInput } from "./validate.js";

/**
 * The settings of a scenario as a flat list: every input with its key, label, unit, value and source.
 * This is the assumptions register a finance officer reads (the workbook's Inputs sheet, the task
 * pane's editor), the names overrides use (`structure.tiers.socialWorker.salary`), and the numeric
 * inputs an uncertainty analysis varies.
 */

export interface Setting {
  /** Stable name: tiers by id, lists by position (`transition.leavers.0.age`). */
  key: string;
  /** Where it sits in the scenario file, as validation messages write it (`structure.tiers[0].salary`). */
  path: string;
  label: string;
  kind: "number" | "text" | "boolean" | "year" | "choice";
  unit?: Unit;
  value: number | string | boolean | null;
  provenance?: Provenance;
  min?: number;
  max?: number;
  /** The value must be above `min` (rather than at least it). */
  minExclusive?: boolean;
  /** The value must be below `max` (rather than at most it). */
  maxExclusive?: boolean;
  /** The max is a bound against typing errors (far above any council), not a range of values worth searching. */
  maxIsLimit?: boolean;
  integer?: boolean;
  choices?: readonly string[];
  /** The group the setting belongs to, for display: "council", "structure", "timeUse", "finance", "transition". */
  group: string;
  /** For an uncertain input: its distribution (the value is its central case). */
  distribution?: Distribution;
}

/** The scenario as a scenario file would hold it: tiers with their sizing key, pay awards as written. */
export function toScenarioInput(scenario: Scenario, options: { withSources?: boolean } = {}): Record<string, unknown> {
  const input: Record<string, unknown> = {
    id: scenario.id,
    name: scenario.name,
    ...(scenario.shortName !== undefined ? { shortName: scenario.shortName } : {}),
    description: scenario.description,
    council: { ...scenario.council },
    structure: {
      name: scenario.structure.name,
      teams: { ...scenario.structure.teams },
      teamBudget: scenario.structure.teamBudget,
      ...(scenario.structure.caseloadFromCouncil !== undefined ? { caseloadFromCouncil: scenario.structure.caseloadFromCouncil } : {}),
      tiers: scenario.structure.tiers.map(tierToInput),
    },
    timeUse: { ...scenario.timeUse },
    finance: {
      ...scenario.finance,
      payAwards: Object.fromEntries(Object.entries(scenario.finance.payAwards).map(([year, award]) => [year, awardToInput(award)])),
      employerNi: { ...scenario.finance.employerNi },
      apprenticeshipLevy: { ...scenario.finance.apprenticeshipLevy },
      appraisal: { ...scenario.finance.appraisal, discountSchedule: scenario.finance.appraisal.discountSchedule.map((b) => ({ ...b })) },
    },
  };
  if (scenario.transition) input.transition = clone(scenario.transition);
  if (scenario.correlations?.length) input.correlations = clone(scenario.correlations);
  const plain = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  return options.withSources ? (attachSources(plain, scenario.sources, "", scenario.distributions) as Record<string, unknown>) : plain;
}

function tierToInput(tier: Tier): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: tier.id,
    name: tier.name,
    reportsTo: tier.reportsTo,
    holdsCases: tier.holdsCases,
    role: tier.role,
    salary: tier.salary,
    senior: tier.senior,
    ...(tier.grade !== undefined ? { grade: tier.grade } : {}),
  };
  const size = tier.size;
  if (size.rule === "fixed") out.fte = size.fte;
  else if (size.rule === "caseload") {
    out.childrenPerWorker = size.childrenPerWorker;
    out.shareOfChildren = size.shareOfChildren;
  } else if (size.rule === "span") out.span = { of: size.of, per: size.per, fte: size.fte };
  else out.expression = size.expression;
  return out;
}

function awardToInput(award: PayAward): unknown {
  if (award.flat === 0) return award.percent;
  const out: Record<string, number> = { flat: award.flat };
  if (Number.isFinite(award.flatUpTo)) out.flatUpTo = award.flatUpTo;
  if (award.percent !== 0) out.percent = award.percent;
  return out;
}

/** Wraps each number or switch that has a recorded source (or distribution) as `{ value, source }`, so an exported file keeps it. */
function attachSources(value: unknown, sources: Record<string, Provenance>, key: string, distributions: Scenario["distributions"] = {}): unknown {
  // Switches (a tier's holdsCases or senior flag) keep their sources too, so an override keeps the trail.
  if (typeof value === "number" || typeof value === "boolean") {
    const provenance = sources[key];
    const distribution = distributions[key];
    if (distribution) return { value, ...provenance, distribution: clone(distribution) };
    return provenance ? { value, ...provenance } : value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      const id = item && typeof item === "object" && typeof (item as Record<string, unknown>).id === "string" ? ((item as Record<string, unknown>).id as string) : String(i);
      return attachSources(item, sources, `${key}.${id}`, distributions);
    });
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, attachSources(v, sources, key ? `${key}.${k}` : k, distributions)]));
  }
  return value;
}

const settingsCache = new WeakMap<Scenario, Setting[]>();

/** Every setting of a scenario, in the order of the scenario file. */
export function listSettings(scenario: Scenario): Setting[] {
  let settings = settingsCache.get(scenario);
  if (!settings) {
    settings = [];
    collect(scenarioSpec, toScenarioInput(scenario), "", "", "", scenario.sources, settings);
    for (const setting of settings) {
      const distribution = scenario.distributions?.[setting.key];
      if (distribution) setting.distribution = distribution;
    }
    settingsCache.set(scenario, settings);
  }
  return settings;
}

/** The numeric settings only (what an uncertainty analysis may vary). */
export function numericSettings(scenario: Scenario): Setting[] {
  return listSettings(scenario).filter((s) => s.kind === "number");
}

function collect(spec: Spec, value: unknown, key: string, path: string, group: string, sources: Record<string, Provenance>, out: Setting[]): void {
  if (value === undefined) return;
  const join = (a: string, b: string) => (a ? `${a}.${b}` : b);
  switch (spec.type) {
    case "object":
      for (const [name, field] of Object.entries(spec.fields)) {
        collect(field, (value as Record<string, unknown>)?.[name], join(key, name), join(path, name), group || name, sources, out);
      }
      return;
    case "list":
      (value as unknown[]).forEach((item, i) => {
        const id = spec.keyedBy && item && typeof item === "object" ? String((item as Record<string, unknown>)[spec.keyedBy]) : String(i);
        collect(spec.of, item, join(key, id), `${path}[${i}]`, group, sources, out);
      });
      return;
    case "map":
      for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
        collect(spec.of, item, join(key, name), join(path, name), group, sources, out);
      }
      return;
    case "custom": {
      if (spec.label === "Tier") {
        collect({ type: "object", label: "Tier", fields: tierFields }, value, key, path, group, sources, out);
      } else if (typeof value === "number") {
        collect({ type: "number", unit: "share", label: spec.label, min: -0.5, max: 1 }, value, key, path, group, sources, out);
      } else {
        collect({ type: "object", label: spec.label, fields: payAwardFields }, value, key, path, group, sources, out);
      }
      return;
    }
    default: {
      const setting: Setting = {
        key,
        path,
        label: spec.label,
        kind: spec.type === "number" ? "number" : spec.type,
        value: value as Setting["value"],
        group,
      };
      const provenance = sources[key];
      if (provenance) setting.provenance = provenance;
      if (spec.type === "number") {
        setting.unit = spec.unit;
        addRange(setting, spec);
      }
      if (spec.type === "choice") setting.choices = spec.choices;
      out.push(setting);
    }
  }
}

function addRange(setting: Setting, spec: NumberSpec): void {
  if (spec.min !== undefined) setting.min = spec.min;
  if (spec.above !== undefined) {
    setting.min = spec.above;
    setting.minExclusive = true;
  }
  if (spec.max !== undefined) setting.max = spec.max;
  if (spec.maxIsLimit) setting.maxIsLimit = true;
  if (spec.below !== undefined) {
    setting.max = spec.below;
    setting.maxExclusive = true;
  }
  if (spec.integer) setting.integer = true;
}

/** One override: a setting's key (or file path) and its new value. */
export type Overrides = Record<string, unknown> | readonly (readonly [string, unknown])[];

/**
 * A new scenario with some settings changed (a council's own figures, a sensitivity case, a row of
 * overrides from a range of cells). Keys are setting keys (`council.children`,
 * `structure.tiers.socialWorker.salary`) or file paths (`structure.tiers[0].salary`). Giving a tier a
 * different sizing key (`structure.tiers.teamManager.fte`) replaces its sizing rule. The result is
 * validated like any scenario; an unknown key throws UnknownNameError with the close matches.
 */
export function applySettings(scenario: Scenario, overrides: Overrides, source = "override"): Scenario {
  const entries = Array.isArray(overrides) ? (overrides as [string, unknown][]) : Object.entries(overrides);
  if (entries.length === 0) return scenario;
  const input = toScenarioInput(scenario, { withSources: true });
  const known = listSettings(scenario).map((s) => s.key);
  // The same setting may be named two ways (`structure.tiers[0].salary` is
  // `structure.tiers.socialWorker.salary`): settings are compared by what they resolve to, and one
  // given twice is refused rather than letting the later value win without a word.
  const given = new Map<string, string>();
  const values = new Map<string, unknown>();
  for (const [key, value] of entries) {
    const target = setAt(input, key, value, source, known);
    values.set(target, value);
    const first = given.get(target);
    if (first !== undefined) throw new ScenarioError([{ path: key, reason: first === key ? "is given twice" : `is given twice (also as ${first})` }]);
    given.set(target, key);
  }
  refuseDeadCaseloads(scenario, input, given, values);
  return validateInput(input, { id: scenario.id });
}

/**
 * A case-holding tier's own caseload does nothing while its structure takes the council's
 * (structure.caseloadFromCouncil, with council.caseload stated): setting it would change nothing without
 * a word, so it is refused with what to set instead.
 */
function refuseDeadCaseloads(scenario: Scenario, input: Record<string, unknown>, given: Map<string, string>, values: Map<string, unknown>): void {
  const structure = input.structure as { caseloadFromCouncil?: unknown } | undefined;
  const flag = structure?.caseloadFromCouncil;
  const on = flag === true || (flag !== null && typeof flag === "object" && (flag as { value?: unknown }).value === true);
  const council = input.council as { caseload?: unknown } | undefined;
  if (!on || council?.caseload === undefined) return;
  const issues = [...given.entries()].flatMap(([target, key]) => {
    const m = /^structure\.tiers\.([^.]+)\.childrenPerWorker$/.exec(target);
    const tier = m && scenario.structure.tiers.find((t) => t.id === m[1]);
    // the value it already has (a whole scenario's settings given back, as the pane's formulas do) changes nothing
    const raw = values.get(target);
    const value = raw !== null && typeof raw === "object" && "value" in raw ? (raw as { value: unknown }).value : raw;
    const unchanged = tier?.size.rule === "caseload" && Number(value) === tier.size.childrenPerWorker;
    return tier?.holdsCases && !unchanged
      ? [{ path: key, reason: "does nothing while structure.caseloadFromCouncil is on: the case-holders carry council.caseload; set council.caseload, or set structure.caseloadFromCouncil to false first" }]
      : [];
  });
  if (issues.length > 0) throw new ScenarioError(issues);
}

/** Sets one value; returns the path it resolved to, each list item named by its id where it has one. */
function setAt(input: Record<string, unknown>, key: string, value: unknown, source: string, known: string[]): string {
  const segments = splitKey(key);
  const resolved: string[] = [];
  const fail = (): never => {
    throw new UnknownNameError("setting", key, closeMatches(key, known));
  };
  // A prototype name anywhere in the path is an unknown setting, never a step onto a prototype.
  if (segments.length === 0 || segments.some(isPrototypeName)) fail();
  let node: unknown = input;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    if (Array.isArray(node)) {
      const byId = node.find((item) => item && typeof item === "object" && (item as Record<string, unknown>).id === segment);
      node = byId ?? (/^\d+$/.test(segment) ? node[Number(segment)] : undefined);
      const id = node && typeof node === "object" ? (node as Record<string, unknown>).id : undefined;
      resolved.push(typeof id === "string" ? id : segment);
    } else if (node && typeof node === "object") {
      node = ownValue(node as Record<string, unknown>, segment);
      resolved.push(segment);
    } else {
      node = undefined;
    }
    if (node === undefined || node === null || typeof node !== "object") fail();
  }
  const last = segments[segments.length - 1]!;
  const isTier = segments[0] === "structure" && segments[1] === "tiers" && segments.length === 4;
  const target = node as Record<string, unknown>;
  if (Array.isArray(target)) {
    if (!/^\d+$/.test(last) || Number(last) >= target.length) fail();
    target[Number(last)] = wrap(value, source);
    return [...resolved, last].join(".");
  }
  const exists = hasOwn(target, last);
  const switchesSizing = isTier && (SIZING_KEYS as readonly string[]).includes(last);
  const inSpec = specHasField(segments);
  if (!exists && !switchesSizing && !inSpec) fail();
  if (switchesSizing && !exists) {
    for (const k of [...SIZING_KEYS, "shareOfChildren"]) delete target[k];
  }
  setOwn(target, last, wrap(value, source));
  return [...resolved, last].join(".");
}

/** True when the key names a field the schema declares, even if this scenario leaves it out. */
function specHasField(segments: string[]): boolean {
  let spec: Spec | undefined = scenarioSpec;
  for (const segment of segments) {
    if (!spec) return false;
    if (spec.type === "object") spec = ownValue(spec.fields, segment);
    else if (spec.type === "list" || spec.type === "map") spec = spec.of;
    else if (spec.type === "custom") spec = ownValue((spec.label === "Tier" ? tierFields : payAwardFields) as ObjectSpec["fields"], segment);
    else return false;
  }
  return spec !== undefined;
}

function wrap(value: unknown, source: string): unknown {
  return typeof value === "number" || typeof value === "boolean" ? { value, source } : value;
}

/** `structure.tiers[2].salary` and `structure.tiers.socialWorker.salary` both split into segments. */
export function splitKey(key: string): string[] {
  return key
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((s) => s !== "");
}
