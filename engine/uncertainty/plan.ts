import { DomainError, ScenarioError, UnknownNameError, type Issue } from "../errors.js";
import { compileComparison, type ComparisonModel, type ComparisonState } from "../model/comparisonModel.js";
import { compileScenario, type ModelState, type ScenarioModel } from "../model/scenarioModel.js";
import { closeMatches } from "../names.js";
import { numericSettings, type Setting } from "../scenario/settings.js";
import type { Scenario } from "../scenario/types.js";
import { correlationFactor, type Correlation } from "./correlation.js";
import { defaultSpread } from "./defaultSpreads.js";
import { formatDistribution, readDistribution, sampler, type Distribution, type Sampler, type SettingRange } from "./distributions.js";
import { comparisonFigureReaders, scenarioFigureReaders, type FigureReader } from "./figureReaders.js";
import { normalCdf, normalQuantile } from "./normal.js";
import { streamOf, uniformAt } from "./random.js";
import { fixedShapeReason } from "./uncertainInputs.js";

/**
 * What an uncertainty analysis varies, and the one model it varies it in.
 *
 * The subject is a scenario, or an option compared with a baseline; either way it is compiled once
 * (the same compiled model `runScenario` and `compareScenarios` use) and each draw writes sampled
 * values into the inputs arrays of that model and evaluates it, with no parsing and no allocation.
 *
 * Inputs are named by setting key. In a comparison a key may belong to both scenarios: the council
 * and the finance year are the same place and year on both sides, so a distribution on a setting
 * both sides hold at the same value varies both together; a setting whose values differ (the
 * option's caseload target) varies on the side or sides that carry a distribution, and where both do
 * they move with the same random rank. Options can add or replace distributions (`vary`), naming a
 * side with `baseline.` or `option.` where the two differ.
 */

export interface UncertaintyOptions {
  /** Compare the scenario (as the option) against this baseline. */
  baseline?: Scenario;
  /** More uncertain inputs, or new distributions for existing ones, by setting key (`option.` / `baseline.` for one side). */
  vary?: Readonly<Record<string, Distribution | string>>;
  /** More rank correlations between uncertain inputs (by setting key). */
  correlations?: readonly Correlation[];
  /** Settings held at their value even if they carry a distribution (a sweep's council figures); `baseline.` or `option.` for one side. */
  fixed?: readonly string[];
  /** Give every labelled assumption without a distribution its default spread (default true; defaultSpreads.ts). */
  defaultSpreads?: boolean;
}

/** One place a drawn value is written: a side's inputs array, at a slot. */
interface Target {
  side: number;
  slot: number;
  sampler: Sampler;
  central: number;
  /** An earlier target of the same input with the same distribution (its value is copied, not drawn again), or −1. */
  sameAs: number;
}

/** One uncertain input: a setting key, its stream of random numbers, and where its values go. */
export interface UncertainInput {
  key: string;
  label: string;
  unit: string;
  /** Which scenarios it varies in: "both", "baseline", "option", or "scenario" for a single scenario. */
  side: string;
  /** Its distribution, as written (the option's where the two sides differ). */
  distribution: string;
  /** Its central value (the scenario's own), the option's where the two sides differ. */
  central: number;
  /** Whether it is in a correlated group. */
  correlated: boolean;
  /** True when its distribution is the default spread of an assumption (defaultSpreads.ts), not one stated. */
  defaultSpread?: boolean;
}

export const SIDES = ["baseline", "option"] as const;

/** The subject of an analysis, compiled, with its uncertain inputs and a reusable state. */
export class UncertainSubject {
  readonly kind: "scenario" | "comparison";
  readonly scenario: Scenario;
  readonly baseline: Scenario | null;
  readonly inputs: readonly UncertainInput[];
  readonly correlations: readonly Correlation[];
  /** The inputs arrays each draw writes into and evaluates: one per side (one for a single scenario). */
  readonly work: Float64Array[];
  private readonly models: ScenarioModel[];
  private readonly comparison: ComparisonModel | null;
  readonly state: ModelState | ComparisonState;
  private readonly streams: Uint32Array;
  private readonly targets: Target[][];
  /** Per input: its place in the correlated group, or −1. */
  private readonly correlatedIndex: Int32Array;
  private readonly groupInputs: Int32Array;
  private readonly factor: Float64Array | null;
  private readonly u: Float64Array;
  private readonly z: Float64Array;
  private readonly values = new Float64Array(2);

  constructor(scenario: Scenario, options: UncertaintyOptions = {}) {
    this.scenario = scenario;
    this.baseline = options.baseline ?? null;
    if (this.baseline) {
      this.kind = "comparison";
      this.comparison = compileComparison(this.baseline, scenario);
      this.models = [this.comparison.baseline, this.comparison.option];
      this.state = this.comparison.newState();
    } else {
      this.kind = "scenario";
      this.comparison = null;
      this.models = [compileScenario(scenario)];
      this.state = this.models[0]!.newState();
    }
    this.work = this.models.map((m) => Float64Array.from(m.inputs));
    const built = this.buildInputs(options);
    this.inputs = built.inputs;
    this.targets = built.targets;
    this.streams = Uint32Array.from(this.inputs.map((i) => streamOf(i.key)));
    const seen = new Map<number, string>();
    this.inputs.forEach((input, j) => {
      const other = seen.get(this.streams[j]!);
      if (other !== undefined) throw new Error(`inputs ${other} and ${input.key} share a random stream; rename one`);
      seen.set(this.streams[j]!, input.key);
    });
    const correlated = this.buildCorrelations(options, built.scenarioCorrelations);
    this.correlations = correlated.correlations;
    this.correlatedIndex = new Int32Array(this.inputs.length).fill(-1);
    correlated.keys.forEach((key, k) => (this.correlatedIndex[this.inputs.findIndex((i) => i.key === key)] = k));
    this.groupInputs = Int32Array.from(correlated.keys.map((key) => this.inputs.findIndex((i) => i.key === key)));
    this.factor = correlated.factor;
    this.inputs = this.inputs.map((input, j) => ({ ...input, correlated: this.correlatedIndex[j]! >= 0 }));
    this.u = new Float64Array(this.inputs.length);
    this.z = new Float64Array(correlated.keys.length);
  }

  /** Scenario names for messages and results. */
  get names(): { scenario: string; baseline: string | null } {
    return { scenario: this.scenario.id, baseline: this.baseline?.id ?? null };
  }

  /** Readers for figures of this subject, by name (close matches for a misspelt one). */
  readers(names: readonly string[]): FigureReader<ModelState | ComparisonState>[] {
    return (this.comparison ? comparisonFigureReaders(this.comparison, names) : scenarioFigureReaders(this.models[0]!, names)) as FigureReader<ModelState | ComparisonState>[];
  }

  /** The slot of a setting on a side, or undefined. */
  slotOf(side: number, key: string): number | undefined {
    return this.models[side]!.slotOf(key);
  }

  /** Number of sides (1 for a scenario, 2 for a comparison). */
  get sideCount(): number {
    return this.models.length;
  }

  /** Settings of a side, in slot order. */
  settings(side: number): Setting[] {
    return numericSettings(this.models[side]!.scenario);
  }

  /** Writes the values of draw `draw` for every uncertain input into the work arrays. */
  drawInputs(seed: number, draw: number): void {
    const u = this.u;
    const n = this.inputs.length;
    for (let j = 0; j < n; j++) u[j] = uniformAt(seed, this.streams[j]!, draw);
    const factor = this.factor;
    if (factor) {
      // Gaussian copula: to normals, mixed by the Cholesky factor, back to uniforms.
      const m = this.groupInputs.length;
      const z = this.z;
      for (let k = 0; k < m; k++) z[k] = normalQuantile(u[this.groupInputs[k]!]!);
      for (let k = m - 1; k >= 0; k--) {
        let mixed = 0;
        for (let l = 0; l <= k; l++) mixed += factor[k * m + l]! * z[l]!;
        const p = normalCdf(mixed);
        // Φ of an extreme normal rounds to 0 or 1; keep inside the open interval every quantile needs.
        u[this.groupInputs[k]!] = p < 1.1102230246251565e-16 ? 1.1102230246251565e-16 : p > 0.9999999999999999 ? 0.9999999999999999 : p;
      }
    }
    for (let j = 0; j < n; j++) this.writeInput(j, u[j]!);
  }

  /** Writes input j at cumulative probability u (its quantile) on every side it varies. */
  writeInput(j: number, u: number): void {
    const targets = this.targets[j]!;
    const values = this.values;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t]!;
      // The same distribution on both sides gives the same value: draw it once.
      const value = target.sameAs >= 0 ? values[target.sameAs]! : target.sampler.quantile(u);
      values[t] = value;
      this.work[target.side]![target.slot] = value;
    }
  }

  /** Writes input j at its central value (the scenario's own). */
  writeCentral(j: number): void {
    for (const target of this.targets[j]!) this.work[target.side]![target.slot] = target.central;
  }

  /** Every uncertain input at its central value. */
  writeAllCentral(): void {
    for (let j = 0; j < this.inputs.length; j++) this.writeCentral(j);
  }

  /** The index of the uncertain input with this key, or −1. */
  inputIndex(key: string): number {
    return this.inputs.findIndex((i) => i.key === key);
  }

  /** The distributions of input j, one per side it varies. */
  distributionsOf(j: number): Distribution[] {
    return this.targets[j]!.map((t) => t.sampler.distribution);
  }

  /** The values input j takes at cumulative probability u, one per side it varies. */
  valuesAt(j: number, u: number): number[] {
    return this.targets[j]!.map((t) => t.sampler.quantile(u));
  }

  /** Evaluates the model at the work arrays into the state. */
  evaluate(): void {
    if (this.comparison) this.comparison.evaluate(this.work[0], this.work[1], this.state as ComparisonState);
    else this.models[0]!.evaluate(this.work[0], this.state as ModelState);
  }

  /** Evaluates, turning a structure the inputs make impossible into an error that names the draw and its values. */
  evaluateDraw(what: string): void {
    try {
      this.evaluate();
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const values = this.inputs.map((input, j) => `${input.key} = ${this.targets[j]!.map((t) => round6(this.work[t.side]![t.slot]!)).join(" / ")}`);
      throw new DomainError(what, `${error.message} (with ${values.join(", ")})`);
    }
  }

  private buildInputs(options: UncertaintyOptions): { inputs: UncertainInput[]; targets: Target[][]; scenarioCorrelations: Correlation[] } {
    const sideScenarios = this.models.map((m) => m.scenario);
    const sideNames = this.kind === "comparison" ? SIDES : (["scenario"] as const);
    const fixed = new Set(options.fixed ?? []);
    // key → per side: its distribution (or undefined)
    const byKey = new Map<string, (Distribution | undefined)[]>();
    sideScenarios.forEach((s, side) => {
      for (const [key, d] of Object.entries(s.distributions ?? {})) {
        if (!byKey.has(key)) byKey.set(key, sideScenarios.map(() => undefined));
        byKey.get(key)![side] = d;
      }
    });
    // A distribution one side carries on a setting both hold at the same value varies both.
    for (const [key, perSide] of byKey) {
      const carried = perSide.find((d) => d !== undefined)!;
      perSide.forEach((d, side) => {
        if (d !== undefined) return;
        const slot = this.slotOf(side, key);
        const carrier = perSide.findIndex((x) => x !== undefined);
        if (slot !== undefined && this.work[side]![slot] === this.work[carrier]![this.slotOf(carrier, key)!]) perSide[side] = carried;
      });
    }
    // Every labelled assumption without a distribution of its own gets its default spread (defaultSpreads.ts).
    const defaulted = new Set<string>();
    if (options.defaultSpreads !== false) {
      sideScenarios.forEach((_s, side) => {
        this.settings(side).forEach((setting) => {
          const key = setting.key;
          if (byKey.get(key)?.[side] !== undefined || fixedShapeReason(key) || this.slotOf(side, key) === undefined) return;
          const d = defaultSpread(setting);
          if (!d) return;
          if (!byKey.has(key)) byKey.set(key, sideScenarios.map(() => undefined));
          byKey.get(key)![side] = d;
          defaulted.add(`${side}:${key}`);
        });
      });
    }
    // Distributions from the options replace or add, after checking each against its setting.
    const issues: Issue[] = [];
    for (const [name, raw] of Object.entries(options.vary ?? {})) {
      const { key, sides } = this.resolveKey(name);
      const why = fixedShapeReason(key);
      if (why) {
        issues.push({ path: `vary.${name}`, reason: `cannot be uncertain: ${why}` });
        continue;
      }
      if (!byKey.has(key)) byKey.set(key, sideScenarios.map(() => undefined));
      for (const side of sides) {
        const slot = this.slotOf(side, key)!;
        const setting = this.settings(side)[slot]!;
        const read = readDistribution(raw, this.work[side]![slot], rangeOf(setting));
        for (const issue of read.issues) issues.push({ path: `vary.${name}${issue.path ? `.${issue.path}` : ""}`, reason: issue.reason });
        if (read.distribution) {
          byKey.get(key)![side] = read.distribution;
          defaulted.delete(`${side}:${key}`);
        }
      }
    }
    if (issues.length > 0) throw new ScenarioError(issues);

    const inputs: UncertainInput[] = [];
    const targets: Target[][] = [];
    for (const [key, perSide] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (fixed.has(key)) continue;
      const list: Target[] = [];
      perSide.forEach((d, side) => {
        if (!d || fixed.has(`${sideNames[side]}.${key}`)) return;
        const slot = this.slotOf(side, key);
        if (slot === undefined) return;
        const same = list.findIndex((t) => sameDistribution(t.sampler.distribution, d));
        list.push({ side, slot, sampler: same >= 0 ? list[same]!.sampler : sampler(d), central: this.work[side]![slot]!, sameAs: same });
      });
      if (list.length === 0) continue;
      const shown = list[list.length - 1]!;
      const setting = this.settings(shown.side)[shown.slot]!;
      const side = this.kind === "scenario" ? "scenario" : list.length === 2 ? "both" : sideNames[shown.side]!;
      const byDefault = list.every((t) => defaulted.has(`${t.side}:${key}`));
      inputs.push({ key, label: setting.label, unit: setting.unit ?? "", side, distribution: formatDistribution(shown.sampler.distribution), central: shown.central, correlated: false, ...(byDefault ? { defaultSpread: true } : {}) });
      targets.push(list);
    }
    const uncertain = new Set(inputs.map((i) => i.key));
    // Scenario correlations stay only while both their inputs are uncertain (a sweep fixes some).
    const scenarioCorrelations: Correlation[] = [];
    const seen = new Set<string>();
    for (const s of sideScenarios) {
      for (const c of s.correlations ?? []) {
        const pair = [...c.between].sort().join("|");
        if (seen.has(pair) || !uncertain.has(c.between[0]) || !uncertain.has(c.between[1])) continue;
        seen.add(pair);
        scenarioCorrelations.push(c);
      }
    }
    return { inputs, targets, scenarioCorrelations };
  }

  private buildCorrelations(options: UncertaintyOptions, fromScenarios: Correlation[]): { correlations: Correlation[]; keys: string[]; factor: Float64Array | null } {
    const keys = this.inputs.map((i) => i.key);
    const issues: Issue[] = [];
    const extra = options.correlations ?? [];
    extra.forEach((c, i) => {
      c.between.forEach((key, k) => {
        if (!keys.includes(key)) {
          const near = closeMatches(key, keys);
          issues.push({ path: `correlations[${i}].between[${k}]`, reason: `"${key}" is not an uncertain input here${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ` (uncertain inputs: ${keys.join(", ") || "none"})`}` });
        }
      });
    });
    if (issues.length > 0) throw new ScenarioError(issues);
    // Options override a scenario's correlation of the same pair.
    const pairOf = (c: Correlation) => [...c.between].sort().join("|");
    const overridden = new Set(extra.map(pairOf));
    const correlations = [...fromScenarios.filter((c) => !overridden.has(pairOf(c))), ...extra];
    if (correlations.length === 0) return { correlations, keys: [], factor: null };
    const involved = keys.filter((k) => correlations.some((c) => c.between.includes(k)));
    const { factor, issues: problems } = correlationFactor(involved, correlations);
    if (!factor) throw new ScenarioError(problems.map((p) => ({ path: p.index < 0 ? "correlations" : `correlations[${p.index}]`, reason: p.reason })));
    return { correlations, keys: involved, factor };
  }

  /** A key as the options write it: bare (every side that has the setting) or with a side. */
  resolveKey(name: string): { key: string; sides: number[] } {
    if (this.kind === "comparison") {
      for (let side = 0; side < SIDES.length; side++) {
        const prefix = `${SIDES[side]}.`;
        if (name.startsWith(prefix)) {
          const key = name.slice(prefix.length);
          if (this.slotOf(side, key) === undefined) throw this.unknownSetting(name, side);
          return { key, sides: [side] };
        }
      }
    }
    const sides = this.models.map((_, side) => side).filter((side) => this.slotOf(side, name) !== undefined);
    if (sides.length === 0) throw this.unknownSetting(name, this.models.length - 1);
    if (sides.length === 2) {
      const [b, o] = sides.map((side) => this.work[side]![this.slotOf(side, name)!]!);
      if (b !== o) {
        throw new ScenarioError([{ path: name, reason: `differs between the baseline (${b}) and the option (${o}); name the one to vary: baseline.${name} or option.${name}` }]);
      }
    }
    return { key: name, sides };
  }

  private unknownSetting(name: string, side: number): UnknownNameError {
    const keys = this.settings(side).map((s) => s.key);
    const candidates = this.kind === "comparison" ? [...keys, ...keys.map((k) => `${SIDES[side]}.${k}`)] : keys;
    return new UnknownNameError("setting", name, closeMatches(name, candidates));
  }
}

/** A setting's legal range, as a distribution must respect it. */
export function rangeOf(setting: Setting): SettingRange {
  return {
    ...(setting.min !== undefined ? { min: setting.min } : {}),
    ...(setting.max !== undefined ? { max: setting.max } : {}),
    ...(setting.minExclusive ? { minExclusive: true } : {}),
    ...(setting.maxExclusive ? { maxExclusive: true } : {}),
    ...(setting.integer ? { integer: true } : {}),
  };
}

function sameDistribution(a: Distribution, b: Distribution): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
