import {
  addYears,
  applySettings,
  CATEGORY_LABELS,
  closeMatches,
  flowsByYear,
  flowTotalsByYear,
  onBaselineBasis,
  scenarioFlows,
  comparisonOnlyFigures,
  compareScenarios,
  explain,
  InputError,
  listPresets,
  listSettings,
  loadPreset,
  resultFigure,
  resultFigures,
  runScenario,
  sensitivity,
  teamDesignOf,
  teamDesignRows,
  TRANSITION_CATEGORIES,
  UnknownNameError,
} from "../../engine/index.js";
import type { Comparison, Figure, Result, Scenario } from "../../engine/index.js";
import { canonicalName, NO_OVERRIDES, resolveOverrides, type OverrideList } from "./arguments.js";
import { evaluations } from "./evaluationCache.js";
import { COUNCIL_OVERRIDE, onCouncilNamed } from "./councils.js";
import { inArgument, uncertaintyError } from "./excelErrors.js";

// Whole-scenario answers: a preset (with overrides) evaluated once and kept in the evaluation cache,
// and the tables the spilling functions show, built from the engine's result and comparison (the
// figures and their names are the engine's, from engine/explain/figures.ts).

type Row = (number | string | boolean | null)[];

/** How many unknown figure names a scenario remembers the error of (the oldest goes first). */
export const UNKNOWN_FIGURES_KEPT = 32;

/** A preset with overrides, evaluated: its result, and its figures by name, found in any case. */
export class ScenarioEvaluation {
  private figuresByName?: Map<string, Figure>;
  private unknownFigures?: Map<string, unknown>;
  /** How many unknown names are remembered now (for the tests of the bound). */
  get unknownFiguresKept(): number {
    return this.unknownFigures?.size ?? 0;
  }
  private tierTable?: Row[];
  constructor(
    readonly scenario: Scenario,
    readonly result: Result,
  ) {}

  /** One figure; an unknown name throws the engine's UnknownNameError with its close matches. */
  figure(name: string): Figure {
    if (!this.figuresByName) {
      const all = resultFigures(this.result);
      this.figuresByName = new Map(all.map((f) => [f.figure, f]));
      const lower = new Map<string, Figure | null>();
      for (const f of all) {
        const key = f.figure.toLowerCase();
        lower.set(key, lower.has(key) ? null : f);
      }
      for (const [key, f] of lower) if (f && !this.figuresByName.has(key)) this.figuresByName.set(key, f);
    }
    const found = this.figuresByName.get(name) ?? this.figuresByName.get(name.toLowerCase());
    if (found) return found;
    // Not found: the engine's own lookup raises the error with the close matches (kept, as every
    // cell with the same misspelling would ask again). Only the last few names are kept: a workbook
    // that asks for ever new wrong names would otherwise grow this scenario's memory without end.
    this.unknownFigures ??= new Map();
    let error = this.unknownFigures.get(name);
    if (error === undefined) {
      try {
        return resultFigure(this.result, name);
      } catch (raised) {
        error = raised;
        if (this.unknownFigures.size >= UNKNOWN_FIGURES_KEPT) this.unknownFigures.delete(this.unknownFigures.keys().next().value!);
        this.unknownFigures.set(name, error);
      }
    }
    throw error;
  }

  /** Tier, name, FTE, salary, annual cost. */
  tiers(): Row[] {
    this.tierTable ??= [["Tier", "Name", "FTE", "Salary", "Annual cost"], ...this.result.structure.tiers.map((t) => [t.id, t.name, t.fte, t.salary, t.annualCost])];
    return this.tierTable;
  }

  private designTable?: Row[];

  /** The team-design indicators: indicator, unit, the scenario's value (empty where the structure does not say). */
  teamDesign(): Row[] {
    this.designTable ??= teamDesignRows(teamDesignOf(this.scenario, this.result));
    return this.designTable;
  }
}

/** A preset (an id the argument reader has checked) with its overrides, from the cache or evaluated now. */
export function evaluateScenario(preset: string, overrides: OverrideList = NO_OVERRIDES): ScenarioEvaluation {
  // the preset id is a checked id and the overrides' key is JSON (no control characters), so a NUL keeps them apart
  return evaluations.get(`scenario\u0000${preset}\u0000${overrides.key}`, () => {
    // a published council named in the overrides ({"council","Leeds"}) comes first; the other settings go on it
    const named = overrides.pairs.find(([key]) => key.toLowerCase() === COUNCIL_OVERRIDE);
    const loaded = evaluations.input(`preset\u0000${preset}`, () => loadPreset(preset));
    const base = named ? onCouncilNamed(loaded, named[1]) : loaded;
    const rest = named ? { pairs: overrides.pairs.filter((p) => p !== named), key: overrides.key } : overrides;
    const scenario = rest.pairs.length === 0 ? base : applySettings(base, resolveOverrides(rest, listSettings(base)), "SOCIALCARE override");
    return new ScenarioEvaluation(scenario, runScenario(scenario));
  });
}

/** Two scenarios compared: the side-by-side table and the transition table. */
export class ComparisonEvaluation {
  private figureTable?: Row[];
  private transitionTable?: Row[];
  private names?: string[];
  constructor(readonly comparison: Comparison) {}

  /**
   * Every figure an uncertainty analysis of the comparison can name, as the CLI's --baseline names
   * them: the comparison's own (change.runCost, transition.total, appraisal.npv) and either side's
   * with its side first (option.runCost.total, baseline.caseload.childrenPerCaseHolder).
   */
  figureNames(): string[] {
    const c = this.comparison;
    this.names ??= [...comparisonOnlyFigures(c).map((f) => f.figure), ...resultFigures(c.option).map((f) => `option.${f.figure}`), ...resultFigures(c.baseline).map((f) => `baseline.${f.figure}`)];
    return this.names;
  }

  /**
   * Figure, label, baseline, option, change, % change: every figure of the two results, then the
   * comparison's own figures (transition, appraisal, cost neutral), which describe the move from one
   * to the other and so sit in the Change column.
   */
  figures(): Row[] {
    if (!this.figureTable) {
      const c = this.comparison;
      const own = comparisonOnlyFigures(c).map((f): Row => [f.figure, f.label, null, null, f.figure === "appraisal.paybackYear" && f.value === null ? "none" : f.value, null]);
      this.figureTable = [["Figure", "Label", "Baseline", "Option", "Change", "% change"], ...c.figures.map((f): Row => [f.figure, f.label, f.baseline, f.option, f.change, f.changePct]), ...own];
    }
    return this.figureTable;
  }

  /** Category, label, one column a financial year, total; a total row last. Every row and column adds up to the penny. */
  transition(): Row[] {
    if (!this.transitionTable) {
      const t = this.comparison.transition;
      this.transitionTable = [
        ["Category", "Label", ...t.years, "Total"],
        ...TRANSITION_CATEGORIES.map((category, i): Row => [category, CATEGORY_LABELS[category] ?? category, ...t.table[i]!, t.byCategory[category]]),
        ["total", "Total", ...t.byYear.map((y) => y.amount), t.total],
      ];
    }
    return this.transitionTable;
  }
}

/**
 * Baseline and option (each a preset with overrides) compared, from the cache or evaluated now. A
 * problem with either side's overrides is blamed on that argument.
 */
export function evaluateComparison(baseline: string, baselineOverrides: OverrideList, option: string, optionOverrides: OverrideList): ComparisonEvaluation {
  return evaluations.get(JSON.stringify(["comparison", baseline, baselineOverrides.key, option, optionOverrides.key]), () => {
    const b = inArgument("baselineOverrides", () => evaluateScenario(baseline, baselineOverrides));
    const o = inArgument("optionOverrides", () => evaluateScenario(option, optionOverrides));
    return new ComparisonEvaluation(compareScenarios(b.scenario, o.scenario));
  });
}

/** The header of the workforce table: a financial year, then its stocks at the year's end and its flows over the year. */
export const WORKFORCE_HEADER = ["Year", "Posts", "In post", "Vacant", "Agency (average)", "Starters", "Of them from agency", "Leavers", "Redeployed in", "Redeployed out", "Made redundant"] as const;

/**
 * The workforce over time, year by year (engine/workforce/flows.ts): of one tier, or of the whole
 * workforce (every tier added). With a baseline, the move from it to the option, the option put on the
 * baseline's council and year first (as the CLI's flows do); without, the option as a steady state.
 */
export function workforceTable(option: string, baseline: string | undefined, tier: string | undefined, optionOverrides: OverrideList): Row[] {
  return evaluations.get(JSON.stringify(["workforce", option, baseline ?? "", tier ?? "", optionOverrides.key]), () => {
    const o = inArgument("optionOverrides", () => evaluateScenario(option, optionOverrides)).scenario;
    const b = baseline === undefined ? undefined : evaluateScenario(baseline).scenario;
    const moved = b ? inArgument("option", () => onBaselineBasis(b, o).option) : o;
    const flows = inArgument("option", () => scenarioFlows(moved, b));
    let pick: number | undefined;
    if (tier !== undefined) {
      const ids = flows.tiers.map((t) => t.id);
      const found = canonicalName(tier, ids);
      if (found === undefined) {
        inArgument("tier", () => {
          throw new UnknownNameError("tier", tier, closeMatches(tier, ids));
        });
      }
      pick = ids.indexOf(found!);
    }
    const year = (index: number) => addYears(moved.finance.year, index);
    if (pick === undefined) {
      return [
        [...WORKFORCE_HEADER],
        ...flowTotalsByYear(flows).map((y): Row => [year(y.index), y.posts, y.inPost, y.vacant, y.agencyAverage, y.starters, y.converted, y.leavers, y.redeployedIn, y.redeployedOut, y.redundancies]),
      ];
    }
    const i = pick;
    return [
      [...WORKFORCE_HEADER],
      ...flowsByYear(flows).map((y): Row => [year(y.index), y.establishment[i]!, y.closing[i]!, y.vacancies[i]!, y.agencyAverage[i]!, y.starters[i]!, y.converted[i]!, y.leavers[i]!, y.redeployedIn[i]!, y.redeployedOut[i]!, y.redundancies[i]!]),
    ];
  });
}

/** The presets: id, name, one-line description. */
export function presetTable(): Row[] {
  return evaluations.get("presets", () => [["Preset", "Name", "Description"], ...listPresets().map((p): Row => [p.id, p.name, p.description])]);
}

/** How a figure was computed, one line a cell: the figure and its value, the rule, the formula, each input with its source. */
export function explanationLines(preset: string, overrides: OverrideList, figure: string): Row[] {
  return evaluations.get(JSON.stringify(["explain", preset, overrides.key, figure]), () => {
    const evaluation = inArgument("overrides", () => evaluateScenario(preset, overrides));
    const found = inArgument("figure", () => evaluation.figure(figure));
    const e = explain(evaluation.scenario, found.figure);
    const lines: string[] = [
      `${e.label} (${e.figure}) = ${show(e.value, e.unit)}`,
      `Rule: ${e.rule}`,
      `Formula: ${e.formula}`,
      e.inputs.length > 0 ? "Inputs:" : "Inputs: none",
      ...e.inputs.map((i) => {
        const where = i.source === "computed" ? "computed" : i.source ? `source: ${i.source}` : i.assumption ? `assumption: ${i.assumption}` : "no source recorded";
        return `${i.name} = ${show(i.value, i.unit)} (${i.label}; ${where})`;
      }),
    ];
    return lines.map((line) => [line]);
  });
}

/** A value as the explanation shows it: money in pounds and pence, shares as percentages, counts with their unit. */
function show(value: unknown, unit: string | undefined): string {
  if (typeof value !== "number") return value === null || value === undefined ? "none" : String(value);
  if (unit?.startsWith("£")) {
    const money = `£${Math.abs(value).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    return `${value < 0 ? "−" : ""}${money}${unit === "£ a year" ? " a year" : ""}`;
  }
  if (unit === "share") return `${(value * 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;
  const n = value.toLocaleString("en-GB", { maximumFractionDigits: 4 });
  return unit && unit !== "ratio" ? `${n} ${unit}` : n;
}

// ---------------------------------------------------------------------------------------------------
// Uncertainty (SIMULATE, TORNADO): the presets as shipped, with the distributions they carry.

/**
 * The figure an uncertainty analysis is asked for, as the engine names it, found in any case. Without a
 * baseline it is a figure of the preset (runCost.total); with one, a figure of the comparison as the
 * CLI's --baseline names them (change.runCost, appraisal.npv, option.runCost.total). A comparison's
 * figure asked of a preset alone says that it needs a baseline; any other unknown name is the engine's
 * UnknownNameError with its close matches.
 */
export function uncertaintyFigure(preset: string, baseline: string | undefined, figure: string): string {
  if (baseline !== undefined) {
    const names = evaluateComparison(baseline, NO_OVERRIDES, preset, NO_OVERRIDES).figureNames();
    const found = canonicalName(figure, names);
    if (found !== undefined) return found;
    throw new UnknownNameError("figure", figure, closeMatches(figure, names));
  }
  const evaluation = evaluateScenario(preset);
  try {
    return evaluation.figure(figure).figure;
  } catch (error) {
    if (!(error instanceof UnknownNameError)) throw error;
    // The comparison of the preset with itself lists the names a comparison has (its own figures are
    // the same whatever the two structures are).
    const ofComparison = canonicalName(figure, evaluateComparison(preset, NO_OVERRIDES, preset, NO_OVERRIDES).figureNames());
    if (ofComparison !== undefined) throw new InputError("figure", `${ofComparison} is a figure of a comparison: give a baseline to compare with (such as "baseline-2018")`);
    throw error;
  }
}

/**
 * The tornado of one figure: one row an uncertain input, widest swing first: the input, the figure
 * with that input at its low and at its high value (every other input central), the swing; then the
 * input's setting and its low and high values (its 10th and 90th percentiles).
 */
export function tornadoTable(preset: string, baseline: string | undefined, figure: string, overrides: OverrideList = NO_OVERRIDES): Row[] {
  return evaluations.get(JSON.stringify(["tornado", preset, overrides.key, baseline ?? null, figure]), () => {
    const option = inArgument("overrides", () => evaluateScenario(preset, overrides)).scenario;
    const options = baseline === undefined ? { figure } : { figure, baseline: evaluateScenario(baseline).scenario };
    let tornado;
    try {
      tornado = sensitivity(option, options);
    } catch (error) {
      throw uncertaintyError(error);
    }
    return [["Input", "Figure at low", "Figure at high", "Swing", "Setting", "Low value", "High value"], ...tornado.bars.map((b): Row => [b.label, b.figureAtLow, b.figureAtHigh, b.swing, b.key, b.low, b.high])];
  });
}
