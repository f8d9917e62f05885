import { compareScenarios, type Comparison } from "../compare/compare.js";
import { DomainError } from "../errors.js";
import { comparisonFigure } from "../explain/figures.js";
import type { Scenario } from "../scenario/types.js";
import { managementLayers } from "../structure/layers.js";
import { simulate } from "../uncertainty/simulate.js";

/**
 * The Blueprint's headline claims, each set beside what the model computes for it from its drivers:
 * whether the model's figure is an output of drivers or one of its inputs restated, whether the claim
 * holds at the central values, and the chance it holds over the uncertain inputs. The claims are the
 * Blueprint's (Frontline, CPI and Buurtzorg B&I, 2019; docs/sources.md#blueprint-2019); the test each is
 * put to is stated with it, so a reader can disagree with the test and still read the figure.
 */

export type ClaimKind = "output" | "from inputs" | "input";

/** Each kind of claim figure, in words for a reader (the CLI, the workbook, the pane). */
export const CLAIM_KIND_WORDS: Readonly<Record<ClaimKind, string>> = { output: "an output of drivers", "from inputs": "arithmetic on inputs", input: "an input restated" };

/** What an input restated and a chance mean, in one paragraph for every face. */
export const CLAIMS_NOTE =
  "An input restated is no test of the claim: the model gives back what was typed in. A chance is over the uncertain inputs' distributions (socialcare simulate lists them); where nothing the claim depends on varies, none is given.";

export interface ClaimRow {
  id: string;
  /** The claim as the Blueprint makes it. */
  claim: string;
  /** How the model tests it, in words. */
  test: string;
  /** The figure the model gives for it (its name and value at the central values). */
  figure: string;
  value: number;
  unit: string;
  /** Output (computed from drivers), from inputs (arithmetic on settings typed in), or input (a setting restated). */
  kind: ClaimKind;
  /** Which settings or drivers, in words. */
  drivers: string;
  /** Whether the claim holds at the central values. */
  holds: boolean;
  /** The chance it holds over the uncertain inputs' distributions; null where nothing it depends on varies. */
  chance: number | null;
}

export interface ClaimsTable {
  baseline: string;
  option: string;
  council: string;
  year: string;
  draws: number;
  seed: number;
  rows: ClaimRow[];
}

interface ClaimDefinition {
  id: string;
  claim: string;
  test: string;
  figure: string;
  unit: string;
  holds: (x: number, c: Comparison) => boolean;
  kind: (option: Scenario) => { kind: ClaimKind; drivers: string };
}

/** The option's setting a figure restates, where the option types it in. */
const caseloadTargets = (option: Scenario) => option.structure.tiers.filter((t) => t.holdsCases && t.size.rule === "caseload");

/** The drivers that change the option's starting week, in words; none when the week is typed in as it is. */
function weekDrivers(option: Scenario): string[] {
  const c = option.timeUse.changes;
  const out: string[] = [];
  if (c.administrationToSupport > 0) out.push(`administration handed to support staff (${Math.round(c.administrationToSupport * 100)}%)`);
  if (c.reportingCutPerLayer > 0 && c.managementLayersBefore !== managementLayers(option.structure.tiers)) out.push("meetings and reporting cut with the management layers removed");
  if (c.travelCut !== 0) out.push("travel cut");
  if (c.supervisionChange !== 0) out.push("supervision changed");
  if (option.timeUse.directPayments.shareOfFamilies > 0 && option.timeUse.directPayments.hoursFreedPerCase !== 0) out.push("direct payments");
  return out;
}

const weekKind = (option: Scenario, typed: { kind: ClaimKind; drivers: string }): { kind: ClaimKind; drivers: string } => {
  const drivers = weekDrivers(option);
  return drivers.length > 0
    ? { kind: "output", drivers: `the starting week (timeUse) changed by ${drivers.join(", ")} (timeUse.changes)` }
    : typed;
};

const CLAIMS: ClaimDefinition[] = [
  {
    id: "caseloads",
    claim: "Caseloads cut by a fifth",
    test: "children per case-holder falls by 20% or more against the baseline (to the nearest percent)",
    figure: "change.childrenPerCaseHolderPct",
    unit: "share",
    holds: (x) => x <= -0.195,
    kind: (o) =>
      caseloadTargets(o).length > 0
        ? { kind: "input", drivers: `the option's caseload target is typed in (${caseloadTargets(o).map((t) => `structure.tiers.${t.id}.childrenPerWorker`).join(", ")}), so the change restates it` }
        : { kind: "output", drivers: "the case-holders the option's sizing rules give for the council's children" },
  },
  {
    id: "directContact",
    claim: "Direct contact with families up from 16% to 25% of the week",
    test: "the option's direct contact share of the week is 25% or more (to the nearest percent)",
    figure: "option.time.directContactShare",
    unit: "share",
    holds: (x) => x >= 0.245,
    kind: (o) => weekKind(o, { kind: "input", drivers: "the option's timeUse.directContact is typed in and nothing changes its week: the model restates it" }),
  },
  {
    id: "moreTime",
    claim: "Up to 60% more time with families",
    test: "direct contact time rises by 60% or more against the baseline (to the nearest percent)",
    figure: "change.contactTimePct",
    unit: "share",
    holds: (x) => x >= 0.595,
    kind: (o) => weekKind(o, { kind: "from inputs", drivers: "the two sides' timeUse.directContact, both typed in: the rise is their ratio" }),
  },
  {
    id: "costNeutral",
    claim: "Run costs neutral once the transition is over",
    test: "the run cost changes by no more than the cost-neutral tolerance (finance.appraisal.costNeutralTolerance)",
    figure: "change.runCostPct",
    unit: "share",
    holds: (_x, c) => c.verdict === "neutral",
    kind: () => ({ kind: "output", drivers: "both structures' tiers and sizing rules, pay, on-costs, vacancies, agency and overheads" }),
  },
  {
    id: "transition",
    claim: "£5m–£7m of transition spend over three years",
    test: "transition spend between £5m and £7m, over three years",
    figure: "transition.total",
    unit: "£",
    holds: (x, c) => x >= 5_000_000 && x <= 7_000_000 && c.transition.years.length === 3,
    kind: () => ({ kind: "output", drivers: "the posts deleted and created, redundancy and pension strain, recruitment, training, double running, systems and the programme team" }),
  },
];

/** The value of a figure of a comparison, by the names the uncertainty analysis uses (option.…, change.…). */
function valueOf(c: Comparison, figure: string): number {
  if (figure.startsWith("option.")) return c.option.time.directContactShare;
  return comparisonFigure(c, figure).value as number;
}

/** The share of sorted draws at or below x (the S-curve read the other way), interpolated between percentiles. */
function shareAtOrBelow(cdf: readonly number[], x: number): number {
  if (x < cdf[0]!) return 0;
  if (x >= cdf[cdf.length - 1]!) return 1;
  for (let p = 1; p < cdf.length; p++) {
    if (x < cdf[p]!) {
      const lo = cdf[p - 1]!;
      const hi = cdf[p]!;
      return (p - 1 + (hi > lo ? (x - lo) / (hi - lo) : 0)) / 100;
    }
  }
  return 1;
}

/**
 * The claims table for an option against a baseline on one council and price base (rebase them first:
 * compareOptions or onBaselineBasis). `draws` Monte Carlo draws give the chances (default 2,000).
 */
export function claimsTable(baseline: Scenario, option: Scenario, settings: { draws?: number; seed?: number } = {}): ClaimsTable {
  const draws = settings.draws ?? 2000;
  const seed = settings.seed ?? 1;
  const c = compareScenarios(baseline, option);
  const figures = ["change.childrenPerCaseHolderPct", "option.time.directContactShare", "change.contactTimePct", "transition.total"];
  let sim: ReturnType<typeof simulate> | null = null;
  let over5m: number | null = null;
  try {
    sim = simulate(option, { baseline, draws, seed, figures, budget: 7_000_000 });
    over5m = simulate(option, { baseline, draws, seed, figures: ["transition.total"], budget: 5_000_000 }).probabilities!.transitionOverBudget!.probability;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    sim = null; // nothing uncertain: the chances are not given
  }
  const rows = CLAIMS.map((d): ClaimRow => {
    const value = valueOf(c, d.figure);
    const { kind, drivers } = d.kind(option);
    let chance: number | null = null;
    if (sim) {
      const dist = sim.figures.find((f) => f.figure === d.figure);
      const varies = dist ? dist.max > dist.min : false;
      if (d.id === "costNeutral") chance = sim.probabilities!.costNeutral;
      else if (d.id === "transition") chance = c.transition.years.length === 3 ? Math.max(0, over5m! - sim.probabilities!.transitionOverBudget!.probability) : 0;
      else if (dist && varies) {
        const threshold = d.id === "caseloads" ? -0.195 : d.id === "directContact" ? 0.245 : 0.595;
        const below = shareAtOrBelow(dist.cdf, threshold);
        chance = d.id === "caseloads" ? below : 1 - below;
      }
    }
    return { id: d.id, claim: d.claim, test: d.test, figure: d.figure, value, unit: d.unit, kind, drivers, holds: d.holds(value, c), chance };
  });
  return { baseline: baseline.id, option: option.id, council: baseline.council.name, year: baseline.finance.year, draws, seed, rows };
}
