import { DomainError } from "../errors.js";
import type { FigureUnit } from "../explain/figures.js";
import { roundMoney } from "../money/index.js";
import type { Scenario } from "../scenario/types.js";
import { UncertainSubject, type UncertaintyOptions } from "./plan.js";

/**
 * One-at-a-time sensitivity, drawn as a tornado: each uncertain input in turn goes to its low and
 * then its high value while every other input stays at its central value, and the bars are sorted by
 * how far the figure swings. Low and high are percentiles of each input's own distribution (the 10th
 * and 90th unless asked otherwise), so a narrow, well-evidenced input and a wide guess are compared
 * on the same footing. Correlations play no part: one input moves at a time.
 */

export interface SensitivityOptions extends UncertaintyOptions {
  /** The figure to explain (default: run cost, or for a comparison the change in run cost). */
  figure?: string;
  /** Low and high as percentiles of each input's distribution: `tail` and 100 − `tail` (default 10). */
  tail?: number;
}

export interface TornadoBar {
  /** The input's setting key. */
  key: string;
  label: string;
  unit: string;
  /** Which scenarios it varies in: "both", "baseline", "option" or "scenario". */
  side: string;
  distribution: string;
  /** The input's low, central and high values (the option's, where the two sides differ). */
  low: number;
  central: number;
  high: number;
  /** The figure with this input at its low and at its high value, every other at its central value. */
  figureAtLow: number;
  figureAtHigh: number;
  /** |figureAtHigh − figureAtLow|. */
  swing: number;
}

export interface Tornado {
  scenario: string;
  baseline: string | null;
  figure: string;
  label: string;
  unit: FigureUnit;
  /** The figure with every input at its central value. */
  central: number;
  /** The percentiles used as low and high. */
  tail: number;
  /** Widest swing first. */
  bars: TornadoBar[];
}

/** The tornado of one figure over every uncertain input of a scenario (or of an option against `options.baseline`). */
export function sensitivity(scenario: Scenario, options: SensitivityOptions = {}): Tornado {
  const tail = options.tail ?? 10;
  if (typeof tail !== "number" || !(tail > 0 && tail < 50)) throw new DomainError("tail", `must be a percentile above 0 and below 50, got ${String(tail)}`);
  const subject = new UncertainSubject(scenario, options);
  if (subject.inputs.length === 0) {
    throw new DomainError("inputs", `nothing is uncertain: no setting of ${subject.baseline ? `${subject.baseline.id} or ${scenario.id}` : scenario.id} carries a distribution; add one, or vary one`);
  }
  const name = options.figure ?? (subject.kind === "comparison" ? "change.runCost" : "runCost.total");
  const [reader] = subject.readers([name]);
  const money = reader!.unit === "£" || reader!.unit === "£ a year";
  const out = (x: number) => (money ? roundMoney(x) : x);
  const at = (what: string): number => {
    subject.evaluateDraw(what);
    const value = reader!.read(subject.state);
    if (!Number.isFinite(value)) throw new DomainError(what, `${name} is not a finite number (${value})`);
    return value;
  };
  subject.writeAllCentral();
  const central = at("central case");
  const measured = subject.inputs.map((input, j) => {
    const lowU = tail / 100;
    const highU = 1 - tail / 100;
    subject.writeInput(j, lowU);
    const figureAtLow = at(`${input.key} at its low`);
    subject.writeInput(j, highU);
    const figureAtHigh = at(`${input.key} at its high`);
    subject.writeCentral(j);
    const lows = subject.valuesAt(j, lowU);
    const highs = subject.valuesAt(j, highU);
    const bar: TornadoBar = {
      key: input.key,
      label: input.label,
      unit: input.unit,
      side: input.side,
      distribution: input.distribution,
      low: lows[lows.length - 1]!,
      central: input.central,
      high: highs[highs.length - 1]!,
      figureAtLow: out(figureAtLow),
      figureAtHigh: out(figureAtHigh),
      swing: out(Math.abs(figureAtHigh - figureAtLow)),
    };
    return { bar, swing: Math.abs(figureAtHigh - figureAtLow) };
  });
  // Widest first (on the unrounded swing); equal swings in key order, so the order depends on nothing else.
  measured.sort((a, b) => b.swing - a.swing || (a.bar.key < b.bar.key ? -1 : a.bar.key > b.bar.key ? 1 : 0));
  const bars = measured.map((m) => m.bar);
  return { ...subject.names, figure: name, label: reader!.label, unit: reader!.unit, central: out(central), tail, bars };
}
