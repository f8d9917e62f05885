import type { Issue } from "../errors.js";
import { closeMatches } from "../names.js";
import { hasOwn, isPrototypeName, setOwn } from "../ownProperties.js";
import { isFinancialYear } from "../years.js";
import type { Provenance } from "./types.js";
import { readDistribution, type Distribution } from "../uncertainty/distributions.js";

/**
 * A small declarative schema: each setting is declared once with its label, unit and legal range,
 * and that one declaration drives validation (every problem as path and reason), the list of
 * settings the faces show (the task pane's editor, the workbook's Inputs sheet, overrides from a
 * range of cells) and the numeric inputs an uncertainty analysis can vary.
 */

export type Unit =
  | "children"
  | "children per family"
  | "children per worker"
  | "share"
  | "£"
  | "£ a year"
  | "FTE"
  | "hours a week"
  | "years"
  | "months"
  | "hours a month"
  | "hours a week per case"
  | "age"
  | "multiple"
  | "count"
  | "layers"
  | "rank correlation";

interface SpecBase {
  label: string;
  /** One sentence for a finance officer: what the setting means. */
  help?: string;
  /** Absent is allowed (the value is then left undefined for a later default). */
  optional?: boolean;
}

export interface NumberSpec extends SpecBase {
  type: "number";
  unit: Unit;
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Smallest allowed value (exclusive): the value must be above it. */
  above?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** Largest allowed value (exclusive). */
  below?: number;
  /** The max is a bound against typing errors (far above any council), not a range of values worth searching. */
  maxIsLimit?: boolean;
  integer?: boolean;
}

export interface TextSpec extends SpecBase {
  type: "text";
  pattern?: RegExp;
  patternHelp?: string;
  nullable?: boolean;
}

export interface BooleanSpec extends SpecBase {
  type: "boolean";
}

export interface ChoiceSpec extends SpecBase {
  type: "choice";
  choices: readonly string[];
}

export interface YearSpec extends SpecBase {
  type: "year";
}

export interface ObjectSpec extends SpecBase {
  type: "object";
  fields: Record<string, Spec>;
  /** Settings an earlier version had, with what a file that still uses one should do instead. */
  retired?: Record<string, string>;
}

export interface ListSpec extends SpecBase {
  type: "list";
  of: Spec;
  minItems?: number;
  maxItems?: number;
  /** For lists of objects with an `id`: settings and sources are keyed by id, not position. */
  keyedBy?: string;
}

export interface MapSpec extends SpecBase {
  type: "map";
  /** What a key must be. */
  key: "year" | "name";
  keys?: readonly string[];
  of: Spec;
}

/** A setting whose shape is read by its own function (a tier's sizing rule, a pay award). */
export interface CustomSpec extends SpecBase {
  type: "custom";
  read: (raw: unknown, at: Walk) => unknown;
}

export type Spec = NumberSpec | TextSpec | BooleanSpec | ChoiceSpec | YearSpec | ObjectSpec | ListSpec | MapSpec | CustomSpec;

/** The keys a number may carry beside its value in a scenario file (a distribution makes it an uncertain input). */
export const ANNOTATION_KEYS = ["value", "source", "assumption", "distribution"] as const;

/**
 * The state of one validation walk: where we are (two spellings of the same place: the file's
 * positions for error messages, and ids for settings and sources) and what has been found.
 */
export class Walk {
  readonly issues: Issue[] = [];
  readonly sources: Record<string, Provenance> = {};
  /** Uncertain inputs: the distribution beside a number, keyed like sources. */
  readonly distributions: Record<string, Distribution> = {};
  /** The key of every number read (what a correlation may name). */
  readonly numberKeys = new Set<string>();
  constructor(
    /** Where a bare number in this input came from, when it carries no source of its own. */
    readonly inherited: Provenance | undefined,
    readonly path = "",
    readonly key = "",
    private readonly root?: Walk,
  ) {}

  child(name: string | number, keyName?: string): Walk {
    const path = typeof name === "number" ? `${this.path}[${name}]` : this.path ? `${this.path}.${name}` : name;
    const keyPart = keyName ?? String(name);
    const key = this.key ? `${this.key}.${keyPart}` : keyPart;
    return new Walk(this.inherited, path, key, this.root ?? this);
  }

  /** The same place, with a provenance every bare number below it inherits. */
  inheriting(provenance: Provenance): Walk {
    return new Walk(provenance, this.path, this.key, this.root ?? this);
  }

  problem(reason: string, path = this.path): void {
    (this.root ?? this).issues.push({ path, reason });
  }

  note(provenance: Provenance): void {
    (this.root ?? this).sources[this.key] = provenance;
  }

  noteDistribution(distribution: Distribution): void {
    (this.root ?? this).distributions[this.key] = distribution;
  }

  noteNumber(): void {
    (this.root ?? this).numberKeys.add(this.key);
  }

  get allNumberKeys(): ReadonlySet<string> {
    return (this.root ?? this).numberKeys;
  }

  get allDistributions(): Record<string, Distribution> {
    return (this.root ?? this).distributions;
  }

  get allIssues(): Issue[] {
    return (this.root ?? this).issues;
  }

  get allSources(): Record<string, Provenance> {
    return (this.root ?? this).sources;
  }
}

/** Reads `raw` against `spec`, recording problems and sources; returns the plain value (or undefined). */
export function read(spec: Spec, raw: unknown, at: Walk): unknown {
  if (raw === undefined || raw === null) {
    if (spec.type === "text" && spec.nullable && raw === null) return null;
    if (!spec.optional) at.problem(raw === null ? "must not be empty" : "is required");
    return undefined;
  }
  if (spec.type === "list" || spec.type === "map" || (spec.type === "object" && !("value" in spec.fields))) {
    // A group or list may carry one source for everything in it: `{ value: [0.4, 0.35, 0.25], assumption: "…" }`.
    const group = unwrapGroup(raw, at);
    if (group) return read(spec, group.value, group.at);
  }
  if (spec.type === "boolean" || spec.type === "text" || spec.type === "choice" || spec.type === "year") {
    raw = unwrapAnnotated(raw, at);
  }
  switch (spec.type) {
    case "number":
      return readNumber(spec, raw, at);
    case "text":
      return readText(spec, raw, at);
    case "boolean":
      if (typeof raw !== "boolean") return at.problem(`must be true or false, got ${show(raw)}`);
      return raw;
    case "choice":
      if (typeof raw !== "string" || !spec.choices.includes(raw)) {
        return at.problem(`must be one of ${spec.choices.map((c) => `"${c}"`).join(", ")}, got ${show(raw)}`);
      }
      return raw;
    case "year":
      if (!isFinancialYear(raw)) return at.problem(`must be a financial year such as "2025/26", got ${show(raw)}`);
      return raw;
    case "object":
      return readObject(spec, raw, at);
    case "list":
      return readList(spec, raw, at);
    case "map":
      return readMap(spec, raw, at);
    case "custom":
      return spec.read(raw, at);
  }
}

function unwrapGroup(raw: unknown, at: Walk): { value: unknown; at: Walk } | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw) || !("value" in raw)) return undefined;
  const record = raw as Record<string, unknown>;
  if (typeof record.value !== "object" || record.value === null) return undefined;
  const provenance = readProvenance(record, at);
  return { value: record.value, at: provenance.source || provenance.assumption ? at.inheriting(provenance) : at };
}

function readProvenance(record: Record<string, unknown>, at: Walk): Provenance {
  for (const key of Object.keys(record)) {
    if (!(ANNOTATION_KEYS as readonly string[]).includes(key)) {
      at.problem(`unknown note "${key}" beside a value (allowed: ${ANNOTATION_KEYS.join(", ")})`);
    }
  }
  if (record.distribution !== undefined) at.problem("only a single number can carry a distribution");
  const provenance: Provenance = {};
  if (record.source !== undefined) {
    if (typeof record.source !== "string" || record.source.trim() === "") at.problem("source must be text");
    else provenance.source = record.source;
  }
  if (record.assumption !== undefined) {
    if (typeof record.assumption !== "string" || record.assumption.trim() === "") at.problem("assumption must be text");
    else provenance.assumption = record.assumption;
  }
  return provenance;
}

/** Splits `{ value, source }` into the value and its provenance; a bare value takes the input's default. */
export function unwrapAnnotated(raw: unknown, at: Walk): unknown {
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw) && "value" in raw) {
    const record = raw as Record<string, unknown>;
    const provenance = readProvenance(record, at);
    if (provenance.source || provenance.assumption) at.note(provenance);
    else if (at.inherited) at.note(at.inherited);
    return record.value;
  }
  if (at.inherited && (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean")) {
    at.note(at.inherited);
  }
  return raw;
}

function readNumber(spec: NumberSpec, raw: unknown, at: Walk): number | undefined {
  // A distribution beside the value makes the setting an uncertain input; the value stays its central case.
  let distribution: unknown;
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw) && "distribution" in raw) {
    const { distribution: given, ...rest } = raw as Record<string, unknown>;
    distribution = given;
    raw = rest;
  }
  const value = unwrapAnnotated(raw, at);
  if (typeof value !== "number") {
    at.problem(`must be a number (${spec.unit}), got ${show(value)}`);
    return undefined;
  }
  if (!Number.isFinite(value)) {
    at.problem(`must be a finite number, got ${value}`);
    return undefined;
  }
  const failure = rangeProblem(spec, value);
  if (failure) {
    at.problem(failure);
    return undefined;
  }
  at.noteNumber();
  if (distribution !== undefined) {
    const range = {
      ...(spec.min !== undefined ? { min: spec.min } : spec.above !== undefined ? { min: spec.above, minExclusive: true } : {}),
      ...(spec.max !== undefined ? { max: spec.max } : spec.below !== undefined ? { max: spec.below, maxExclusive: true } : {}),
      ...(spec.integer ? { integer: true } : {}),
    };
    const read = readDistribution(distribution, value, range);
    for (const issue of read.issues) at.problem(issue.reason, `${at.path}.distribution${issue.path ? `.${issue.path}` : ""}`);
    if (read.distribution) at.noteDistribution(read.distribution);
  }
  return value;
}

/** Why `value` is outside the spec's range, or undefined when it is inside. */
export function rangeProblem(spec: NumberSpec, value: number): string | undefined {
  if (spec.integer && !Number.isInteger(value)) return `must be a whole number, got ${value}`;
  if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}, got ${value}`;
  if (spec.above !== undefined && value <= spec.above) return `must be more than ${spec.above}, got ${value}`;
  if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}, got ${value}`;
  if (spec.below !== undefined && value >= spec.below) return `must be less than ${spec.below}, got ${value}`;
  return undefined;
}

function readText(spec: TextSpec, raw: unknown, at: Walk): string | undefined {
  if (typeof raw !== "string") {
    at.problem(`must be text, got ${show(raw)}`);
    return undefined;
  }
  if (spec.pattern && !spec.pattern.test(raw)) {
    at.problem(`${spec.patternHelp ?? "is not in the expected form"}, got ${show(raw)}`);
    return undefined;
  }
  return raw;
}

function readObject(spec: ObjectSpec, raw: unknown, at: Walk): Record<string, unknown> | undefined {
  if (typeof raw !== "object" || Array.isArray(raw) || raw === null) {
    at.problem(`must be a group of settings, got ${show(raw)}`);
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  const known = Object.keys(spec.fields);
  for (const key of Object.keys(record)) {
    if (!hasOwn(spec.fields, key)) {
      if (spec.retired && hasOwn(spec.retired, key)) {
        at.child(key).problem(spec.retired[key]!);
        continue;
      }
      const near = closeMatches(key, known);
      at.child(key).problem(`unknown setting${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of known) {
    const value = read(spec.fields[key]!, record[key], at.child(key));
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function readList(spec: ListSpec, raw: unknown, at: Walk): unknown[] | undefined {
  if (!Array.isArray(raw)) {
    at.problem(`must be a list, got ${show(raw)}`);
    return undefined;
  }
  if (spec.minItems !== undefined && raw.length < spec.minItems) at.problem(`must have at least ${spec.minItems} item(s), got ${raw.length}`);
  if (spec.maxItems !== undefined && raw.length > spec.maxItems) at.problem(`must have at most ${spec.maxItems} item(s), got ${raw.length}`);
  return raw.map((item, i) => {
    let keyName: string | undefined;
    if (spec.keyedBy && item && typeof item === "object" && typeof (item as Record<string, unknown>)[spec.keyedBy] === "string") {
      keyName = (item as Record<string, unknown>)[spec.keyedBy] as string;
    }
    return read(spec.of, item, at.child(i, keyName ?? String(i)));
  });
}

function readMap(spec: MapSpec, raw: unknown, at: Walk): Record<string, unknown> | undefined {
  if (typeof raw !== "object" || Array.isArray(raw) || raw === null) {
    at.problem(`must be a group of settings, got ${show(raw)}`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const here = at.child(key);
    if (spec.key === "year" && !isFinancialYear(key)) {
      here.problem(`must be keyed by a financial year such as "2025/26", got ${show(key)}`);
      continue;
    }
    if (isPrototypeName(key)) {
      here.problem("unknown setting");
      continue;
    }
    if (spec.keys && !spec.keys.includes(key)) {
      const near = closeMatches(key, spec.keys);
      here.problem(`unknown name${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""} (allowed: ${spec.keys.join(", ")})`);
      continue;
    }
    const read_ = read(spec.of, value, here);
    if (read_ !== undefined) setOwn(out, key, read_);
  }
  return out;
}

/** A value as it should appear in a message: strings quoted, objects described, long text cut. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of settings";
  return String(value);
}
