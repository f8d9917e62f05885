import { CATEGORY_LABELS, comparisonOnlyFigures, listSettings, loadPreset, MODEL_VERSION, resultFigures, TRANSITION_CATEGORIES, type Comparison, type Figure, type Result, type Scenario, type Setting } from "../../../engine/index.js";
import { cell, range, sheetRef, type Block, type Cell, type ChartPlan, type SheetPlan, type TablePlan, type WritePlan } from "../../office/plan.js";
import { excelFormat } from "../model/format.js";

/**
 * The comparison as the pane writes it into the workbook: a Comparison sheet (every figure side by
 * side with its change, the appraisal, run cost by tier, transition by year and category, cash flows,
 * the checks, and native charts over those tables) and an Inputs sheet (every assumption of every
 * scenario with its unit and source). With live formulas, each scenario's figures are
 * `=SOCIALCARE.SCENARIO(preset, figure, overrides)` on the Inputs sheet's cells, and each option's
 * comparison (appraisal, NPV, payback, transition totals) is looked up in the table
 * `=SOCIALCARE.COMPARE(…)` spills on the Inputs sheet, its transition by category and year in the
 * one `=SOCIALCARE.TRANSITION(…)` spills, so a finance officer can change an input and watch the
 * comparison follow.
 */

export const COMPARISON_SHEET = "SC Comparison";
export const INPUTS_SHEET = "SC Inputs";

export interface PlannedScenario {
  ref: string;
  name: string;
  /** The preset it starts from; needed for live formulas. */
  basedOn: string | null;
  scenario: Scenario;
  result: Result;
}

export interface PlanOptions {
  live: boolean;
  /** When the sheet was written, as shown on it. */
  writtenOn: string;
}

const GENERAL = "General";
const MONEY = excelFormat("£");
const PERCENT = excelFormat("share");

/** Unique table-header names (Excel tables refuse duplicates). */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = seen.get(n) ?? 0;
    seen.set(n, count + 1);
    return count === 0 ? n : `${n} (${count + 1})`;
  });
}

function formats(rows: Cell[][], byColumn: (column: number, row: number) => string): string[][] {
  return rows.map((r, i) => r.map((_, j) => byColumn(j, i)));
}

/**
 * Whether a scenario can be written as live formulas: it must start from a preset and keep that
 * preset's settings (the same tiers), so that overrides of setting and value reproduce it.
 */
export function liveOverrides(planned: PlannedScenario): { preset: string; settings: Setting[] } | { reason: string } {
  if (!planned.basedOn) return { reason: "it does not start from a preset" };
  let presetSettings: Setting[];
  try {
    presetSettings = listSettings(loadPreset(planned.basedOn));
  } catch {
    return { reason: `its preset "${planned.basedOn}" is not known` };
  }
  const presetByKey = new Map(presetSettings.map((s) => [s.key, s]));
  const own = listSettings(planned.scenario);
  const ownKeys = new Set(own.map((s) => s.key));
  const missing = own.find((s) => !presetByKey.has(s.key)) ?? presetSettings.find((s) => !ownKeys.has(s.key));
  if (missing) return { reason: `its settings differ in shape from the preset "${planned.basedOn}" (${missing.key})` };
  // Every number goes in (so any input cell can be changed); other settings only where they differ.
  const settings = own.filter((s) => s.value !== null && (s.kind === "number" || s.value !== presetByKey.get(s.key)!.value) && s.key !== "id");
  return { preset: planned.basedOn, settings };
}

function sourceText(s: Setting): string {
  if (s.provenance?.source) return s.provenance.source;
  if (s.provenance?.assumption) return `Assumption: ${s.provenance.assumption}`;
  return "";
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function buildWorkbookPlan(scenarios: PlannedScenario[], comparisons: Comparison[], options: PlanOptions): WritePlan {
  if (scenarios.length < 2 || comparisons.length !== scenarios.length - 1) throw new Error("a comparison needs a baseline and at least one option");
  const inputs = buildInputsSheet(scenarios, comparisons, options);
  const comparison = buildComparisonSheet(scenarios, comparisons, options, inputs.overrides, inputs.live);
  return { sheets: [comparison, inputs.sheet], activate: COMPARISON_SHEET };
}

interface OverrideRanges {
  /** By scenario index: the preset and the two-column range of setting key and value, or why there is none. */
  [index: number]: { preset: string; range: string } | { reason: string };
}

/**
 * Where an option's live comparison is spilled on the Inputs sheet: SOCIALCARE.COMPARE (figure,
 * label, baseline, option, change, % change) and, where it can be, SOCIALCARE.TRANSITION (category,
 * label, one column a year, total). Ranges are absolute and sheet-qualified, sized to the spill
 * with room to spare (the rows past a spill are empty).
 */
export interface LiveComparison {
  compare: { table: string; names: string };
  /** Why the category-by-year cells are written as values, or the TRANSITION spill. */
  transition: { table: string; labels: string; header: string } | { reason: string };
}

/** Empty rows left below a spill inside the ranges that read it, so a spill a little longer still fits. */
const SPILL_SLACK = 20;

/**
 * Whether an option's comparison can be live: both sides written as presets with overrides. Its
 * transition by category and year can be live only while the baseline is its preset unchanged,
 * because SOCIALCARE.TRANSITION takes overrides for the option alone.
 */
function liveComparisonPlan(scenarios: PlannedScenario[], overrides: OverrideRanges, k: number): { reason: string } | { base: { preset: string; range: string }; option: { preset: string; range: string }; transitionReason: string | null } {
  const base = overrides[0];
  const option = overrides[k + 1];
  if (!base || "reason" in base) return { reason: `the baseline is written as values (${base ? base.reason : "not live"})` };
  if (!option || "reason" in option) return { reason: `the option is written as values (${option ? option.reason : "not live"})` };
  const baseline = scenarios[0]!;
  let transitionReason: string | null = null;
  try {
    const preset = listSettings(loadPreset(base.preset));
    const own = new Map(listSettings(baseline.scenario).map((s) => [s.key, s.value]));
    const changed = preset.find((s) => s.key !== "id" && s.key !== "name" && own.get(s.key) !== s.value);
    if (changed) transitionReason = `the baseline differs from the preset "${base.preset}" (${changed.key}), and SOCIALCARE.TRANSITION changes the option alone`;
  } catch {
    transitionReason = `the baseline's preset "${base.preset}" is not known`;
  }
  return { base, option, transitionReason };
}

function buildInputsSheet(scenarios: PlannedScenario[], comparisons: Comparison[], options: PlanOptions): { sheet: SheetPlan; overrides: OverrideRanges; live: (LiveComparison | { reason: string })[] } {
  const header = ["Scenario", "Group", "Setting", "Key", "Value", "Unit", "Source", "Preset value"];
  const rows: Cell[][] = [];
  const rowFormats: string[][] = [];
  const firstRow = 5;
  const rowOf = new Map<string, number>(); // `${index}|${key}` → sheet row
  scenarios.forEach((planned, index) => {
    let presetByKey = new Map<string, Setting>();
    if (planned.basedOn) {
      try {
        presetByKey = new Map(listSettings(loadPreset(planned.basedOn)).map((s) => [s.key, s]));
      } catch {
        // An unknown preset leaves the column empty.
      }
    }
    for (const s of listSettings(planned.scenario)) {
      rowOf.set(`${index}|${s.key}`, firstRow + rows.length);
      const preset = presetByKey.get(s.key);
      rows.push([planned.name, s.group, s.label, s.key, s.value, s.unit ?? "", sourceText(s), preset ? preset.value : null]);
      const f = s.kind === "number" ? excelFormat(s.unit) : GENERAL;
      rowFormats.push([GENERAL, GENERAL, GENERAL, GENERAL, f, GENERAL, GENERAL, f]);
    }
  });
  const lastRow = firstRow + rows.length - 1;
  const blocks: Block[] = [
    { at: "A1", values: [["Inputs: every assumption of each scenario, with its unit and source"]], style: "title" },
    {
      at: "A2",
      values: [[`Written by the socialcare task pane on ${options.writtenOn} (model ${MODEL_VERSION}). Shares are fractions shown as percentages; money in £. "Preset value" is the value in the preset the scenario started from.`]],
      style: "note",
    },
    { at: "A4", values: [header], style: "header" },
    { at: cell(firstRow, 1), values: rows, numberFormat: rowFormats },
  ];
  const tables: TablePlan[] = [{ name: "SC_Inputs", range: range(4, 1, lastRow, header.length), style: "TableStyleLight9" }];

  // Live inputs: for each scenario that can be live, two columns of setting key and a formula on its
  // Value cell, which SOCIALCARE.SCENARIO takes as its overrides.
  const overrides: OverrideRanges = {};
  let column = header.length + 2;
  if (options.live) {
    scenarios.forEach((planned, index) => {
      const live = liveOverrides(planned);
      if ("reason" in live) {
        overrides[index] = live;
        return;
      }
      const pairs: Cell[][] = [];
      const pairFormulas: (string | null)[][] = [];
      const pairFormats: string[][] = [];
      for (const s of live.settings) {
        const row = rowOf.get(`${index}|${s.key}`)!;
        pairs.push([s.key, s.value]);
        pairFormulas.push([null, `=${cell(row, 5)}`]);
        pairFormats.push([GENERAL, s.kind === "number" ? excelFormat(s.unit) : GENERAL]);
      }
      blocks.push({ at: cell(3, column), values: [[`${planned.name}: live inputs (from ${live.preset})`]], style: "label" });
      blocks.push({ at: cell(4, column), values: [["Key", "Value"]], style: "header" });
      blocks.push({ at: cell(5, column), values: pairs, formulas: pairFormulas, numberFormat: pairFormats });
      overrides[index] = { preset: live.preset, range: sheetRef(INPUTS_SHEET, range(5, column, 4 + pairs.length, column + 1, true)) };
      column += 3;
    });
  }
  const widths = [26, 12, 34, 40, 14, 16, 60, 14];
  if (options.live) for (let c = header.length + 1; c < column; c++) widths.push((c - header.length) % 3 === 1 ? 2 : (c - header.length) % 3 === 2 ? 40 : 14);

  // Live comparisons: for each option, the tables SOCIALCARE.COMPARE and SOCIALCARE.TRANSITION spill,
  // which the comparison sheet's appraisal and transition cells look up by figure name, category and year.
  const live: (LiveComparison | { reason: string })[] = [];
  if (options.live) {
    comparisons.forEach((c, k) => {
      const plan = liveComparisonPlan(scenarios, overrides, k);
      if ("reason" in plan) {
        live.push(plan);
        return;
      }
      const name = scenarios[k + 1]!.name;
      column += 1;
      const compareRows = 1 + c.figures.length + comparisonOnlyFigures(c).length + SPILL_SLACK;
      blocks.push({ at: cell(3, column), values: [[`${name} against ${scenarios[0]!.name}: SOCIALCARE.COMPARE`]], style: "label" });
      blocks.push({ at: cell(4, column), values: [[null]], formulas: [[`=SOCIALCARE.COMPARE(${quote(plan.base.preset)},${quote(plan.option.preset)},${plan.base.range},${plan.option.range})`]] });
      const compare = {
        table: sheetRef(INPUTS_SHEET, range(4, column, 3 + compareRows, column + 5, true)),
        names: sheetRef(INPUTS_SHEET, range(4, column, 3 + compareRows, column, true)),
      };
      for (const w of [40, 34, 16, 16, 16, 10]) {
        widths[column - 1] = w;
        column++;
      }
      let transition: LiveComparison["transition"];
      if (plan.transitionReason) transition = { reason: plan.transitionReason };
      else {
        column += 1;
        const width = 3 + c.transition.years.length;
        const height = 2 + TRANSITION_CATEGORIES.length + SPILL_SLACK;
        blocks.push({ at: cell(3, column), values: [[`${name}: SOCIALCARE.TRANSITION`]], style: "label" });
        blocks.push({ at: cell(4, column), values: [[null]], formulas: [[`=SOCIALCARE.TRANSITION(${quote(plan.base.preset)},${quote(plan.option.preset)},${plan.option.range})`]] });
        transition = {
          table: sheetRef(INPUTS_SHEET, range(4, column, 3 + height, column + width - 1, true)),
          labels: sheetRef(INPUTS_SHEET, range(4, column + 1, 3 + height, column + 1, true)),
          header: sheetRef(INPUTS_SHEET, range(4, column, 4, column + width - 1, true)),
        };
        for (let i = 0; i < width; i++) {
          widths[column - 1] = i < 2 ? 24 : 14;
          column++;
        }
      }
      live.push({ compare, transition });
    });
  }
  for (let i = 0; i < widths.length; i++) widths[i] ??= 2;
  return { sheet: { name: INPUTS_SHEET, blocks, tables, charts: [], columnWidths: widths, freezeRows: 4 }, overrides, live };
}

/** A lookup of one figure of an option's live COMPARE table: its value (option, or the Change column for the comparison's own figures). */
function compareLookup(live: LiveComparison, figure: string, column: 4 | 5): string {
  return `INDEX(${live.compare.table},MATCH(${figure},${live.compare.names},0),${column})`;
}

function buildComparisonSheet(scenarios: PlannedScenario[], comparisons: Comparison[], options: PlanOptions, overrides: OverrideRanges, live: (LiveComparison | { reason: string })[]): SheetPlan {
  const baseline = scenarios[0]!;
  const optionsList = scenarios.slice(1);
  const blocks: Block[] = [];
  const tables: TablePlan[] = [];
  const charts: ChartPlan[] = [];
  const names = uniqueNames(scenarios.map((s) => s.name));

  blocks.push({ at: "A1", values: [[`Comparison: ${optionsList.map((s) => s.name).join(", ")} against ${baseline.name}`]], style: "title" });
  const liveNote = options.live
    ? ` Figures of each scenario are live formulas =SOCIALCARE.SCENARIO(…) on the ${INPUTS_SHEET} sheet's inputs; changes are formulas on them; the appraisal and transition figures are looked up in the tables =SOCIALCARE.COMPARE(…) and =SOCIALCARE.TRANSITION(…) spill on ${INPUTS_SHEET}. Cash flows by year are values.`
    : "";
  const notLive = options.live
    ? scenarios.map((s, i) => ("reason" in (overrides[i] ?? { reason: "" }) ? ` ${s.name} is written as values: ${(overrides[i] as { reason: string }).reason}.` : "")).join("") +
      live
        .map((l, k) => ("reason" in l ? ` ${scenarios[k + 1]!.name}'s appraisal and transition are values: ${l.reason}.` : "reason" in l.transition ? ` ${scenarios[k + 1]!.name}'s transition by category and year is values (its totals are live): ${l.transition.reason}.` : ""))
        .join("")
    : "";
  blocks.push({ at: "A2", values: [[`Written by the socialcare task pane on ${options.writtenOn} (model ${MODEL_VERSION}). Money in £ a year unless marked; changes are against the baseline.${liveNote}${notLive}`]], style: "note" });

  // 1. Every figure side by side.
  let row = 4;
  blocks.push({ at: cell(row, 1), values: [["Every figure, with its change against the baseline"]], style: "label" });
  row++;
  const header = ["Figure", "Figure name", "Unit", names[0]!];
  optionsList.forEach((_, k) => header.push(names[k + 1]!, `Change: ${names[k + 1]}`, `Change %: ${names[k + 1]}`));
  const figureOrder: string[] = [];
  const meta = new Map<string, { label: string; unit: string }>();
  for (const c of comparisons) for (const f of c.figures) if (!meta.has(f.figure)) { meta.set(f.figure, { label: f.label, unit: f.unit }); figureOrder.push(f.figure); }
  const byFigure = comparisons.map((c) => new Map(c.figures.map((f) => [f.figure, f])));
  const own = scenarios.map((s) => new Set(resultFigures(s.result).map((f) => f.figure)));
  const values: Cell[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  const top = row + 1;
  figureOrder.forEach((name, i) => {
    const r = top + i;
    const m = meta.get(name)!;
    const baseValue = byFigure.map((b) => b.get(name)?.baseline).find((v) => v !== undefined) ?? null;
    const line: Cell[] = [m.label, name, m.unit, baseValue];
    const lineFormulas: (string | null)[] = [null, null, null, liveFormula(overrides, 0, name, own[0]!, options.live)];
    const f = excelFormat(m.unit);
    const lineFormats = [GENERAL, GENERAL, GENERAL, f];
    optionsList.forEach((_, k) => {
      const fc = byFigure[k]!.get(name);
      line.push(fc?.option ?? null, fc?.change ?? null, fc?.changePct ?? null);
      const valueColumn = 5 + k * 3;
      lineFormulas.push(
        liveFormula(overrides, k + 1, name, own[k + 1]!, options.live),
        options.live ? `=IF(AND(ISNUMBER(${cell(r, valueColumn)}),ISNUMBER(${cell(r, 4)})),${cell(r, valueColumn)}-${cell(r, 4)},"")` : null,
        options.live ? `=IF(AND(ISNUMBER(${cell(r, valueColumn)}),ISNUMBER(${cell(r, 4)}),${cell(r, 4)}<>0),${cell(r, valueColumn)}/${cell(r, 4)}-1,"")` : null,
      );
      lineFormats.push(f, f, PERCENT);
    });
    values.push(line);
    formulas.push(lineFormulas);
    numberFormats.push(lineFormats);
  });
  blocks.push({ at: cell(row, 1), values: [header], style: "header" });
  const comparisonBlock: Block = { at: cell(top, 1), values, numberFormat: numberFormats };
  if (options.live) comparisonBlock.formulas = formulas;
  blocks.push(comparisonBlock);
  tables.push({ name: "SC_Comparison", range: range(row, 1, top + values.length - 1, header.length), style: "TableStyleMedium2" });
  const tableWidth = header.length;
  row = top + values.length + 2;

  // 2. The appraisal and transition figures of each option.
  blocks.push({ at: cell(row, 1), values: [["Appraisal and transition: each option against the baseline"]], style: "label" });
  row++;
  const ownFigures: Figure[][] = comparisons.map((c) => comparisonOnlyFigures(c));
  const ownOrder: string[] = [];
  const ownMeta = new Map<string, Figure>();
  for (const list of ownFigures) for (const f of list) if (!ownMeta.has(f.figure)) { ownMeta.set(f.figure, f); ownOrder.push(f.figure); }
  const appraisalHeader = ["Figure", "Figure name", "Unit", ...optionsList.map((_, k) => names[k + 1]!)];
  const appraisalRows: Cell[][] = ownOrder.map((name) => {
    const m = ownMeta.get(name)!;
    return [m.label, name, m.unit, ...ownFigures.map((list) => {
      const v = list.find((f) => f.figure === name)?.value;
      return typeof v === "boolean" ? (v ? "Yes" : "No") : (v ?? null);
    })];
  });
  blocks.push({ at: cell(row, 1), values: [appraisalHeader], style: "header" });
  const appraisalBlock: Block = { at: cell(row + 1, 1), values: appraisalRows, numberFormat: formats(appraisalRows, (c, r) => (c < 3 ? GENERAL : excelFormat(ownMeta.get(ownOrder[r]!)!.unit))) };
  if (options.live) {
    // Each option's figure from its COMPARE table, found by the figure name in column B.
    appraisalBlock.formulas = ownOrder.map((name, r) => [
      null,
      null,
      null,
      ...optionsList.map((_, k) => {
        const l = live[k];
        if (!l || "reason" in l) return null;
        const lookup = compareLookup(l, `$B${row + 1 + r}`, 5);
        return ownMeta.get(name)!.unit === "yes/no" ? `=IF(${lookup},"Yes","No")` : `=${lookup}`;
      }),
    ]);
  }
  blocks.push(appraisalBlock);
  tables.push({ name: "SC_Appraisal", range: range(row, 1, row + appraisalRows.length, appraisalHeader.length), style: "TableStyleMedium2" });
  row += appraisalRows.length + 3;

  // Charts sit to the right of the tables, one under another.
  const chartColumn = tableWidth + 2;
  let chartRow = 4;
  const placeChart = (chart: Omit<ChartPlan, "from" | "to">): void => {
    charts.push({ ...chart, from: cell(chartRow, chartColumn), to: cell(chartRow + 17, chartColumn + 7) });
    chartRow += 19;
  };

  // 3. Run cost by tier, every scenario.
  blocks.push({ at: cell(row, 1), values: [["Run cost by tier (£ a year)"]], style: "label" });
  row++;
  const tierOrder: { id: string; name: string }[] = [];
  for (const s of scenarios) for (const t of s.result.structure.tiers) if (!tierOrder.some((x) => x.id === t.id)) tierOrder.push({ id: t.id, name: t.name });
  const tierHeader = ["Tier", ...names];
  const tierRows: Cell[][] = tierOrder.map((t) => [t.name, ...scenarios.map((s) => s.result.structure.tiers.find((x) => x.id === t.id)?.annualCost ?? 0)]);
  blocks.push({ at: cell(row, 1), values: [tierHeader], style: "header" });
  blocks.push({ at: cell(row + 1, 1), values: tierRows, numberFormat: formats(tierRows, (c) => (c === 0 ? GENERAL : MONEY)) });
  tables.push({ name: "SC_RunCostByTier", range: range(row, 1, row + tierRows.length, tierHeader.length), style: "TableStyleMedium2" });
  placeChart({ name: "SC run cost by tier", kind: "barClustered", title: "Run cost by tier", source: range(row, 1, row + tierRows.length, tierHeader.length), seriesBy: "columns", valueFormat: excelFormat("£") });
  row += tierRows.length + 3;

  // 4. Transition spend by year and category, one table and one stacked chart per option.
  optionsList.forEach((option, k) => {
    const c = comparisons[k]!;
    blocks.push({ at: cell(row, 1), values: [[`Transition spend by year and category: ${option.name} (£)`]], style: "label" });
    row++;
    const years = c.transition.years;
    const head = ["Category", ...years, "Total"];
    const body: Cell[][] = TRANSITION_CATEGORIES.map((cat, i) => [CATEGORY_LABELS[cat] ?? cat, ...c.transition.table[i]!, c.transition.byCategory[cat]]);
    const total: Cell[] = ["Total", ...c.transition.byYear.map((y) => y.amount), c.transition.total];
    blocks.push({ at: cell(row, 1), values: [head], style: "header" });
    const bodyBlock: Block = { at: cell(row + 1, 1), values: body, numberFormat: formats(body, (col) => (col === 0 ? GENERAL : MONEY)) };
    const totalBlock: Block = { at: cell(row + 1 + body.length, 1), values: [total], numberFormat: [total.map((_, col) => (col === 0 ? GENERAL : MONEY))], style: "total" };
    const l = live[k];
    if (options.live && l && !("reason" in l)) {
      const headerRow = row;
      // Category by year from the TRANSITION table (by label and year); the totals from COMPARE, so they follow both sides' inputs.
      const t = l.transition;
      bodyBlock.formulas = TRANSITION_CATEGORIES.map((cat, i) => [
        null,
        ...years.map((_, y) => ("reason" in t ? null : `=INDEX(${t.table},MATCH($A${row + 1 + i},${t.labels},0),MATCH(${cell(headerRow, 2 + y)},${t.header},0))`)),
        `=${compareLookup(l, quote(`transition.byCategory.${cat}`), 5)}`,
      ]);
      totalBlock.formulas = [[null, ...years.map((year) => `=${compareLookup(l, quote(`transition.byYear.${year}`), 5)}`), `=${compareLookup(l, quote("transition.total"), 5)}`]];
    }
    blocks.push(bodyBlock);
    blocks.push(totalBlock);
    tables.push({ name: `SC_Transition_${k + 1}`, range: range(row, 1, row + body.length, head.length), style: "TableStyleMedium2" });
    if (years.length > 0) {
      placeChart({ name: `SC transition ${k + 1}`, kind: "columnStacked", title: `Transition spend by year: ${option.name}`, source: range(row, 1, row + body.length, 1 + years.length), seriesBy: "rows", valueFormat: excelFormat("£") });
    }
    row += body.length + 4;
  });

  // 5. Cash flows of every option, and the cumulative cash flow with its payback year.
  blocks.push({ at: cell(row, 1), values: [["Cash flows of the appraisal (real terms, £; positive is a saving)"]], style: "label" });
  row++;
  const flowHeader = ["Option", "Year", "Transition with optimism bias", "Run cost change", "Optimism bias on the run cost change", "Retention saving", "Cash flow", "Discount factor", "Present value", "Cumulative cash flow"];
  const flowRows: Cell[][] = [];
  comparisons.forEach((c, k) => {
    for (const f of c.appraisal.cashFlows) flowRows.push([names[k + 1]!, f.year, f.transition, f.runCostChange, f.runCostOptimismBias, f.retention, f.amount, f.discountFactor, f.presentValue, f.cumulative]);
  });
  blocks.push({ at: cell(row, 1), values: [flowHeader], style: "header" });
  blocks.push({ at: cell(row + 1, 1), values: flowRows, numberFormat: formats(flowRows, (col) => (col < 2 ? GENERAL : col === 7 ? "0.0000" : MONEY)) });
  tables.push({ name: "SC_CashFlows", range: range(row, 1, row + flowRows.length, flowHeader.length), style: "TableStyleLight9" });
  row += flowRows.length + 3;

  blocks.push({ at: cell(row, 1), values: [["Cumulative cash flow by year (£)"]], style: "label" });
  row++;
  const allYears: string[] = [];
  for (const c of comparisons) for (const f of c.appraisal.cashFlows) if (!allYears.includes(f.year)) allYears.push(f.year);
  allYears.sort();
  const cumHeader = ["Year", ...optionsList.map((_, k) => names[k + 1]!)];
  const cumRows: Cell[][] = allYears.map((year) => [year, ...comparisons.map((c) => c.appraisal.cashFlows.find((f) => f.year === year)?.cumulative ?? null)]);
  blocks.push({ at: cell(row, 1), values: [cumHeader], style: "header" });
  blocks.push({ at: cell(row + 1, 1), values: cumRows, numberFormat: formats(cumRows, (col) => (col === 0 ? GENERAL : MONEY)) });
  tables.push({ name: "SC_Cumulative", range: range(row, 1, row + cumRows.length, cumHeader.length), style: "TableStyleLight9" });
  const marks = comparisons.flatMap((c, k) =>
    c.appraisal.paybackYear === null ? [] : [{ series: k, point: allYears.indexOf(c.appraisal.paybackYear), label: `Payback ${c.appraisal.paybackYear}` }],
  );
  placeChart({ name: "SC cumulative cash flow", kind: "line", title: "Cumulative cash flow and payback", source: range(row, 1, row + cumRows.length, cumHeader.length), seriesBy: "columns", valueFormat: excelFormat("£"), marks });
  row += cumRows.length + 3;

  // 6. The checks: every reconciliation, pass or fail.
  blocks.push({ at: cell(row, 1), values: [["Checks"]], style: "label" });
  row++;
  const checkRows: Cell[][] = [];
  scenarios.forEach((s, i) => s.result.checks.forEach((k) => checkRows.push([names[i]!, k.name, k.ok ? "Pass" : `Fail: ${k.detail ?? ""}`])));
  comparisons.forEach((c, k) => c.checks.forEach((x) => checkRows.push([`${names[k + 1]} against ${names[0]}`, x.name, x.ok ? "Pass" : `Fail: ${x.detail ?? ""}`])));
  blocks.push({ at: cell(row, 1), values: [["Scenario", "Check", "Result"]], style: "header" });
  blocks.push({ at: cell(row + 1, 1), values: checkRows });
  tables.push({ name: "SC_Checks", range: range(row, 1, row + checkRows.length, 3), style: "TableStyleLight9" });

  const widths = [44, 30, 12, 18];
  for (let c = 5; c <= tableWidth; c++) widths.push(((c - 5) % 3) === 2 ? 12 : 18);
  return { name: COMPARISON_SHEET, blocks, tables, charts, columnWidths: widths, freezeRows: 0 };
}

function liveFormula(overrides: OverrideRanges, index: number, figure: string, has: Set<string>, live: boolean): string | null {
  if (!live || !has.has(figure)) return null;
  const o = overrides[index];
  if (!o || "reason" in o) return null;
  return `=SOCIALCARE.SCENARIO(${quote(o.preset)},${quote(figure)},${o.range})`;
}
