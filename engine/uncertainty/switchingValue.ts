import { DomainError } from "../errors.js";
import type { FigureUnit } from "../explain/figures.js";
import { roundMoney } from "../money/index.js";
import { MAX_PENNIES } from "../money/round.js";
import type { Scenario } from "../scenario/types.js";
import { support } from "./distributions.js";
import { SIDES, UncertainSubject, type UncertaintyOptions } from "./plan.js";
import { brent, scanForSignChange } from "./rootFinding.js";

/**
 * Switching values (break-even): the value of one input at which a figure reaches a target, every
 * other input at its central value. "At what caseload target does the Blueprint become cost neutral?"
 * is the switching value of `option.structure.tiers.socialWorker.childrenPerWorker` for the figure
 * `change.runCost` and the target 0. When the figure never reaches the target over the range, the
 * answer says so ("no crossing in range") with the figure's values at both ends, rather than a number.
 */

export interface SwitchingOptions extends UncertaintyOptions {
  /** The input to move: a setting key, with `baseline.` or `option.` where the two sides differ. */
  input: string;
  /** The figure (default: run cost, or for a comparison the change in run cost). */
  figure?: string;
  /** The value the figure should reach (default 0). */
  target?: number;
  /**
   * The range to search. Default: the input's distribution where it has one (its 0.1st to 99.9th
   * percentile when unbounded), else the setting's legal range when finite (a bound against typing
   * errors, such as the most children a council may have, is not such a range), else half to double its value.
   */
  range?: readonly [number, number];
}

export interface SwitchingValue {
  scenario: string;
  baseline: string | null;
  input: string;
  inputLabel: string;
  figure: string;
  label: string;
  unit: FigureUnit;
  target: number;
  /** The range searched. */
  range: [number, number];
  /** The input's own value, and the figure there. */
  central: { input: number; figure: number };
  /** True when the figure reaches or jumps past the target within the range. */
  found: boolean;
  /** "crossing": the figure equals the target at `value`; "step": it jumps past it at `value`; "none": no crossing in range. */
  kind: "crossing" | "step" | "none";
  /** The input's value at the crossing, or null. */
  value: number | null;
  /** The figure just below and just above a step (or at the crossing, twice). */
  figureAtValue: [number, number] | null;
  /** How many times a scan of the range saw the figure cross the target (the first is reported). */
  crossings: number;
  figureAtLow: number;
  figureAtHigh: number;
  /** One sentence for a finance officer. */
  message: string;
}

const SCAN_POINTS = 64;

/** The value of `options.input` at which `options.figure` reaches `options.target`. */
export function switchingValue(scenario: Scenario, options: SwitchingOptions): SwitchingValue {
  if (typeof options?.input !== "string" || options.input.trim() === "") throw new DomainError("input", "name the setting to move, for example option.structure.tiers.socialWorker.childrenPerWorker");
  const target = options.target ?? 0;
  if (typeof target !== "number" || !Number.isFinite(target)) throw new DomainError("target", `must be a finite number, got ${String(target)}`);
  const subject = new UncertainSubject(scenario, options);
  subject.writeAllCentral();
  const { key, sides } = subject.resolveKey(options.input);
  const slots = sides.map((side) => subject.slotOf(side, key)!);
  const last = sides[sides.length - 1]!;
  const setting = subject.settings(last)[slots[slots.length - 1]!]!;
  const centralInput = subject.work[last]![slots[slots.length - 1]!]!;
  const name = options.figure ?? (subject.kind === "comparison" ? "change.runCost" : "runCost.total");
  const [reader] = subject.readers([name]);
  const money = reader!.unit === "£" || reader!.unit === "£ a year";
  const out = (x: number) => (money ? roundMoney(x) : x);

  // The range: given, or from the input's distribution, or from the setting's legal range.
  let range: [number, number];
  if (options.range) {
    const [lo, hi] = options.range;
    if (typeof lo !== "number" || typeof hi !== "number" || !Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw new DomainError("range", `must be two finite numbers, the first below the second, got ${String(lo)} and ${String(hi)}`);
    }
    range = [lo, hi];
  } else {
    const j = subject.inputIndex(key);
    if (j >= 0) {
      const [lo, hi] = support(subject.distributionsOf(j).at(-1)!);
      const values = (u: number) => subject.valuesAt(j, u).at(-1)!;
      range = [Number.isFinite(lo) ? lo : values(0.001), Number.isFinite(hi) ? hi : values(0.999)];
    } else if (setting.min !== undefined && setting.max !== undefined && !setting.maxIsLimit) {
      range = [setting.min, setting.max];
    } else {
      if (centralInput === 0) throw new DomainError("range", `${options.input} is 0, so there is no default range around it; give one`);
      range = [Math.min(centralInput / 2, centralInput * 2), Math.max(centralInput / 2, centralInput * 2)];
      if (setting.min !== undefined) range[0] = Math.max(range[0], setting.min);
      if (setting.max !== undefined) range[1] = Math.min(range[1], setting.max);
    }
    // An exclusive bound is not itself allowed: stay a hair inside it.
    const nudge = 1e-9 * Math.max(1, Math.abs(range[1] - range[0]));
    if (setting.minExclusive && range[0] <= setting.min!) range[0] = setting.min! + nudge;
    if (setting.maxExclusive && range[1] >= setting.max!) range[1] = setting.max! - nudge;
  }
  const outside = (x: number) =>
    (setting.min !== undefined && (x < setting.min || (setting.minExclusive && x <= setting.min))) || (setting.max !== undefined && (x > setting.max || (setting.maxExclusive && x >= setting.max)));
  if (outside(range[0]) || outside(range[1])) {
    throw new DomainError("range", `${range[0]} to ${range[1]} goes outside what ${options.input} allows (${setting.minExclusive ? "more than " : "from "}${setting.min ?? "minus infinity"} ${setting.maxExclusive ? "to less than" : "to"} ${setting.max ?? "infinity"})`);
  }

  const figureAt = (x: number): number => {
    for (let s = 0; s < sides.length; s++) subject.work[sides[s]!]![slots[s]!] = x;
    subject.evaluateDraw(`${options.input} = ${x}`);
    const value = reader!.read(subject.state);
    if (!Number.isFinite(value)) throw new DomainError(`${options.input} = ${x}`, `${name} is not a finite number (${value})`);
    return value;
  };
  const g = (x: number) => figureAt(x) - target;
  const centralFigure = figureAt(centralInput);
  // The figure's own values over the scan, kept as computed: adding a large target (1e20) back to the
  // figure less the target would lose the figure's digits, and a far larger one (1e200) all of them.
  const scanned: number[] = [];
  const scan = scanForSignChange((x) => {
    const figure = figureAt(x);
    scanned.push(figure);
    return figure - target;
  }, range[0], range[1], SCAN_POINTS);
  let least = scanned[0]!;
  let most = scanned[0]!;
  for (const figure of scanned) {
    least = Math.min(least, figure);
    most = Math.max(most, figure);
  }
  const shown = (x: number) => formatValue(x, reader!.unit);
  const inputName = sides.length === 1 && subject.kind === "comparison" && !options.input.startsWith(`${SIDES[last]}.`) ? `${SIDES[last]}.${key}` : options.input;
  const base = {
    ...subject.names,
    input: inputName,
    inputLabel: setting.label,
    figure: name,
    label: reader!.label,
    unit: reader!.unit,
    target,
    range,
    central: { input: centralInput, figure: out(centralFigure) },
    crossings: scan.crossings,
    figureAtLow: out(scanned[0]!),
    figureAtHigh: out(scanned[scanned.length - 1]!),
  };
  if (!scan.bracket) {
    return {
      ...base,
      found: false,
      kind: "none",
      value: null,
      figureAtValue: null,
      message: `no crossing in range: ${name} stays between ${shown(least)} and ${shown(most)}, never ${shown(target)}, while ${inputName} runs from ${range[0]} to ${range[1]}`,
    };
  }
  const found = brent(g, scan.bracket, 1e-12 * Math.max(1, Math.abs(range[1] - range[0])));
  // A smooth crossing ends with the figure at the target; a step ends with a bracket the figure jumps across.
  const scale = Math.max(1, Math.abs(target), Math.abs(least), Math.abs(most));
  const step = Math.min(Math.abs(found.gLo), Math.abs(found.gHi)) > 1e-7 * scale;
  const value = step ? found.hi : found.x;
  const more = scan.crossings > 1 ? ` (the figure crosses ${scan.crossings} times in the range; this is the lowest)` : "";
  return {
    ...base,
    found: true,
    kind: step ? "step" : "crossing",
    value,
    figureAtValue: step ? [out(found.gLo + target), out(found.gHi + target)] : [out(found.gx + target), out(found.gx + target)],
    message: step
      ? `${name} jumps past ${shown(target)} (from ${shown(found.gLo + target)} to ${shown(found.gHi + target)}) when ${inputName} reaches ${round(value)} (it is ${centralInput} now)${more}`
      : `${name} reaches ${shown(target)} when ${inputName} is ${round(value)} (it is ${centralInput} now)${more}`,
  };
}

function round(x: number): string {
  return String(Number(x.toPrecision(10)));
}

function formatValue(x: number, unit: FigureUnit): string {
  if ((unit === "£" || unit === "£ a year") && Math.abs(x) * 100 > MAX_PENNIES) return `${x < 0 ? "-" : ""}£${Math.abs(x).toPrecision(4)}`;
  if (unit === "£" || unit === "£ a year") {
    const pounds = roundMoney(x);
    return `${pounds < 0 ? "-" : ""}£${Math.abs(pounds).toLocaleString("en-GB", { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
  }
  return round(x);
}
