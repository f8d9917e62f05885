import { compareScenarios, type Comparison } from "../compare/compare.js";
import { compileScenario } from "../model/scenarioModel.js";
import { runScenario, type Result } from "../model/result.js";
import { listSettings } from "../scenario/settings.js";
import type { Provenance, Scenario } from "../scenario/types.js";
import { TIME_USE_SHARES } from "../scenario/types.js";
import { redundancyWeeksCore } from "../transition/redundancy.js";
import { addYears, yearsBetween } from "../years.js";
import { sourceAnchors } from "./sourceAnchors.js";
import { CATEGORY_LABELS, comparisonFigure, componentLabel, resultFigure, type Figure } from "./figures.js";

/**
 * Explain: how one figure was computed, as a finance officer would audit a formula. The rule in
 * words, the formula with the numbers put in, and every input with its value and source. Built on
 * demand from the scenario and its result, so plain evaluation does no extra work for it.
 */

export interface ExplainedInput {
  /** The setting's key or the figure's name. */
  name: string;
  label: string;
  value: number | string | boolean | null;
  unit?: string;
  /** Where the value came from: a source, an assumption, or "computed" for another figure. */
  source?: string;
  assumption?: string;
  /** The anchors of docs/sources.md the source or assumption cites (for a face to link), if any. */
  sourceAnchors?: string[];
}

export interface Explanation {
  figure: string;
  label: string;
  unit: string;
  value: Figure["value"];
  /** The rule in words. */
  rule: string;
  /** The formula with the numbers in it. */
  formula: string;
  inputs: ExplainedInput[];
}

export interface ExplainOptions {
  /** For a comparison figure (transition, appraisal, change): the baseline to compare against. */
  baseline?: Scenario;
}

/** How `figure` of `scenario` (or of its comparison with `options.baseline`) was computed. */
export function explain(scenario: Scenario, figure: string, options: ExplainOptions = {}): Explanation {
  if (options.baseline) {
    const comparison = compareScenarios(options.baseline, scenario);
    return explainComparison(options.baseline, scenario, comparison, figure);
  }
  const result = runScenario(scenario);
  const found = resultFigure(result, figure);
  return explainResultFigure(scenario, result, found);
}

/** Explains a figure of a comparison (its own figures, or `baseline.…` / `option.…`). */
export function explainComparison(baseline: Scenario, option: Scenario, comparison: Comparison, figure: string): Explanation {
  const found = comparisonFigure(comparison, figure);
  if (figure.startsWith("baseline.")) return { ...explainResultFigure(baseline, comparison.baseline, { ...found, figure: figure.slice(9) }), figure, label: found.label };
  if (figure.startsWith("option.")) return { ...explainResultFigure(option, comparison.option, { ...found, figure: figure.slice(7) }), figure, label: found.label };
  return explainComparisonFigure(baseline, option, comparison, found);
}

/** Formatting for formulas: enough digits to audit, thousands separated. */
export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  return numberFormat(0, digits).format(value);
}

/** Pounds and pence, thousands separated, for formulas. */
export function money(value: number): string {
  return `£${numberFormat(2, 2).format(value)}`;
}

/**
 * One formatter per number of digits, made once: `toLocaleString` with options builds a formatter on
 * every call, and explanations format hundreds of numbers (the team-design table's formulas are built
 * on every recalculation of a TEAMDESIGN cell). The same formatting as toLocaleString("en-GB", …).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { minimumFractionDigits, maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

function pct(value: number): string {
  return `${fmt(value * 100, 2)}%`;
}

/** The inputs of an explanation: settings with their sources, and computed figures. */
export class Inputs {
  readonly list: ExplainedInput[] = [];
  private readonly settings: Map<string, ReturnType<typeof listSettings>[number]>;
  constructor(private readonly scenario: Scenario) {
    this.settings = new Map(listSettings(scenario).map((s) => [s.key, s]));
  }
  /** Adds a setting of the scenario, with its source; returns its value. */
  setting(key: string, prefix = ""): number {
    const s = this.settings.get(key);
    if (!s) throw new Error(`no setting ${key}`);
    const entry: ExplainedInput = { name: prefix + key, label: s.label, value: s.value };
    if (s.unit) entry.unit = s.unit;
    addProvenance(entry, s.provenance);
    this.list.push(entry);
    return s.value as number;
  }
  /** Whether the scenario has the setting (an optional one may be absent). */
  has(key: string): boolean {
    return this.settings.has(key);
  }
  /** Adds a computed figure as an input. */
  figure(name: string, label: string, value: number | string | null, unit?: string): number {
    const entry: ExplainedInput = { name, label, value, source: "computed" };
    if (unit) entry.unit = unit;
    this.list.push(entry);
    return value as number;
  }
  get sources(): Record<string, Provenance> {
    return this.scenario.sources;
  }
}

function addProvenance(entry: ExplainedInput, provenance: Provenance | undefined): void {
  if (provenance?.source) entry.source = provenance.source;
  if (provenance?.assumption) entry.assumption = provenance.assumption;
  const anchors = sourceAnchors(provenance?.source, provenance?.assumption);
  if (anchors.length > 0) entry.sourceAnchors = anchors;
}

function explainResultFigure(scenario: Scenario, result: Result, found: Figure): Explanation {
  const inputs = new Inputs(scenario);
  const out = (rule: string, formula: string): Explanation => ({ figure: found.figure, label: found.label, unit: found.unit, value: found.value, rule, formula, inputs: inputs.list });
  const name = found.figure;
  const tierMatch = /^structure\.tiers\.([^.]+)\.(fte|salary|annualCost)$/.exec(name);
  if (tierMatch) return explainTier(scenario, result, tierMatch[1]!, tierMatch[2]!, inputs, out);
  const componentMatch = /^runCost\.components\.(\w+)$/.exec(name);
  if (componentMatch) return explainComponent(scenario, result, componentMatch[1]!, inputs, out);

  switch (name) {
    case "caseload.children": {
      const v = inputs.setting("council.children");
      return out("Children open to social care: an input of the council.", `${fmt(v)}`);
    }
    case "caseload.families": {
      const children = inputs.setting("council.children");
      const perFamily = inputs.setting("council.childrenPerFamily");
      return out("Families = children ÷ children per family.", `${fmt(children)} ÷ ${fmt(perFamily)} = ${fmt(result.caseload.families)}`);
    }
    case "caseload.caseHoldingFte": {
      const holders = result.structure.tiers.filter((t) => t.holdsCases);
      holders.forEach((t) => inputs.figure(`structure.tiers.${t.id}.fte`, `${t.name}: FTE`, t.fte, "FTE"));
      return out("Case-holding FTE = the FTE of every tier that holds cases.", `${holders.map((t) => fmt(t.fte)).join(" + ")} = ${fmt(result.caseload.caseHoldingFte)}`);
    }
    case "caseload.childrenPerCaseHolder": {
      const children = inputs.setting("council.children");
      inputs.figure("caseload.caseHoldingFte", "Case-holding FTE", result.caseload.caseHoldingFte, "FTE");
      return out("Children per case-holding post = children ÷ case-holding FTE (posts, vacancies included); each child is a case, as the DfE counts. The caseload as the DfE counts it is per case-holder at work (caseload.childrenPerCaseHolderAtWork).", `${fmt(children)} ÷ ${fmt(result.caseload.caseHoldingFte)} = ${fmt(result.caseload.childrenPerCaseHolder)}`);
    }
    case "caseload.atWorkShare": {
      const vacancy = inputs.setting("council.vacancyRate");
      const cover = inputs.setting("council.agencyCoverShare");
      return out("Posts with someone at work = 1 − vacancy rate × (1 − share of vacancies covered by agency): employed, or vacant and covered.", `1 − ${pct(vacancy)} × (1 − ${pct(cover)}) = ${pct(result.caseload.atWorkShare)}`);
    }
    case "caseload.childrenPerCaseHolderAtWork": {
      const children = inputs.setting("council.children");
      inputs.figure("caseload.caseHoldingFte", "Case-holding FTE", result.caseload.caseHoldingFte, "FTE");
      inputs.figure("caseload.atWorkShare", "Case-holding posts with someone at work", result.caseload.atWorkShare, "share");
      return out(
        "Caseload as the DfE counts it = children ÷ case-holding FTE at work (employed and agency) = children ÷ (case-holding FTE × share of posts with someone at work). DfE children's social work workforce statistics: cases held ÷ case-holding FTE of social workers, agency included (docs/sources.md#dfe-workforce-and-demand).",
        `${fmt(children)} ÷ (${fmt(result.caseload.caseHoldingFte)} × ${pct(result.caseload.atWorkShare)}) = ${fmt(result.caseload.childrenPerCaseHolderAtWork)}`,
      );
    }
    case "caseload.familiesPerCaseHolder": {
      inputs.figure("caseload.families", "Families", result.caseload.families, "families");
      inputs.figure("caseload.caseHoldingFte", "Case-holding FTE", result.caseload.caseHoldingFte, "FTE");
      return out("Families per case-holder = families ÷ case-holding FTE.", `${fmt(result.caseload.families)} ÷ ${fmt(result.caseload.caseHoldingFte)} = ${fmt(result.caseload.familiesPerCaseHolder)}`);
    }
    case "structure.totalFte": {
      result.structure.tiers.forEach((t) => inputs.figure(`structure.tiers.${t.id}.fte`, `${t.name}: FTE`, t.fte, "FTE"));
      return out("Total FTE = the FTE of every tier.", `${result.structure.tiers.map((t) => fmt(t.fte)).join(" + ")} = ${fmt(result.structure.totalFte)}`);
    }
    case "structure.teams": {
      const teams = scenario.structure.teams;
      const tier = result.structure.tiers.find((t) => t.id === teams.of);
      const members = tier ? tier.fte : result.caseload.caseHoldingFte;
      const label = tier ? `${tier.name} FTE` : "case-holding FTE";
      inputs.figure(tier ? `structure.tiers.${tier.id}.fte` : "caseload.caseHoldingFte", label, members, "FTE");
      const size = inputs.setting("structure.teams.size");
      const exact = members / size;
      return out(
        `Teams = ${label} ÷ team size${teams.rounding === "up" ? ", a part team counting as a whole one (rounded up)" : ""}.`,
        `${fmt(members)} ÷ ${fmt(size)} = ${fmt(exact, 4)}${teams.rounding === "up" ? ` → ${fmt(result.structure.teams)}` : ""}`,
      );
    }
    case "structure.layers": {
      const chain = longestChain(scenario);
      return out(
        "Management layers = the management tiers (holding no cases) above the front line on the longest reporting line from a case-holding tier.",
        chain.length ? `${chain.join(" → ")}: ${result.structure.layers}` : `${result.structure.layers}`,
      );
    }
    case "structure.spanOfControl": {
      const managers = result.structure.tiers.filter((t) => t.span !== null);
      managers.forEach((t) => inputs.figure(`structure.tiers.${t.id}.fte`, `${t.name}: FTE`, t.fte, "FTE"));
      return out("Span of control = FTE reporting directly to tiers that have reports ÷ FTE of those tiers.", `${managers.map((t) => `${t.name} ${fmt(t.span ?? 0)}`).join("; ")} → ${fmt(result.structure.spanOfControl)} overall`);
    }
    case "structure.managementFte": {
      const managers = result.structure.tiers.filter((t) => t.role === "manager");
      managers.forEach((t) => inputs.figure(`structure.tiers.${t.id}.fte`, `${t.name}: FTE`, t.fte, "FTE"));
      return out("Management FTE = the FTE of tiers whose role is manager.", `${managers.map((t) => fmt(t.fte)).join(" + ") || "0"} = ${fmt(result.structure.managementFte)}`);
    }
    case "structure.managementShareOfPay": {
      const managers = result.structure.tiers.filter((t) => t.role === "manager");
      const managementPay = managers.reduce((s, t) => s + t.components.pay, 0);
      inputs.figure("runCost.components.pay", "Pay", result.runCost.components.pay, "£ a year");
      return out("Management share of pay = pay of manager tiers ÷ all pay.", `${money(managementPay)} ÷ ${money(result.runCost.components.pay)} = ${pct(result.structure.managementShareOfPay)}`);
    }
    case "structure.adminSupportPerPractitioner": {
      const support = result.structure.tiers.filter((t) => t.role === "support").reduce((s, t) => s + t.fte, 0);
      inputs.figure("caseload.caseHoldingFte", "Case-holding FTE", result.caseload.caseHoldingFte, "FTE");
      return out("Admin support per case-holder = FTE of support tiers ÷ case-holding FTE.", `${fmt(support)} ÷ ${fmt(result.caseload.caseHoldingFte)} = ${fmt(result.structure.adminSupportPerPractitioner, 3)}`);
    }
    case "structure.clinicianFte": {
      const clinicians = result.structure.tiers.filter((t) => t.role === "clinician");
      return out("Clinician FTE = the FTE of tiers whose role is clinician.", `${clinicians.map((t) => fmt(t.fte)).join(" + ") || "0"} = ${fmt(result.structure.clinicianFte)}`);
    }
    case "time.hoursPerWeek": {
      const v = inputs.setting("timeUse.hoursPerWeek");
      return out("Contracted hours a week: an input.", fmt(v));
    }
    case "time.directContactShare":
    case "time.administrationShare": {
      const contact = name === "time.directContactShare";
      const changes = weekChanges(result, scenario, inputs);
      const hours = result.time.hoursPerWeek;
      const dp = directPaymentHoursFreed(result, inputs);
      if (contact) {
        const stated = inputs.setting("timeUse.directContact");
        const f = inputs.setting("timeUse.changes.freedToDirectContact");
        return out(
          "Direct contact share = the starting week's share + the share of the freed hours that goes to direct contact × the share of the week the structure's changes free (administration handed to support, meetings and reporting cut with the management layers removed, travel cut, supervision changed) + care-management hours freed by direct payments ÷ contracted hours.",
          `${pct(stated)} + ${pct(f)} × ${pct(changes.freed)} + ${fmt(dp, 3)} ÷ ${fmt(hours)} = ${pct(found.value as number)}`,
        );
      }
      const stated = inputs.setting("timeUse.administration");
      const a = inputs.setting("timeUse.changes.administrationToSupport");
      return out(
        "Administration share = the starting week's share × (1 − the share handed to support staff) − care-management hours freed by direct payments ÷ contracted hours (that time moves into direct contact).",
        `${pct(stated)} × (1 − ${pct(a)}) − ${fmt(dp, 3)} ÷ ${fmt(hours)} = ${pct(found.value as number)}`,
      );
    }
    case "time.hoursFreedByChangesPerCaseHolderPerWeek": {
      const changes = weekChanges(result, scenario, inputs);
      const hours = inputs.setting("timeUse.hoursPerWeek");
      return out(
        "Hours freed by the structure's changes = contracted hours × (administration handed to support + meetings and reporting cut + travel cut − supervision added), each a share of the starting week: administration × share handed over; meetings and reporting × the smaller of 1 and cut per layer × layers removed (layers when the week was measured − this structure's layers); travel × travel cut; supervision × change in supervision.",
        `${fmt(hours)} × (${pct(changes.administration)} + ${pct(changes.reporting)} + ${pct(changes.travel)} − ${pct(changes.supervision)}) = ${fmt(found.value as number, 3)}`,
      );
    }
    case "time.administrationHoursToSupport": {
      const hours = inputs.setting("timeUse.hoursPerWeek");
      const share = inputs.setting("timeUse.administration");
      const a = inputs.setting("timeUse.changes.administrationToSupport");
      inputs.figure("caseload.caseHoldingFte", "Case-holding FTE", result.caseload.caseHoldingFte, "FTE");
      return out(
        "Administration handed to support staff, hours a week = case-holding FTE × contracted hours × the starting week's administration share × the share handed over (the quantity administrationHours a support tier's span can be sized by).",
        `${fmt(result.caseload.caseHoldingFte)} × ${fmt(hours)} × ${pct(share)} × ${pct(a)} = ${fmt(found.value as number)}`,
      );
    }
    case "time.directPayments.casesPerCaseHolder": {
      const share = inputs.setting("timeUse.directPayments.shareOfFamilies");
      inputs.figure("caseload.childrenPerCaseHolderAtWork", "Children per case-holder at work", result.caseload.childrenPerCaseHolderAtWork);
      return out(
        "Cases on direct payments per case-holder = share of families supported through direct payments × children per case-holder at work (families on direct payments are taken to have as many children as any other).",
        `${pct(share)} × ${fmt(result.caseload.childrenPerCaseHolderAtWork)} = ${fmt(result.time.directPayments.casesPerCaseHolder, 3)}`,
      );
    }
    case "time.directPayments.hoursFreedPerCaseHolderPerWeek": {
      directPaymentHoursFreed(result, inputs);
      const dp = result.time.directPayments;
      return out(
        "Care-management hours freed per case-holder a week = cases on direct payments per case-holder × care-management hours each frees (negative: adds).",
        `${fmt(dp.casesPerCaseHolder, 3)} × ${fmt(dp.hoursFreedPerCase, 3)} = ${fmt(dp.hoursFreedPerCaseHolderPerWeek, 3)}`,
      );
    }
    case "time.directPayments.capacityFte": {
      const dp = result.time.directPayments;
      inputs.figure("time.directPayments.hoursFreedPerCaseHolderPerWeek", "Care-management hours freed per case-holder a week", dp.hoursFreedPerCaseHolderPerWeek, "hours a week");
      inputs.figure("caseload.caseHoldingFte", "Case-holding FTE", result.caseload.caseHoldingFte, "FTE");
      inputs.figure("caseload.atWorkShare", "Case-holding posts with someone at work", result.caseload.atWorkShare, "share");
      const hours = inputs.setting("timeUse.hoursPerWeek");
      return out(
        "Case-holding capacity freed = hours freed per case-holder a week × case-holding FTE at work (FTE × share of posts with someone at work) ÷ contracted hours: the freed time as FTE of case-holders (it goes to direct contact; no post is removed).",
        `${fmt(dp.hoursFreedPerCaseHolderPerWeek, 3)} × ${fmt(result.caseload.caseHoldingFte)} × ${pct(result.caseload.atWorkShare)} ÷ ${fmt(hours)} = ${fmt(dp.capacityFte, 3)}`,
      );
    }
    case "time.directContactHoursPerCaseHolderPerWeek": {
      const hours = inputs.setting("timeUse.hoursPerWeek");
      inputs.figure("time.directContactShare", "Direct contact share of the week (after the changes and direct payments)", result.time.directContactShare, "share");
      inputs.setting("timeUse.directContact");
      inputs.setting("timeUse.directPayments.shareOfFamilies");
      inputs.setting("timeUse.directPayments.hoursFreedPerCase");
      return out("Direct contact hours per case-holder a week = contracted hours × direct contact share (after the changes and direct payments).", `${fmt(hours)} × ${pct(result.time.directContactShare)} = ${fmt(result.time.directContactHoursPerCaseHolderPerWeek)}`);
    }
    case "time.directContactHoursPerChildPerWeek": {
      const hours = inputs.setting("timeUse.hoursPerWeek");
      inputs.figure("time.directContactShare", "Direct contact share of the week (after the changes and direct payments)", result.time.directContactShare, "share");
      inputs.setting("timeUse.directContact");
      inputs.setting("timeUse.directPayments.shareOfFamilies");
      inputs.setting("timeUse.directPayments.hoursFreedPerCase");
      inputs.figure("caseload.childrenPerCaseHolderAtWork", "Children per case-holder at work", result.caseload.childrenPerCaseHolderAtWork);
      return out(
        "Direct contact hours per child a week = contracted hours × direct contact share (after the changes and direct payments) ÷ children per case-holder at work.",
        `${fmt(hours)} × ${pct(result.time.directContactShare)} ÷ ${fmt(result.caseload.childrenPerCaseHolderAtWork)} = ${fmt(result.time.directContactHoursPerChildPerWeek, 3)}`,
      );
    }
    case "runCost.total": {
      for (const [component, value] of Object.entries(result.runCost.components)) inputs.figure(`runCost.components.${component}`, componentLabel(component), value, "£ a year");
      return out(
        "Run cost = pay + employer NI + pension + apprenticeship levy + agency premium + overheads + devolved team budgets (equivalently, the tiers' costs plus team budgets), rounded to the penny so the parts add up exactly.",
        `${Object.values(result.runCost.components).map(money).join(" + ")} = ${money(result.runCost.total)}`,
      );
    }
  }
  return out("An output of the model.", String(found.value));
}

/** Adds the starting week and the structure's changes to the inputs; returns what each change frees, as shares of the week. */
function weekChanges(result: Result, scenario: Scenario, inputs: Inputs): { administration: number; reporting: number; travel: number; supervision: number; freed: number } {
  const t = scenario.timeUse;
  for (const k of TIME_USE_SHARES) inputs.setting(`timeUse.${k}`);
  for (const k of ["administrationToSupport", "managementLayersBefore", "reportingCutPerLayer", "travelCut", "supervisionChange", "freedToDirectContact"]) inputs.setting(`timeUse.changes.${k}`);
  inputs.figure("structure.layers", "Management layers", result.structure.layers, "layers");
  // each change as the model made it: the starting share less the share after (administration before direct payments)
  const after = result.time.shares;
  const dpShare = result.time.directPayments.hoursFreedPerCaseHolderPerWeek / result.time.hoursPerWeek;
  return {
    administration: t.administration - (after.administration + dpShare),
    reporting: t.meetingsAndReporting - after.meetingsAndReporting,
    travel: t.travel - after.travel,
    supervision: after.supervision - t.supervision,
    freed: result.time.hoursFreedByChangesPerCaseHolderPerWeek / result.time.hoursPerWeek,
  };
}

/** Adds the direct payments settings (and the caseload they act on) to the inputs; returns the hours freed per case-holder a week. */
function directPaymentHoursFreed(result: Result, inputs: Inputs): number {
  inputs.setting("timeUse.directPayments.shareOfFamilies");
  inputs.setting("timeUse.directPayments.hoursFreedPerCase");
  inputs.figure("caseload.childrenPerCaseHolderAtWork", "Children per case-holder at work", result.caseload.childrenPerCaseHolderAtWork);
  return result.time.directPayments.hoursFreedPerCaseHolderPerWeek;
}

function explainTier(
  scenario: Scenario,
  result: Result,
  id: string,
  what: string,
  inputs: Inputs,
  out: (rule: string, formula: string) => Explanation,
): Explanation {
  const tier = scenario.structure.tiers.find((t) => t.id === id)!;
  const tr = result.structure.tiers.find((t) => t.id === id)!;
  const base = `structure.tiers.${id}`;
  if (what === "fte") {
    const size = tier.size;
    switch (size.rule) {
      case "fixed": {
        const fte = inputs.setting(`${base}.fte`);
        return out(`${tier.name}: a fixed number of FTE.`, fmt(fte));
      }
      case "caseload": {
        const children = inputs.setting("council.children");
        const target = inputs.setting(`${base}.childrenPerWorker`);
        const share = inputs.setting(`${base}.shareOfChildren`);
        inputs.figure("caseload.atWorkShare", "Case-holding posts with someone at work", result.caseload.atWorkShare, "share");
        return out(
          `${tier.name} sized by a caseload target, children per worker at work as the DfE counts it: children × the share of children this tier holds ÷ (children per worker × the share of posts with someone at work), so the posts include the vacancies no agency worker covers.`,
          `${fmt(children)} × ${fmt(share)} ÷ (${fmt(target)} × ${pct(result.caseload.atWorkShare)}) = ${fmt(tr.fte)}`,
        );
      }
      case "span": {
        const per = inputs.setting(`${base}.span.per`);
        const each = inputs.setting(`${base}.span.fte`);
        const ofValue = quantityValue(result, size.of);
        inputs.figure(size.of, quantityLabel(result, size.of), ofValue);
        return out(`${tier.name} sized by a span: ${fmt(each)} FTE for every ${fmt(per)} of ${quantityLabel(result, size.of)}.`, `${fmt(ofValue)} × ${fmt(each)} ÷ ${fmt(per)} = ${fmt(tr.fte)}`);
      }
      case "expression": {
        for (const name of namesIn(size.expression, result)) inputs.figure(name, quantityLabel(result, name), quantityValue(result, name));
        return out(`${tier.name} sized by an expression over named quantities, evaluated by a locked-down mathjs.`, `${size.expression} = ${fmt(tr.fte)}`);
      }
    }
  }
  if (what === "salary") {
    const stated = inputs.setting(`${base}.salary`);
    const finance = scenario.finance;
    const steps: string[] = [];
    for (let k = 1; k <= yearsBetween(finance.salaryYear, finance.year); k++) {
      const year = addYears(finance.salaryYear, k);
      const award = finance.payAwards[year]!;
      if (award.flat > 0) {
        inputs.setting(`finance.payAwards.${year}.flat`);
        if (Number.isFinite(award.flatUpTo)) inputs.setting(`finance.payAwards.${year}.flatUpTo`);
        if (award.percent !== 0) inputs.setting(`finance.payAwards.${year}.percent`);
      } else {
        inputs.setting(`finance.payAwards.${year}`);
      }
      steps.push(award.flat > 0 ? `${year}: +£${fmt(award.flat)} up to £${fmt(award.flatUpTo)}, else +${pct(award.percent)}` : `${year}: +${pct(award.percent)}`);
    }
    return out(
      steps.length ? `${tier.name}: salary stated in ${finance.salaryYear}, carried to ${finance.year} by the pay awards of the years between.` : `${tier.name}: salary of one FTE, an input.`,
      steps.length ? `${money(stated)}; ${steps.join("; ")} → ${money(tr.salary)}` : money(tr.salary),
    );
  }
  // annualCost
  inputs.figure(`${base}.fte`, `${tier.name}: FTE`, tr.fte, "FTE");
  inputs.figure(`${base}.salary`, `${tier.name}: salary`, tr.salary, "£ a year");
  inputs.setting("council.vacancyRate");
  inputs.setting("council.agencyCoverShare");
  inputs.setting("council.agencyPremium");
  inputs.setting("finance.employerNi.rate");
  inputs.setting("finance.employerNi.threshold");
  inputs.setting("finance.pensionRate");
  inputs.setting("finance.apprenticeshipLevy.rate");
  inputs.setting("finance.overheadsPerFte");
  const c = tr.components;
  return out(
    `${tier.name}: posts in post (employed, or vacant and covered by agency) cost their salary, employer NI above the threshold and pension; agency cover adds the premium on that cost; employees' pay bears the apprenticeship levy; overheads per FTE in post. Uncovered vacancies cost nothing.`,
    `pay ${money(c.pay)} + NI ${money(c.employerNi)} + pension ${money(c.pension)} + levy ${money(c.apprenticeshipLevy)} + agency premium ${money(c.agencyPremium)} + overheads ${money(c.overheads)} = ${money(tr.annualCost)}`,
  );
}

function explainComponent(scenario: Scenario, result: Result, component: string, inputs: Inputs, out: (rule: string, formula: string) => Explanation): Explanation {
  const total = result.runCost.components[component as keyof Result["runCost"]["components"]];
  if (component === "teamBudgets") {
    inputs.figure("structure.teams", "Teams", result.structure.teams, "teams");
    const budget = inputs.setting("structure.teamBudget");
    return out("Devolved team budgets = teams × the discretionary budget each team holds.", `${fmt(result.structure.teams)} × ${money(budget)} = ${money(total)}`);
  }
  const rules: Record<string, [string, string[]]> = {
    pay: ["Pay = salary × FTE in post (employed plus agency cover, at the employed rate), for each tier.", ["council.vacancyRate", "council.agencyCoverShare"]],
    employerNi: ["Employer NI = rate × (salary − secondary threshold) per FTE in post, for each tier.", ["finance.employerNi.rate", "finance.employerNi.threshold"]],
    pension: ["Employer pension = pension rate × salary per FTE in post, for each tier.", ["finance.pensionRate"]],
    apprenticeshipLevy: ["Apprenticeship levy = levy rate × employees' pay, less the allowance set against this pay bill.", ["finance.apprenticeshipLevy.rate", "finance.apprenticeshipLevy.allowance", "council.vacancyRate"]],
    agencyPremium: ["Agency premium = premium × employed cost (salary, NI, pension) × FTE covered by agency (FTE × vacancy rate × agency cover).", ["council.vacancyRate", "council.agencyCoverShare", "council.agencyPremium"]],
    overheads: ["Non-pay overheads = overheads per FTE × FTE in post.", ["finance.overheadsPerFte"]],
  };
  const [rule, keys] = rules[component]!;
  keys.forEach((k) => inputs.setting(k));
  const parts = result.structure.tiers.map((t) => {
    inputs.figure(`structure.tiers.${t.id}.components.${component}`, `${t.name}: ${componentLabel(component)}`, t.components[component as keyof typeof t.components], "£ a year");
    return money(t.components[component as keyof typeof t.components]);
  });
  void scenario;
  return out(rule, `${parts.join(" + ")} = ${money(total)}`);
}

function explainComparisonFigure(baseline: Scenario, option: Scenario, c: Comparison, found: Figure): Explanation {
  const inputs = new Inputs(option);
  const out = (rule: string, formula: string): Explanation => ({ figure: found.figure, label: found.label, unit: found.unit, value: found.value, rule, formula, inputs: inputs.list });
  const name = found.figure;
  const categoryMatch = /^transition\.byCategory\.(\w+)$/.exec(name);
  if (categoryMatch) return explainCategory(baseline, option, c, categoryMatch[1]!, inputs, out);
  const yearMatch = /^transition\.byYear\.(.+)$/.exec(name);
  if (yearMatch) {
    const y = c.transition.years.indexOf(yearMatch[1]!);
    c.transition.table.forEach((row, i) => inputs.figure(`transition.byCategory.${Object.keys(c.transition.byCategory)[i]}`, CATEGORY_LABELS[Object.keys(c.transition.byCategory)[i]!]!, row[y]!, "£"));
    inputs.setting("transition.profile." + y);
    return out(`Transition spend in ${yearMatch[1]} = each category's total × its profile's share for the year.`, `${c.transition.table.map((row) => money(row[y]!)).join(" + ")} = ${money(found.value as number)}`);
  }
  switch (name) {
    case "change.runCost":
    case "change.runCostPct": {
      inputs.figure("baseline.runCost.total", "Baseline run cost", c.baseline.runCost.total, "£ a year");
      inputs.figure("option.runCost.total", "Option run cost", c.option.runCost.total, "£ a year");
      return out(
        "Change in run cost = option run cost − baseline run cost (and as a share of the baseline).",
        `${money(c.option.runCost.total)} − ${money(c.baseline.runCost.total)} = ${money(c.change.runCost)} (${pct(c.change.runCostPct)})`,
      );
    }
    case "change.childrenPerCaseHolderPct":
      inputs.figure("baseline.caseload.childrenPerCaseHolder", "Baseline children per case-holder", c.baseline.caseload.childrenPerCaseHolder);
      inputs.figure("option.caseload.childrenPerCaseHolder", "Option children per case-holder", c.option.caseload.childrenPerCaseHolder);
      return out("Change in children per case-holder = option ÷ baseline − 1.", `${fmt(c.option.caseload.childrenPerCaseHolder)} ÷ ${fmt(c.baseline.caseload.childrenPerCaseHolder)} − 1 = ${pct(c.change.childrenPerCaseHolderPct)}`);
    case "change.contactTimePct":
      inputs.figure("baseline.time.directContactShare", "Baseline direct contact share (after direct payments)", c.baseline.time.directContactShare, "share");
      inputs.figure("option.time.directContactShare", "Option direct contact share (after direct payments)", c.option.time.directContactShare, "share");
      inputs.setting("timeUse.directContact", "option.");
      return out("Change in direct contact time = option's direct contact share ÷ baseline's − 1 (each after its direct payments lever).", `${pct(c.option.time.directContactShare)} ÷ ${pct(c.baseline.time.directContactShare)} − 1 = ${pct(c.change.contactTimePct)}`);
    case "change.directContactHoursPerChildPct":
      inputs.figure("baseline.time.directContactHoursPerChildPerWeek", "Baseline direct contact hours per child", c.baseline.time.directContactHoursPerChildPerWeek, "hours a week");
      inputs.figure("option.time.directContactHoursPerChildPerWeek", "Option direct contact hours per child", c.option.time.directContactHoursPerChildPerWeek, "hours a week");
      return out("Change in direct contact hours per child = option ÷ baseline − 1.", `${fmt(c.option.time.directContactHoursPerChildPerWeek, 3)} ÷ ${fmt(c.baseline.time.directContactHoursPerChildPerWeek, 3)} − 1 = ${pct(c.change.directContactHoursPerChildPct)}`);
    case "costNeutral": {
      const tolerance = inputs.setting("finance.appraisal.costNeutralTolerance");
      inputs.figure("change.runCostPct", "Change in run cost (%)", c.change.runCostPct, "share");
      return out("Cost neutral when the run cost changes by no more than the tolerance, as a share of the baseline run cost.", `|${pct(c.change.runCostPct)}| ${c.costNeutral ? "≤" : ">"} ${pct(tolerance)} → ${c.costNeutral ? "cost neutral" : "not cost neutral"}`);
    }
    case "transition.total":
      for (const [category, amount] of Object.entries(c.transition.byCategory)) inputs.figure(`transition.byCategory.${category}`, CATEGORY_LABELS[category]!, amount, "£");
      return out("Transition spend = the sum of its categories, each computed from its drivers (never typed in).", `${Object.values(c.transition.byCategory).map(money).join(" + ")} = ${money(c.transition.total)}`);
    case "transition.posts.deleted":
    case "transition.posts.redeployed":
    case "transition.posts.leavers":
    case "transition.posts.recruited": {
      const p = c.transition.posts;
      inputs.setting("council.vacancyRate");
      inputs.setting("transition.redeployedDefault");
      return out(
        "Posts deleted = baseline FTE above the option's, tier by tier; holders = deleted × (1 − vacancy rate); redeployed = the greater of holders × the tier's redeployed share and its same-grade moves (holders filling new posts of their own grade first: for each grade both sides name, the lesser of its holders and its new posts filled, shared among its tiers by holders); leavers = holders − redeployed; recruited = new posts filled (× (1 − vacancy)) less the redeployed. Costed from the workforce flows, the same-grade share is the least a tier may redeploy month by month.",
        `deleted ${fmt(p.deleted)}, holders ${fmt(p.holders)}, redeployed ${fmt(p.redeployed)}, leavers ${fmt(p.leavers)}; new posts ${fmt(p.newPosts)}, recruited ${fmt(p.recruited)}`,
      );
    }
    case "appraisal.npvWithBenefits":
    case "appraisal.cashableBenefits":
    case "demand.fewerLookedAfterToBreakEven": {
      const d = c.demand;
      if (!d || d.unitCost === null) return out("The council states no spend on children looked after or no children looked after, so no unit cost and no cashable benefit.", "n/a");
      inputs.setting("council.childrenLookedAfter");
      inputs.setting("council.lookedAfterSpend");
      inputs.setting("transition.demand.lookedAfterChange");
      inputs.setting("transition.demand.phaseInYears");
      inputs.setting("finance.appraisal.optimismBiasRunCost");
      inputs.figure("appraisal.npv", "Net present value (cost only)", c.appraisal.npv, "£");
      const rule =
        "Unit cost of a child looked after = the council's RO3 spend on children looked after ÷ its children looked after (an average: a child who does not come into care may save less). Cashable benefit a year = children looked after × the cut × unit cost, phased in an equal share a year, in the price base's real terms, less optimism bias at the run cost's rate; shown beside the cost-only NPV, never in it. Fewer children looked after to bring the NPV to zero = −NPV ÷ (unit cost × (1 − bias) × Σ phase share × discount factor).";
      if (name === "appraisal.cashableBenefits") return out(rule, `${money(d.benefitFullYear)} a year once phased in → ${money(c.appraisal.cashableBenefits)} over the horizon`);
      if (name === "appraisal.npvWithBenefits") return out(rule, `${money(c.appraisal.npv)} + the discounted benefits = ${money(c.appraisal.npvWithBenefits)}`);
      return out(rule, `unit cost ${money(d.unitCost)} a year → ${fmt(d.fewerLookedAfterToBreakEven ?? 0)} fewer children looked after`);
    }
    case "demand.childrenHeldChange":
    case "demand.caseloadAfterDemand": {
      const d = c.demand;
      if (!d) return out("The option has no transition, so no demand lever.", "n/a");
      inputs.setting("transition.demand.inNeedChange");
      inputs.setting("transition.demand.onPlanChange");
      inputs.setting("transition.demand.lookedAfterChange");
      if (inputs.has("council.childProtectionShare")) inputs.setting("council.childProtectionShare");
      if (inputs.has("council.lookedAfterShare")) inputs.setting("council.lookedAfterShare");
      const rule =
        "Change in the children held = (1 − share on a plan − share looked after) × change in other children in need + share on a plan × change in children on a plan + share looked after × change in children looked after; a group whose share the council does not state moves with the other children in need. The option's posts stay as sized: the change shows in the caseload at work = the option's children per case-holder at work × (1 + the change), once the lever is whole." +
        (d.childrenHeldNote ? ` ${d.childrenHeldNote}` : "");
      if (name === "demand.childrenHeldChange") return out(rule, `${fmt(d.childrenHeldChange * 100)}% of the children held`);
      inputs.figure("caseload.childrenPerCaseHolderAtWork", "The option's children per case-holder at work", c.option.caseload.childrenPerCaseHolderAtWork, "ratio");
      return out(rule, `${fmt(c.option.caseload.childrenPerCaseHolderAtWork)} × (1 + ${fmt(d.childrenHeldChange)}) = ${fmt(d.caseloadAfterDemand)}`);
    }
    case "appraisal.retention": {
      const r = c.retention;
      if (!r) return out("The option has no transition, so no retention lever.", money(0));
      inputs.setting("transition.retention.turnoverChange");
      inputs.setting("transition.retention.vacancyChange");
      inputs.setting("transition.retention.phaseInYears");
      if (inputs.has("council.turnoverRate")) inputs.setting("council.turnoverRate");
      inputs.setting("council.vacancyRate");
      inputs.setting("council.agencyCoverShare");
      inputs.setting("council.agencyPremium");
      inputs.setting("transition.recruitmentPerPost");
      inputs.setting("finance.appraisal.optimismBiasRunCost");
      c.appraisal.cashFlows.forEach((f) => inputs.figure(`appraisal.cashFlows.${f.index}.retention`, `Retention ${f.year}`, f.retention, "£"));
      return out(
        "Retention saving, once phased in, a year = leavers avoided (the option's in post × turnover × the cut in turnover) × recruitment cost per post + vacancies filled (posts × vacancy rate × the cut in vacancies) covered by agency × the agency premium − vacancies filled that stood empty × the employed cost (and the levy on the pay of those agency covered); phased in an equal share a year, in real terms, less optimism bias at the run cost's rate. Its own line of the appraisal, not part of the run cost.",
        `${money(r.recruitmentAvoided)} + ${money(r.agencyPremiumAvoided)} − ${money(r.payOfPostsFilled)} = ${money(r.saving)} a year once phased in over ${fmt(r.phaseInYears)} years → ${money(c.appraisal.retention)} over the horizon`,
      );
    }
    case "appraisal.runCostOptimismBias": {
      const bias = inputs.setting("finance.appraisal.optimismBiasRunCost");
      c.appraisal.cashFlows.forEach((f) => inputs.figure(`appraisal.cashFlows.${f.index}.runCostChange`, `Run cost change ${f.year}`, f.runCostChange, "£"));
      return out(
        "Optimism bias on the run cost change = Σ over the years of its share × the size of the year's run cost change (phased in, in real terms): added against the option whichever way the change goes, so a rise grows and a saving shrinks, as HM Treasury's guidance applies optimism bias to operating costs.",
        `${c.appraisal.cashFlows.map((f) => `${pct(bias)} × ${money(Math.abs(f.runCostChange))}`).join(" + ")} = ${money(c.appraisal.runCostOptimismBias)}`,
      );
    }
    case "appraisal.transitionWithOptimismBias": {
      const bias = inputs.setting("finance.appraisal.optimismBias");
      inputs.figure("transition.total", "Transition spend", c.transition.total, "£");
      return out("Transition spend with optimism bias = transition spend × (1 + optimism bias), as the Green Book asks.", `${money(c.transition.total)} × (1 + ${pct(bias)}) = ${money(c.appraisal.transitionWithOptimismBias)}`);
    }
    case "appraisal.npv": {
      inputs.setting("finance.appraisal.horizonYears");
      inputs.setting("finance.appraisal.optimismBias");
      inputs.setting("finance.appraisal.optimismBiasRunCost");
      inputs.setting("finance.appraisal.gdpDeflator");
      inputs.setting("finance.futurePayAward");
      inputs.setting("finance.appraisal.discountSchedule.0.rate");
      c.appraisal.cashFlows.forEach((f) => inputs.figure(`appraisal.cashFlows.${f.index}.presentValue`, `Present value ${f.year}`, f.presentValue, "£"));
      return out(
        "NPV = Σ cash flow × discount factor, year 0 undiscounted (Green Book). Cash flow = −(transition spend with optimism bias + run cost change phased in by the ramp, in real terms + optimism bias on the run cost change, its share of the change's size); positive is a saving. Discount factors compound the Green Book rate of each year's band.",
        `${c.appraisal.cashFlows.map((f) => `${money(f.amount)} × ${fmt(f.discountFactor, 4)}`).join(" + ")} = ${money(c.appraisal.npv)}`,
      );
    }
    case "transition.workforce.monthsToFullStaffing":
    case "transition.workforce.extraAgencyFteMonths":
    case "transition.workforce.unfilledPayNotSpent":
    case "transition.workforce.convertedFromAgency": {
      const w = c.transition.workforce;
      if (!w) return out("The transition is not costed from the workforce flows (transition.workforce.fromFlows), so the flows give no such figure.", "n/a");
      for (const key of ["council.turnoverRate", "council.startersPerYear", "council.vacancyRate", "council.agencyCoverShare", "transition.workforce.monthsToFill", "transition.workforce.agencyConversion", "transition.workforce.otherTurnover", "transition.workforce.redundancyMonth"]) if (inputs.has(key)) inputs.setting(key);
      const flows = `The workforce flows month by month (socialcare flows shows them): posts move along the transition's ramp, leavers go at the turnover rate, a tier short of staff replaces its leavers, takes ${fmt(w.agencyConversion * 100)}% a year of the agency workers bridging the rest of its gap and recruits 1 ÷ ${fmt(w.monthsToFill)} of what is left a month (${fmt(w.monthsToFill)} months to fill a post), all within the council's starters a year.`;
      if (name === "transition.workforce.monthsToFullStaffing") return out(`${flows} Months to full staffing = the count of months until the move is made and every tier has its posts × (1 − vacancy rate) in post, to a thousandth of an FTE.`, w.monthsToFullStaffing === null ? "not within the appraisal" : `${w.monthsToFullStaffing} months`);
      if (name === "transition.workforce.extraAgencyFteMonths") return out(`${flows} Agency beyond the usual = Σ over months and tiers of the agency workers covering vacancies beyond posts × vacancy rate × share covered.`, `${fmt(w.extraAgencyFteMonths)} FTE-months = ${fmt(w.extraAgencyFteMonths / 12)} FTE-years`);
      if (name === "transition.workforce.convertedFromAgency") return out(`${flows} Agency workers who took the post = Σ over months and tiers of (the gap beyond the leavers replaced × share covered × conversion a year ÷ 12): starters the market need not supply, at no recruitment cost.`, `${fmt(w.convertedFromAgency)} FTE`);
      return out(`${flows} Pay not spent = Σ over months of (aim in post − in post) × the employed cost of one FTE ÷ 12, less the base cost of the agency beyond the usual; shown beside the transition, not set against it.`, money(w.unfilledPayNotSpent));
    }
    case "appraisal.paybackYear": {
      let cumulative = 0;
      const steps = c.appraisal.cashFlows.map((f) => {
        cumulative += f.amount;
        return `${f.year} ${money(cumulative)}`;
      });
      return out("Payback year = the first year by the end of which the cumulative cash flow is no longer negative; none if it stays negative to the horizon.", `${steps.join("; ")} → ${c.appraisal.paybackYear ?? "no payback within the horizon"}`);
    }
  }
  return out("An output of the comparison.", String(found.value));
}

function explainCategory(baseline: Scenario, option: Scenario, c: Comparison, category: string, inputs: Inputs, out: (rule: string, formula: string) => Explanation): Explanation {
  const amount = c.transition.byCategory[category as keyof Comparison["transition"]["byCategory"]];
  const t = option.transition;
  if (!t) return out("The option has no transition drivers, so no transition spend.", money(0));
  const posts = c.transition.posts;
  const flows = c.transition.workforce;
  if (flows && (category === "redundancy" || category === "pensionStrain" || category === "recruitment" || category === "doubleRunning" || category === "agencyBridging")) {
    return explainFromFlows(c, category, flows, inputs, amount, out);
  }
  switch (category) {
    case "agencyBridging":
      return out("Agency bridging is costed from the workforce flows only (transition.workforce.fromFlows); from the shares typed in there is none.", money(amount));
    case "redundancy": {
      const multiplier = inputs.setting("transition.redundancy.multiplier");
      if (!t.redundancy.actualPay) inputs.setting("transition.redundancy.weeklyPayCap");
      t.leavers.forEach((_, g) => {
        inputs.setting(`transition.leavers.${g}.share`);
        inputs.setting(`transition.leavers.${g}.age`);
        inputs.setting(`transition.leavers.${g}.yearsOfService`);
      });
      const weeks = t.leavers.reduce((s, g) => s + g.share * redundancyWeeksCore(g.age, g.yearsOfService), 0);
      const lines = posts.byTier.map((p) => {
        const salary = c.baseline.structure.tiers.find((x) => x.id === p.id)!.salary;
        const weekly = t.redundancy.actualPay ? salary / 52 : Math.min(salary / 52, t.redundancy.weeklyPayCap);
        return `${p.id}: ${fmt(p.leavers)} leavers × ${fmt(weeks, 3)} weeks × ${money(weekly)} × ${fmt(multiplier)}`;
      });
      inputs.figure("transition.posts.leavers", "Leavers made redundant", posts.leavers, "FTE");
      return out(
        `Redundancy = leavers × statutory weeks (by age and service, the average over the leaver groups) × a week's pay (${t.redundancy.actualPay ? "actual pay, as councils may under reg 5 of SI 2006/2914" : "capped at the statutory weekly cap"}) × the council's multiplier, for each deleted tier.`,
        `${lines.join(" + ") || "no leavers"} = ${money(amount)}`,
      );
    }
    case "pensionStrain": {
      const age = inputs.setting("transition.redundancy.strainAge");
      const per = inputs.setting("transition.redundancy.strainPerSalary");
      const share = t.leavers.filter((g) => g.age >= age).reduce((s, g) => s + g.share, 0);
      inputs.figure("transition.posts.leavers", "Leavers made redundant", posts.leavers, "FTE");
      return out(`Pension strain = leavers aged ${age} or over (a share of ${pct(share)}) × ${fmt(per)} × their salary: the employer's cost of releasing an unreduced LGPS pension.`, money(amount));
    }
    case "recruitment": {
      const per = inputs.setting("transition.recruitmentPerPost");
      inputs.figure("transition.posts.recruited", "New posts recruited", posts.recruited, "FTE");
      return out("Recruitment = new posts filled by recruitment (new posts in post less the redeployed) × cost per post.", `${fmt(posts.recruited)} × ${money(per)} = ${money(amount)}`);
    }
    case "training": {
      const perWorker = inputs.setting("transition.training.perWorker");
      const perTeam = inputs.setting("transition.training.perTeam");
      inputs.figure("option.caseload.caseHoldingFte", "Option case-holding FTE", c.option.caseload.caseHoldingFte, "FTE");
      inputs.figure("option.structure.teams", "Option teams", c.option.structure.teams, "teams");
      return out("Training and coaching = per worker × case-holding FTE + per team × teams, in the new structure.", `${money(perWorker)} × ${fmt(c.option.caseload.caseHoldingFte)} + ${money(perTeam)} × ${fmt(c.option.structure.teams)} = ${money(amount)}`);
    }
    case "doubleRunning": {
      const share = inputs.setting("transition.doubleRunning.share");
      const months = inputs.setting("transition.doubleRunning.months");
      inputs.figure("baseline.runCost.total", "Baseline run cost", c.baseline.runCost.total, "£ a year");
      return out("Double running = share of the old structure kept running × baseline run cost × months ÷ 12.", `${pct(share)} × ${money(c.baseline.runCost.total)} × ${fmt(months)} ÷ 12 = ${money(amount)}`);
    }
    case "systems": {
      const systems = inputs.setting("transition.systems");
      return out("Systems: case management and other systems changes, a driver of the option.", money(systems));
    }
    case "programmeTeam": {
      const fte = inputs.setting("transition.programmeTeam.fte");
      const salary = inputs.setting("transition.programmeTeam.salary");
      const years = inputs.setting("transition.programmeTeam.years");
      inputs.setting("finance.employerNi.rate");
      inputs.setting("finance.pensionRate");
      return out("Programme team = FTE × employer cost of the salary (salary, NI, pension, levy) × years.", `${fmt(fte)} × employer cost of ${money(salary)} × ${fmt(years)} = ${money(amount)}`);
    }
  }
  void baseline;
  return out("A transition category.", money(amount));
}

/** A workforce category costed from the flows: the rule, the settings it reads and the counts behind it. */
function explainFromFlows(c: Comparison, category: string, w: NonNullable<Comparison["transition"]["workforce"]>, inputs: Inputs, amount: number, out: (rule: string, formula: string) => Explanation): Explanation {
  const posts = c.transition.posts;
  inputs.setting("council.turnoverRate");
  if (inputs.has("council.startersPerYear")) inputs.setting("council.startersPerYear");
  inputs.setting("council.vacancyRate");
  inputs.setting("transition.workforce.monthsToFill");
  inputs.setting("transition.workforce.redundancyMonth");
  inputs.setting("transition.workforce.otherTurnover");
  inputs.setting("transition.workforce.agencyConversion");
  inputs.setting("transition.retention.turnoverChange");
  const flowsSay = `The workforce flows (socialcare flows shows them month by month): leavers at the turnover rate (social workers the council's, other staff ${fmt(w.otherTurnover)} × it, changed by the retention lever as it phases in), starters within the recruitment capacity filling a gap over ${fmt(w.monthsToFill)} months, agency workers bridging a gap taking the post at ${fmt(w.agencyConversion * 100)}% a year, holders of posts that go redeployed, leaving by natural wastage or made redundant in month ${w.redundancyMonth + 1}.`;
  switch (category) {
    case "redundancy":
    case "pensionStrain": {
      inputs.setting("transition.redundancy.multiplier");
      if (category === "pensionStrain") inputs.setting("transition.redundancy.strainPerSalary");
      inputs.figure("transition.posts.leavers", "Leavers made redundant", posts.leavers, "FTE");
      inputs.figure("transition.posts.naturalWastage", "Holders lost by natural wastage", posts.naturalWastage, "FTE");
      return out(
        `${flowsSay} ${category === "redundancy" ? "Redundancy = holders still in post in the redundancy month × statutory weeks of an average leaver × a week's pay × the multiplier" : "Pension strain = holders made redundant × the share old enough × strain per salary × salary"}, for each tier that loses posts.`,
        `${fmt(posts.leavers)} FTE made redundant (${fmt(posts.naturalWastage)} left by natural wastage first, ${fmt(posts.redeployed)} redeployed) → ${money(amount)}`,
      );
    }
    case "recruitment": {
      const per = inputs.setting("transition.recruitmentPerPost");
      inputs.figure("transition.posts.recruited", "New posts recruited", posts.recruited, "FTE");
      return out(`${flowsSay} Recruitment = starters beyond those replacing the month's leavers and beyond the agency workers taking the post × cost per post.`, `${fmt(posts.recruited)} × ${money(per)} = ${money(amount)}`);
    }
    case "doubleRunning":
      inputs.setting("finance.overheadsPerFte");
      return out(`${flowsSay} Double running = each month, holders of posts that go still in post above their tier's aim (posts × (1 − vacancy rate)) × the employed cost of one FTE (pay, NI, pension, levy, overheads) ÷ 12.`, money(amount));
    default:
      inputs.setting("council.agencyCoverShare");
      inputs.setting("council.agencyPremium");
      return out(
        `${flowsSay} Agency bridging = each month, agency workers covering vacancies beyond the usual share (posts × vacancy rate × share covered) × the agency premium on one FTE's pay, NI and pension ÷ 12. Pay not spent on the posts meanwhile (${money(w.unfilledPayNotSpent)}) is not set against it.`,
        `${fmt(w.extraAgencyFteMonths / 12)} FTE-years of agency beyond the usual → ${money(amount)}`,
      );
  }
}

function quantityValue(result: Result, name: string): number {
  switch (name) {
    case "children":
      return result.caseload.children;
    case "families":
      return result.caseload.families;
    case "teams":
      return result.structure.teams;
    case "caseHolders":
      return result.caseload.caseHoldingFte;
    case "totalFte":
      return result.structure.totalFte;
    default:
      return result.structure.tiers.find((t) => t.id === name)?.fte ?? 0;
  }
}

function quantityLabel(result: Result, name: string): string {
  const labels: Record<string, string> = { children: "children", families: "families", teams: "teams", caseHolders: "case-holding FTE", totalFte: "total FTE" };
  return labels[name] ?? `${result.structure.tiers.find((t) => t.id === name)?.name ?? name} FTE`;
}

function namesIn(expression: string, result: Result): string[] {
  const candidates = ["children", "families", "teams", "caseHolders", "totalFte", ...result.structure.tiers.map((t) => t.id)];
  return candidates.filter((c) => new RegExp(`\\b${c}\\b`).test(expression));
}

function longestChain(scenario: Scenario): string[] {
  const byId = new Map(scenario.structure.tiers.map((t) => [t.id, t]));
  let best: string[] = [];
  let bestLayers = -1;
  for (const tier of scenario.structure.tiers.filter((t) => t.holdsCases)) {
    const chain = [tier.name];
    let layers = 0;
    let up = tier.reportsTo === null ? undefined : byId.get(tier.reportsTo);
    while (up) {
      chain.push(up.name);
      if (up.role === "manager" && !up.holdsCases) layers++;
      up = up.reportsTo === null ? undefined : byId.get(up.reportsTo);
    }
    if (layers > bestLayers) {
      bestLayers = layers;
      best = chain;
    }
  }
  return best;
}

export { compileScenario };
