import { clone } from "../clone.js";
import { models } from "../generated/models.js";
import { councilFigures, councilYears, type CouncilFigure } from "./figures.js";
import { findCouncil, type CouncilRecord } from "./find.js";

/**
 * A council's published figures as the `council` part of a scenario: every figure with the source it came
 * from. A figure the model needs and the statistics lack is a problem naming the figure, the council and
 * the year; nothing is filled in silently.
 */

export interface SourcedValue {
  value: number;
  source: string;
  distribution?: unknown;
}

export interface CouncilProblem {
  council: string;
  year: number;
  figure: string;
  /** The council setting the figure would fill (`children`, `vacancyRate`, …). */
  setting: string;
  message: string;
}

export interface CouncilScenarioPart {
  /** The scenario's council part, ready to be given to a scenario as `council:`. */
  council: { name: string } & Record<string, SourcedValue | string>;
  /** Needed figures the statistics lack; when any, the part cannot be run as it stands. */
  problems: CouncilProblem[];
  /** Optional figures left out because the statistics lack them (the model then works without them). */
  omitted: CouncilProblem[];
}

type Published = Extract<CouncilFigure, { value: number }>;

const average = (models.councils as Record<string, Record<string, SourcedValue>>)["average-council-2025"]!;

export function councilScenarioPart(id: string | number | CouncilRecord, year?: number): CouncilScenarioPart {
  const council = typeof id === "object" ? id : findCouncil(id);
  const y = year ?? council.latestYear;
  const figures = councilFigures(council, y);
  const problems: CouncilProblem[] = [];
  const omitted: CouncilProblem[] = [];
  const part: CouncilScenarioPart["council"] = { name: `${council.name}, ${y}` };

  const lack = (into: CouncilProblem[], figure: string, why: string, what = "is missing"): void => {
    const setting = figure.split(" ")[0]!;
    into.push({ council: council.name, year: y, figure, setting, message: `${council.name}, ${y}: ${figure} ${what} (${why})` });
  };
  const missingWhy = (f: CouncilFigure): string =>
    "missing" in f && f.missing !== undefined ? `${f.publication}: ${f.reason}` : "";
  const got = (name: string): Published | undefined => {
    const f = figures[name]!;
    return typeof f.value === "number" ? (f as Published) : undefined;
  };
  const said = (f: Published, label: string, shown: string): string => `${f.publication}, ${council.name}: ${label} ${shown}`;
  const pct = (share: number): string => `${Number((share * 100).toPrecision(6))}%`;

  // the model's children open to social care are the cases held by case-holding social workers
  const cases = got("cases");
  if (cases) part.children = { value: cases.value, source: said(cases, "cases", String(cases.value)) };
  else lack(problems, "children (cases)", missingWhy(figures.cases!));

  // the caseload as it is: children per case-holding FTE, as the DfE counts it; a council baseline sizes its case-holders by it
  const caseload = got("caseload");
  if (caseload) part.caseload = { value: caseload.value, source: said(caseload, "caseload (cases per case-holding FTE)", String(caseload.value)) };
  else lack(problems, "caseload", missingWhy(figures.caseload!));

  const vacancy = got("vacancyRate");
  // a council with every post vacant (Isles of Scilly, 2025: no social worker in post) cannot be modelled
  if (vacancy && vacancy.value >= 1) lack(problems, "vacancyRate", `${vacancy.publication}: ${pct(vacancy.value)} of posts vacant, and the model needs some in post`, "cannot be used");
  else if (vacancy) part.vacancyRate = { value: vacancy.value, source: said(vacancy, "vacancy rate", pct(vacancy.value)) };
  else lack(problems, "vacancyRate", missingWhy(figures.vacancyRate!));

  // share of vacancies covered by agency workers = agency workers covering vacancies ÷ vacancies (FTE)
  const cover = got("agencyCoverFte");
  const vacancies = got("vacancyFte");
  if (cover && vacancies && cover.value > vacancies.value) {
    lack(problems, "agencyCoverShare", `${cover.publication}: more agency workers covering vacancies (${cover.value} FTE) than vacancies (${vacancies.value} FTE)`, "cannot be used");
  } else if (cover && vacancies) {
    const share = vacancies.value === 0 ? 0 : cover.value / vacancies.value;
    part.agencyCoverShare = {
      value: share,
      source: `derived: ${said(cover, "agency workers covering vacancies", `${cover.value} FTE`)} ÷ vacancies ${vacancies.value} FTE = ${pct(share)}${vacancies.value === 0 ? " (no vacancies, so none to cover)" : ""}`,
    };
  } else lack(problems, "agencyCoverShare", missingWhy(cover ? figures.vacancyFte! : figures.agencyCoverFte!));

  // not published per council: kept from the average English council, openly
  for (const name of ["childrenPerFamily", "agencyPremium"] as const) {
    const a = clone(average[name]!);
    part[name] = {
      ...a,
      source: `assumption: not published per council, so the average English council's figure is kept (${a.source})`,
    };
  }

  const optional: [string, string, string, (v: number) => string][] = [
    ["turnoverRate", "turnoverRate", "turnover rate", pct],
    ["startersPerYear", "starters", "starters", (v) => `${v} FTE`],
    ["referralsPerYear", "referrals", "referrals", String],
    ["childrenLookedAfter", "childrenLookedAfter", "children looked after at 31 March", String],
    ["lookedAfterSpend", "lookedAfterSpend", "children looked after, total expenditure, £", (v) => v.toLocaleString("en-GB")],
  ];
  for (const [key, figure, label, show] of optional) {
    const f = got(figure);
    if (f) {
      part[key] = { value: f.value, source: said(f, label, show(f.value)) };
      // The workforce flows' rates carry the doubt of the council's own record: next year's turnover
      // and starters are as uncertain as the spread of the years published.
      if (key === "turnoverRate" || key === "startersPerYear") {
        const spread = ownRange(council, figure, f.value, label, show);
        if (spread) (part[key] as SourcedValue).distribution = spread;
      }
    } else lack(omitted, key, missingWhy(figures[figure]!));
  }

  const lookedAfter = got("childrenLookedAfter");
  const inNeed = got("childrenInNeed");
  if (lookedAfter && inNeed && inNeed.value > 0) {
    const share = lookedAfter.value / inNeed.value;
    part.lookedAfterShare = {
      value: share,
      source: `derived: ${said(lookedAfter, "children looked after at 31 March", String(lookedAfter.value))} ÷ ${inNeed.publication}: children in need at 31 March ${inNeed.value} = ${pct(share)}`,
    };
  } else lack(omitted, "lookedAfterShare", "children looked after or children in need at 31 March not published");
  // childProtectionShare: the files hold no child protection plan counts, so it is left out
  return { council: part, problems, omitted };
}

/**
 * A triangular spread from the lowest to the highest value the council published for the figure over
 * every year the statistics hold, with the year used as its mode; none when the years do not differ or
 * the year used is not inside them.
 */
function ownRange(council: CouncilRecord, figure: string, value: number, label: string, show: (v: number) => string): unknown {
  const seen: { year: number; value: number }[] = [];
  for (const year of councilYears(council)) {
    const f = councilFigures(council, year)[figure];
    if (f && typeof f.value === "number") seen.push({ year, value: f.value });
  }
  if (seen.length < 2) return undefined;
  const low = seen.reduce((a, b) => (b.value < a.value ? b : a));
  const high = seen.reduce((a, b) => (b.value > a.value ? b : a));
  if (!(low.value < high.value) || value < low.value || value > high.value) return undefined;
  const first = seen[0]!.year;
  const last = seen[seen.length - 1]!.year;
  return {
    type: "triangular",
    min: low.value,
    mode: value,
    max: high.value,
    source: `DfE children's social work workforce statistics, ${council.name}: ${label} from ${show(low.value)} (${low.year}) to ${show(high.value)} (${high.year}) over the years published, ${first} to ${last}`,
  };
}
