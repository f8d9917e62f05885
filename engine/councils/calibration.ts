import { loadScenario } from "../scenario/load.js";
import { runScenario } from "../model/result.js";
import { ScenarioError } from "../errors.js";
import { councilFigures, type CouncilFigure } from "./figures.js";
import { findCouncil, listCouncils, type CouncilRecord } from "./find.js";
import { publishedCouncilPart } from "./published.js";
import { CALIBRATION_MEASURES, type CalibrationMeasureName } from "./calibrationLabels.js";
import { publishedYears } from "./publishedYears.js";

export { CALIBRATION_LABELS, CALIBRATION_MEASURES, type CalibrationMeasureName } from "./calibrationLabels.js";

/**
 * Calibration: the model's run cost of a council's social work staff set beside what the council says it
 * spent (MHCLG RO3 2024-25). The model is not fitted to the spend: the table shows how far apart they are,
 * so a finance officer can judge the model before trusting it. They are not the same thing, and are not
 * expected to match:
 * - the RO3 safeguarding line holds more than the social work teams the model sizes (family support,
 *   contact and early help workers, independent reviewing officers, legal and commissioning staff, as each
 *   council books them);
 * - the model pays every council the national pay midpoints (2019/20 scales carried forward), not its
 *   own pay scales and market supplements;
 * - agency spend in RO3 is for all children's social care, not safeguarding alone.
 *
 * The outturn is for April 2024 to March 2025; the workforce counted at 30 September 2024 falls in the
 * middle of it, so the model runs each council's council baseline on its 2024 figures, in 2024/25 prices.
 */

/** The data year whose workforce sits in the middle of the outturn year (RO3 2024-25). */
export const CALIBRATION_DATA_YEAR = 2024;
/** The council table files RO3 2024-25 under reporting year 2025 (engine/generated/councils.ts). */
const OUTTURN_YEAR = 2025;

/** One measure set beside its published counterpart. */
export interface CalibrationMeasure {
  /** The model's figure, £ a year; null when the model could not run the council. */
  model: number | null;
  /** The published figure, £ a year; null when missing (the reason in `missing`). */
  published: number | null;
  /** Why the published figure is missing: the symbol's meaning and the publication. */
  missing?: string;
  /** model ÷ published; null when either is missing or the published figure is 0. */
  ratio: number | null;
  /** "low" or "high" when the ratio lies outside the fences of every council's ratios (see calibrationTable). */
  flag: "low" | "high" | null;
}

export interface CalibrationRow {
  council: string;
  ons: string;
  dfe: string;
  region: string;
  /** The workforce year the model ran on, and the prices it was costed in. */
  dataYear: number;
  financeYear: string | null;
  /** Why the model could not run the council (a figure missing for the year); null when it ran. */
  problem: string | null;
  employees: CalibrationMeasure;
  total: CalibrationMeasure;
  agency: CalibrationMeasure;
}

export interface CalibrationTable {
  rows: CalibrationRow[];
  /** Per measure: the fences outside which a council's ratio is flagged, and the councils counted. */
  fences: Record<CalibrationMeasureName, { low: number; high: number; councils: number } | null>;
  notes: string[];
}

/** The model's three measures for a council baseline, from its run cost components. */
export function modelledSpend(council: string | number | CouncilRecord, dataYear = CALIBRATION_DATA_YEAR): { employees: number; total: number; agency: number; financeYear: string } {
  const part = publishedCouncilPart(council, dataYear);
  if (part.problems.length > 0) throw new ScenarioError(part.problems.map((p) => ({ path: `council.${p.setting}`, reason: p.message })));
  const scenario = loadScenario({ extends: "traditional", council: part.council, finance: part.finance });
  const r = runScenario(scenario);
  const c = r.runCost.components;
  const { vacancyRate: v, agencyCoverShare: a } = scenario.council;
  // Of the posts filled (employed + agency cover), the share filled by agency workers: every tier has the
  // council's vacancy and cover rates, so the share is the same for each (engine/costs/employerCost.ts).
  const filled = 1 - v + v * a;
  const agencyShare = filled > 0 ? (v * a) / filled : 0;
  const employedCost = c.pay + c.employerNi + c.pension;
  return {
    employees: employedCost * (1 - agencyShare) + c.apprenticeshipLevy,
    total: r.runCost.total,
    agency: employedCost * agencyShare + c.agencyPremium,
    financeYear: scenario.finance.year,
  };
}

const PUBLISHED: Record<CalibrationMeasureName, string> = { employees: "safeguardingEmployees", total: "safeguardingSpend", agency: "agencyStaffSpend" };

/** One council's calibration row, without flags (those need every council: calibrationTable). */
export function councilCalibration(id: string | number | CouncilRecord, dataYear = CALIBRATION_DATA_YEAR): CalibrationRow {
  const council = typeof id === "object" ? id : findCouncil(id);
  const outturn = councilFigures(council, OUTTURN_YEAR);
  let modelled: ReturnType<typeof modelledSpend> | null = null;
  let problem: string | null = null;
  try {
    modelled = modelledSpend(council, dataYear);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    problem = error.issues.map((i) => i.reason).join("; ");
  }
  const measure = (name: CalibrationMeasureName): CalibrationMeasure => {
    const f: CouncilFigure = outturn[PUBLISHED[name]]!;
    const published = typeof f.value === "number" ? f.value : null;
    const model = modelled ? modelled[name] : null;
    return {
      model,
      published,
      ...(published === null && "missing" in f ? { missing: `${f.missing}: ${f.reason} (${f.publication})` } : {}),
      ratio: model !== null && published !== null && published > 0 ? model / published : null,
      flag: null,
    };
  };
  return {
    council: council.name,
    ons: council.ons,
    dfe: council.dfe,
    region: council.region,
    dataYear,
    financeYear: modelled?.financeYear ?? null,
    problem,
    employees: measure("employees"),
    total: measure("total"),
    agency: measure("agency"),
  };
}

/**
 * Every council still reporting, with each measure's ratio flagged when it lies outside the fences of
 * all councils' ratios: Tukey's fences on the logarithm of the ratio (below the lower quartile, or above
 * the upper, by more than 1.5 times the interquartile range). Logarithms, because a ratio of 2 is as far
 * from 1 as a ratio of ½.
 */
export function calibrationTable(dataYear = CALIBRATION_DATA_YEAR): CalibrationTable {
  const councils = listCouncils().filter((c) => c.latestYear >= dataYear && Object.keys(publishedYears(c.dfe)[String(OUTTURN_YEAR)] ?? {}).length > 0);
  const rows = councils.map((c) => councilCalibration(c, dataYear));
  const fences = {} as CalibrationTable["fences"];
  for (const name of CALIBRATION_MEASURES) {
    const logs = rows.map((r) => r[name].ratio).filter((x): x is number => x !== null && x > 0).map(Math.log).sort((a, b) => a - b);
    if (logs.length < 4) {
      fences[name] = null;
      continue;
    }
    const q1 = quantile(logs, 0.25);
    const q3 = quantile(logs, 0.75);
    const low = Math.exp(q1 - 1.5 * (q3 - q1));
    const high = Math.exp(q3 + 1.5 * (q3 - q1));
    fences[name] = { low, high, councils: logs.length };
    for (const r of rows) {
      const ratio = r[name].ratio;
      if (ratio !== null) r[name].flag = ratio < low ? "low" : ratio > high ? "high" : null;
    }
  }
  return {
    rows,
    fences,
    notes: [
      `The model runs each council as it is (the traditional structure on its ${dataYear} workforce figures, in ${rows.find((r) => r.financeYear)?.financeYear ?? "its"} prices) beside its RO3 2024-25 outturn.`,
      "RO3's safeguarding line holds more than the social work teams the model sizes, and its agency item covers all of children's social care: a ratio below 1 is expected.",
      "A ratio is flagged when it lies outside Tukey's fences on the logarithm of every council's ratio (1.5 interquartile ranges beyond the quartiles).",
    ],
  };
}

/** The q-quantile of sorted values, interpolating between the two nearest (the usual type-7 rule). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
