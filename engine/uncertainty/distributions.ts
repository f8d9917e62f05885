import { BetaDistribution } from "./beta.js";
import { normalCdf, normalQuantile } from "./normal.js";

/**
 * The distributions an uncertain input may take. A scenario file writes one beside the value it
 * varies (`vacancyRate: { value: 0.142, source: "…", distribution: "triangular(0.10, 0.142, 0.20)" }`);
 * the value stays the central case every deterministic figure uses, and the distribution says how far
 * it may move. Every draw goes through the distribution's quantile function, so a rank correlation
 * between inputs carries through unchanged and a tornado's low and high are plain percentiles.
 */

/** Where a distribution's range came from: a published source, or an assumption with its rationale. */
export interface DistributionNote {
  source?: string;
  assumption?: string;
}

export type Distribution = DistributionNote &
  (
  | { type: "uniform"; min: number; max: number }
  | { type: "triangular"; min: number; mode: number; max: number }
  /** A beta distribution scaled to [min, max] with its mode at `mode`; `shape` (λ, usually 4) weights the mode. */
  | { type: "pert"; min: number; mode: number; max: number; shape: number }
  /** `mean` and `sd` before any cut-off at `min` or `max`. */
  | { type: "normal"; mean: number; sd: number; min?: number; max?: number }
  /** `mean` and `sd` of the value itself (not of its logarithm), before any cut-off. */
  | { type: "lognormal"; mean: number; sd: number; min?: number; max?: number }
  /** A few values, each with its probability (the probabilities sum to 1). */
  | { type: "discrete"; values: number[]; probabilities: number[] }
  );

export type DistributionType = Distribution["type"];

export const DISTRIBUTION_TYPES: readonly DistributionType[] = ["triangular", "pert", "uniform", "normal", "lognormal", "discrete"];

/** The usual PERT shape: the mode counts four times as much as either end in the mean. */
export const PERT_SHAPE = 4;

/** Probabilities of a discrete distribution may miss 1 by this much (rounding in a file written by hand). */
const PROBABILITY_TOLERANCE = 1e-6;

/** The legal range of the setting a distribution belongs to (a setting's spec, in the terms of `Setting`). */
export interface SettingRange {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}

/** A problem with a distribution: where inside it (`max`, `probabilities`, or "" for the whole) and why. */
export interface DistributionIssue {
  path: string;
  reason: string;
}

/** How a distribution is written in a cell or on the command line: `triangular(0.1, 0.142, 0.2)`. */
export function formatDistribution(d: Distribution): string {
  const n = (x: number) => String(x);
  switch (d.type) {
    case "uniform":
      return `uniform(${n(d.min)}, ${n(d.max)})`;
    case "triangular":
      return `triangular(${n(d.min)}, ${n(d.mode)}, ${n(d.max)})`;
    case "pert":
      return d.shape === PERT_SHAPE ? `pert(${n(d.min)}, ${n(d.mode)}, ${n(d.max)})` : `pert(${n(d.min)}, ${n(d.mode)}, ${n(d.max)}, ${n(d.shape)})`;
    case "normal":
    case "lognormal": {
      const cut = d.min !== undefined || d.max !== undefined ? `, ${d.min ?? "-inf"}, ${d.max ?? "inf"}` : "";
      return `${d.type}(${n(d.mean)}, ${n(d.sd)}${cut})`;
    }
    case "discrete":
      return `discrete(${d.values.map((v, i) => `${n(v)}:${n(d.probabilities[i]!)}`).join(", ")})`;
  }
}

/**
 * Reads a distribution written as text (`pert(0.10, 0.142, 0.20)`, `normal(36582, 1500, 30000, 45000)`,
 * `discrete(1:0.2, 1.86:0.5, 3:0.3)`) or as a group of settings (`{ type: triangular, min: 0.1,
 * max: 0.2 }`). `central` is the value it sits beside: a triangular or PERT mode, or a normal or
 * lognormal mean, left out is taken to be it. `range` is the setting's legal range; the whole of the
 * distribution must lie inside it. Returns the distribution, or the problems found.
 */
export function readDistribution(raw: unknown, central?: number, range: SettingRange = {}): { distribution?: Distribution; issues: DistributionIssue[] } {
  const issues: DistributionIssue[] = [];
  const problem = (path: string, reason: string) => issues.push({ path, reason });
  let fields: Record<string, unknown>;
  if (typeof raw === "string") {
    const parsed = parseText(raw, central);
    if ("problem" in parsed) {
      problem("", parsed.problem);
      return { issues };
    }
    fields = parsed.fields;
  } else if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    fields = { ...(raw as Record<string, unknown>) };
  } else {
    problem("", `must be a distribution such as "triangular(min, mode, max)" or { type: triangular, min, mode, max }, got ${describe(raw)}`);
    return { issues };
  }

  const type = fields.type;
  if (typeof type !== "string" || !(DISTRIBUTION_TYPES as readonly string[]).includes(type)) {
    problem("type", `must be one of ${DISTRIBUTION_TYPES.join(", ")}, got ${describe(type)}`);
    return { issues };
  }
  const allowed: Record<DistributionType, string[]> = {
    uniform: ["min", "max"],
    triangular: ["min", "mode", "max"],
    pert: ["min", "mode", "max", "shape"],
    normal: ["mean", "sd", "min", "max"],
    lognormal: ["mean", "sd", "min", "max"],
    discrete: ["values", "probabilities"],
  };
  const note: DistributionNote = {};
  for (const key of ["source", "assumption"] as const) {
    if (fields[key] === undefined) continue;
    if (typeof fields[key] !== "string" || (fields[key] as string).trim() === "") problem(key, "must be text");
    else note[key] = fields[key] as string;
  }
  for (const key of Object.keys(fields)) {
    if (key !== "type" && key !== "source" && key !== "assumption" && !allowed[type as DistributionType].includes(key)) {
      problem(key, `is not a parameter of a ${type} distribution (its parameters: ${allowed[type as DistributionType].join(", ")})`);
    }
  }
  const num = (key: string, fallback?: number): number | undefined => {
    const value = fields[key] ?? fallback;
    if (value === undefined) {
      problem(key, "is required");
      return undefined;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      problem(key, `must be a finite number, got ${describe(value)}`);
      return undefined;
    }
    return value;
  };
  const optional = (key: string): number | undefined => (fields[key] === undefined || fields[key] === null ? undefined : num(key));

  let d: Distribution | undefined;
  switch (type as DistributionType) {
    case "uniform": {
      const min = num("min");
      const max = num("max");
      if (min !== undefined && max !== undefined) {
        if (!(min < max)) problem("max", `must be more than min (${min}), got ${max}`);
        else d = { type: "uniform", min, max };
      }
      break;
    }
    case "triangular":
    case "pert": {
      const min = num("min");
      const max = num("max");
      const mode = num("mode", central);
      const shape = type === "pert" ? num("shape", PERT_SHAPE) : undefined;
      if (min === undefined || max === undefined || mode === undefined || (type === "pert" && shape === undefined)) break;
      if (!(min < max)) problem("max", `must be more than min (${min}), got ${max}`);
      else if (mode < min || mode > max) problem("mode", `must lie between min (${min}) and max (${max}), got ${mode}`);
      else if (shape !== undefined && !(shape > 0)) problem("shape", `must be more than 0, got ${shape}`);
      else d = type === "pert" ? { type: "pert", min, mode, max, shape: shape! } : { type: "triangular", min, mode, max };
      break;
    }
    case "normal":
    case "lognormal": {
      const mean = num("mean", central);
      const sd = num("sd");
      const min = optional("min");
      const max = optional("max");
      if (mean === undefined || sd === undefined) break;
      if (!(sd > 0)) {
        problem("sd", `must be more than 0, got ${sd}`);
        break;
      }
      if (type === "lognormal" && !(mean > 0)) {
        problem("mean", `must be more than 0 (a lognormal value is always positive), got ${mean}`);
        break;
      }
      if (min !== undefined && max !== undefined && !(min < max)) {
        problem("max", `must be more than min (${min}), got ${max}`);
        break;
      }
      const candidate: Extract<Distribution, { type: "normal" | "lognormal" }> = { type: type as "normal" | "lognormal", mean, sd, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
      const mass = keptMass(candidate);
      if (!(mass > 1e-9)) problem("", `cutting it off at ${min ?? "-inf"} and ${max ?? "inf"} leaves almost none of it (probability ${mass.toPrecision(2)})`);
      else d = candidate;
      break;
    }
    case "discrete": {
      const values = fields.values;
      const probabilities = fields.probabilities;
      if (!Array.isArray(values) || values.length === 0) {
        problem("values", `must be a list of numbers, got ${describe(values)}`);
        break;
      }
      if (!Array.isArray(probabilities) || probabilities.length !== values.length) {
        problem("probabilities", `must be a list with one probability for each of the ${values.length} values, got ${describe(probabilities)}`);
        break;
      }
      let ok = true;
      values.forEach((v, i) => {
        if (typeof v !== "number" || !Number.isFinite(v)) {
          problem(`values[${i}]`, `must be a finite number, got ${describe(v)}`);
          ok = false;
        }
      });
      probabilities.forEach((p, i) => {
        if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
          problem(`probabilities[${i}]`, `must be a probability between 0 and 1, got ${describe(p)}`);
          ok = false;
        }
      });
      if (!ok) break;
      if (new Set(values).size !== values.length) {
        problem("values", "must not repeat a value");
        break;
      }
      const sum = (probabilities as number[]).reduce((s, p) => s + p, 0);
      if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
        problem("probabilities", `must sum to 1, got ${Math.round(sum * 1e6) / 1e6}`);
        break;
      }
      d = { type: "discrete", values: [...(values as number[])], probabilities: [...(probabilities as number[])] };
      break;
    }
  }
  if (!d) return { issues };
  Object.assign(d, note);

  // The distribution must stay inside the setting's legal range, and hold the central value.
  const [low, high] = support(d);
  if (range.min !== undefined && (low < range.min || (range.minExclusive && low <= range.min))) {
    const fix = d.type === "normal" || d.type === "lognormal" ? `; give min: ${range.min}${range.minExclusive ? " (or just above)" : ""} to cut it off there` : "";
    problem("", `reaches ${show(low)}, below the least the setting allows (${range.minExclusive ? "more than " : ""}${range.min})${fix}`);
  }
  if (range.max !== undefined && (high > range.max || (range.maxExclusive && high >= range.max))) {
    const fix = d.type === "normal" || d.type === "lognormal" ? `; give max: ${range.max}${range.maxExclusive ? " (or just below)" : ""} to cut it off there` : "";
    problem("", `reaches ${show(high)}, above the most the setting allows (${range.maxExclusive ? "less than " : ""}${range.max})${fix}`);
  }
  if (range.integer && (d.type !== "discrete" || d.values.some((v) => !Number.isInteger(v)))) {
    problem("", "the setting is a whole number, so its distribution must be discrete with whole-number values");
  }
  if (central !== undefined && (central < low || central > high)) {
    problem("", `the setting's value ${central} lies outside its distribution (${show(low)} to ${show(high)})`);
  }
  return issues.length > 0 ? { issues } : { distribution: d, issues };
}

/** The smallest and largest values a distribution can give (infinite for an uncut normal). */
export function support(d: Distribution): [number, number] {
  switch (d.type) {
    case "uniform":
    case "triangular":
    case "pert":
      return [d.min, d.max];
    case "normal":
      return [d.min ?? -Infinity, d.max ?? Infinity];
    case "lognormal":
      return [Math.max(0, d.min ?? 0), d.max ?? Infinity];
    case "discrete":
      return [Math.min(...d.values), Math.max(...d.values)];
  }
}

/** Parameters of the normal whose exponential is a lognormal with this mean and sd. */
function logParameters(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** The standard-normal bounds a normal or lognormal is cut off at. */
function standardBounds(d: Extract<Distribution, { type: "normal" | "lognormal" }>): [number, number] {
  if (d.type === "normal") {
    return [d.min === undefined ? -Infinity : (d.min - d.mean) / d.sd, d.max === undefined ? Infinity : (d.max - d.mean) / d.sd];
  }
  const { mu, sigma } = logParameters(d.mean, d.sd);
  const lo = d.min === undefined || d.min <= 0 ? -Infinity : (Math.log(d.min) - mu) / sigma;
  const hi = d.max === undefined ? Infinity : (Math.log(d.max) - mu) / sigma;
  return [lo, hi];
}

function keptMass(d: Extract<Distribution, { type: "normal" | "lognormal" }>): number {
  const [a, b] = standardBounds(d);
  // Work in the tail nearer the cut, where the probabilities are small and precise.
  return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
}

/** A distribution prepared for drawing: its quantile function, called once per draw. */
export interface Sampler {
  readonly distribution: Distribution;
  /** The value at cumulative probability u, for 0 < u < 1. */
  quantile(u: number): number;
}

/** Beta tables take milliseconds to build, and a sweep or a pool of workers asks for the same few again. */
const betaCache = new Map<string, BetaDistribution>();

function betaFor(a: number, b: number): BetaDistribution {
  const key = `${a},${b}`;
  let beta = betaCache.get(key);
  if (!beta) {
    if (betaCache.size >= 64) betaCache.delete(betaCache.keys().next().value!);
    beta = new BetaDistribution(a, b);
    betaCache.set(key, beta);
  }
  return beta;
}

/** Prepares a (validated) distribution for drawing: everything that does not depend on u is done here. */
export function sampler(d: Distribution): Sampler {
  switch (d.type) {
    case "uniform": {
      const { min, max } = d;
      const width = max - min;
      return { distribution: d, quantile: (u) => min + u * width };
    }
    case "triangular": {
      const { min, mode, max } = d;
      const width = max - min;
      const split = (mode - min) / width;
      return {
        distribution: d,
        quantile: (u) => (u < split ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode))),
      };
    }
    case "pert": {
      const { min, mode, max, shape } = d;
      const width = max - min;
      const beta = betaFor(1 + (shape * (mode - min)) / width, 1 + (shape * (max - mode)) / width);
      return { distribution: d, quantile: (u) => min + width * beta.quantile(u) };
    }
    case "normal":
    case "lognormal": {
      const [a, b] = standardBounds(d);
      const { mu, sigma } = d.type === "normal" ? { mu: d.mean, sigma: d.sd } : logParameters(d.mean, d.sd);
      const lo = d.min ?? -Infinity;
      const hi = d.max ?? Infinity;
      const log = d.type === "lognormal";
      // Cut-offs in the upper tail are drawn by symmetry from the lower one, where Φ keeps its precision.
      const upper = a > 0;
      const pa = upper ? normalCdf(-b) : normalCdf(a);
      const pb = upper ? normalCdf(-a) : normalCdf(b);
      const span = pb - pa;
      return {
        distribution: d,
        quantile: (u) => {
          const z = upper ? -normalQuantile(pa + (1 - u) * span) : normalQuantile(pa + u * span);
          const x = log ? Math.exp(mu + sigma * z) : mu + sigma * z;
          // Rounding in the last digit must not step over a cut-off.
          return x < lo ? lo : x > hi ? hi : x;
        },
      };
    }
    case "discrete": {
      const order = d.values.map((_, i) => i).sort((i, j) => d.values[i]! - d.values[j]!);
      const values = Float64Array.from(order.map((i) => d.values[i]!));
      const cumulative = new Float64Array(values.length);
      let total = 0;
      order.forEach((i, k) => (cumulative[k] = total += d.probabilities[i]!));
      for (let k = 0; k < cumulative.length; k++) cumulative[k]! /= total;
      const last = values.length - 1;
      return {
        distribution: d,
        quantile: (u) => {
          for (let k = 0; k < last; k++) if (u <= cumulative[k]!) return values[k]!;
          return values[last]!;
        },
      };
    }
  }
}

/** Splits `name(a, b, c)` into a distribution's fields. */
function parseText(text: string, central: number | undefined): { fields: Record<string, unknown> } | { problem: string } {
  const match = /^\s*([A-Za-z]+)\s*\((.*)\)\s*$/s.exec(text);
  const example = `write it as "triangular(min, mode, max)", "pert(min, mode, max)", "uniform(min, max)", "normal(mean, sd)", "lognormal(mean, sd)" or "discrete(value:probability, ...)"`;
  if (!match) return { problem: `${JSON.stringify(text)} is not a distribution; ${example}` };
  const type = match[1]!.toLowerCase();
  const parts = match[2]!.trim() === "" ? [] : match[2]!.split(",").map((p) => p.trim());
  if (!(DISTRIBUTION_TYPES as readonly string[]).includes(type)) {
    return { problem: `unknown distribution "${match[1]}" (known: ${DISTRIBUTION_TYPES.join(", ")})` };
  }
  if (type === "discrete") {
    const values: unknown[] = [];
    const probabilities: unknown[] = [];
    for (const part of parts) {
      const pair = part.split(":");
      if (pair.length !== 2) return { problem: `discrete(...) takes value:probability pairs, got ${JSON.stringify(part)}` };
      values.push(parseNumber(pair[0]!));
      probabilities.push(parseNumber(pair[1]!));
    }
    return { fields: { type, values, probabilities } };
  }
  const numbers = parts.map(parseNumber);
  const bad = numbers.findIndex((n) => typeof n !== "number");
  if (bad >= 0) return { problem: `${JSON.stringify(parts[bad])} in ${JSON.stringify(text.trim())} is not a number` };
  const count = (allowed: number[]) => (allowed.includes(numbers.length) ? undefined : `${type}(...) takes ${allowed.join(" or ")} numbers, got ${numbers.length}`);
  switch (type) {
    case "uniform": {
      const wrong = count([2]);
      return wrong ? { problem: wrong } : { fields: { type, min: numbers[0], max: numbers[1] } };
    }
    case "triangular":
    case "pert": {
      // Two numbers are the ends, with the mode at the setting's value.
      const wrong = count(type === "pert" ? [2, 3, 4] : [2, 3]);
      if (wrong) return { problem: wrong };
      if (numbers.length === 2) {
        if (central === undefined) return { problem: `${type}(min, max) takes its mode from the setting's value, and there is none here; give ${type}(min, mode, max)` };
        return { fields: { type, min: numbers[0], mode: central, max: numbers[1] } };
      }
      return { fields: { type, min: numbers[0], mode: numbers[1], max: numbers[2], ...(numbers.length === 4 ? { shape: numbers[3] } : {}) } };
    }
    default: {
      const wrong = count([2, 4]);
      if (wrong) return { problem: wrong };
      const cut = numbers.length === 4 ? { min: Number.isFinite(numbers[2]) ? numbers[2] : undefined, max: Number.isFinite(numbers[3]) ? numbers[3] : undefined } : {};
      return { fields: { type, mean: numbers[0], sd: numbers[1], ...Object.fromEntries(Object.entries(cut).filter(([, v]) => v !== undefined)) } };
    }
  }
}

/** A number as a person types it: `0.142`, `14.2%`, `-inf`, `inf`. */
function parseNumber(text: string): number | string {
  const t = text.trim().toLowerCase();
  if (t === "inf" || t === "+inf" || t === "infinity") return Infinity;
  if (t === "-inf" || t === "-infinity") return -Infinity;
  const percent = t.endsWith("%");
  const body = percent ? t.slice(0, -1).trim() : t;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(body)) return text;
  const n = Number(body);
  return percent ? n / 100 : n;
}

function show(x: number): string {
  return Number.isFinite(x) ? String(x) : x > 0 ? "infinity" : "minus infinity";
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of settings";
  return String(value);
}
