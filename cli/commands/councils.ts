import { councilFigures, councilNeighbours, councilYears, findCouncil, listCouncils, normaliseCouncilName, type CouncilFigure } from "../../engine/councils/index.js";
import { UsageError } from "../args.js";
import { COMMON_OPTIONS, type Command } from "../command.js";
import { table } from "../format.js";

/** `socialcare councils [search]` and `socialcare council <name>`: the published statistics of every English council. */

/** A figure as shown: its number, or the symbol published in its place (a missing figure is never shown as 0). */
function shown(f: CouncilFigure | undefined, percent = false): string {
  if (!f) return "";
  // "[none]": the publication has no row for that year (the workforce series starts in 2017)
  if (typeof f.value !== "number") return "missing" in f && f.missing !== "[none]" ? f.missing : "";
  return percent ? `${Number((f.value * 100).toFixed(1))}%` : String(f.value);
}
const cell = (f: CouncilFigure | undefined): number | string | null => (f ? (typeof f.value === "number" ? f.value : "missing" in f ? f.missing : null) : null);

const KEY = ["cases", "caseHoldingFte", "caseload", "vacancyRate", "agencyRate", "turnoverRate"] as const;
const PERCENT = new Set(["vacancyRate", "agencyRate", "turnoverRate"]);
const HEADINGS = ["Cases", "Case-holding FTE", "Caseload", "Vacancy", "Agency", "Turnover"];

export const councils: Command = {
  name: "councils",
  summary: "list the English councils in the published statistics, with their key figures in their latest year",
  usage: "socialcare councils [search]",
  example: "socialcare councils york --csv",
  options: [...COMMON_OPTIONS],
  run(args) {
    const search = args.positionals.join(" ");
    const key = normaliseCouncilName(search);
    const list = listCouncils().filter((c) => key === "" || normaliseCouncilName(c.name).includes(key) || c.ons === search.toUpperCase() || c.dfe === search);
    const rows = list.map((c) => ({ council: c, figures: councilFigures(c) }));
    const text = [
      table(
        ["Council", "ONS code", "DfE", "Region", "Year", ...HEADINGS],
        rows.map(({ council: c, figures: f }) => [c.name, c.ons, c.dfe, c.region, String(c.latestYear), ...KEY.map((k) => shown(f[k], PERCENT.has(k)))]),
        ["left", "left", "left", "left"],
      ),
      "",
      `${list.length} council${list.length === 1 ? "" : "s"}. Source: DfE, Children's social work workforce (see docs/data.md); a symbol (c, x, low…) is a figure the publication did not give.`,
    ].join("\n");
    return {
      text,
      json: rows.map(({ council: c, figures }) => ({ name: c.name, ons: c.ons, dfe: c.dfe, region: c.region, year: c.latestYear, figures })),
      csv: [
        ["council", "ons", "dfe", "region", "year", ...KEY],
        ...rows.map(({ council: c, figures: f }) => [c.name, c.ons, c.dfe, c.region, c.latestYear, ...KEY.map((k) => cell(f[k]))]),
      ],
    };
  },
};

const OVER_YEARS = ["fteInPost", "cases", "caseload", "vacancyRate", "agencyRate", "turnoverRate", "referrals", "childrenInNeed", "childrenLookedAfter"] as const;
const OVER_YEARS_HEADINGS = ["FTE in post", "Cases", "Caseload", "Vacancy", "Agency", "Turnover", "Referrals", "In need", "Looked after"];

export const council: Command = {
  name: "council",
  summary: "one council's published figures over the years, each with its publication",
  usage: "socialcare council <name|ONS code|DfE number>",
  example: "socialcare council leeds --json",
  options: [...COMMON_OPTIONS],
  run(args) {
    const name = args.positionals.join(" ");
    if (name === "") throw new UsageError("missing <name>");
    const c = findCouncil(name);
    const years = councilYears(c).map((year) => ({ year, figures: councilFigures(c, year) }));
    const neighbours = councilNeighbours(c);
    const text = [
      `${c.name} (ONS ${c.ons}${c.formerOns.length ? `, formerly ${c.formerOns.join(", ")}` : ""}; DfE ${c.dfe}; ${c.region})`,
      "",
      table(
        ["Year", ...OVER_YEARS_HEADINGS],
        years.map(({ year, figures: f }) => [String(year), ...OVER_YEARS.map((k) => shown(f[k], PERCENT.has(k)))]),
      ),
      "",
      `Beside its statistical neighbours (DfE, 2025), closest first, in ${c.latestYear}:`,
      table(
        ["Council", "Closeness", ...HEADINGS],
        [{ council: c, closeness: "(this council)" }, ...neighbours].map(({ council: n, closeness }) => {
          const f = councilFigures(n, c.latestYear);
          return [n.name, closeness, ...KEY.map((k) => shown(f[k], PERCENT.has(k)))];
        }),
        ["left", "left"],
      ),
      "",
      "Sources: DfE, Children's social work workforce; Children in need; Children looked after in England (see docs/data.md). A symbol (c, x, low…) is a figure the publication did not give.",
    ].join("\n");
    return {
      text,
      json: { name: c.name, ons: c.ons, formerOns: c.formerOns, dfe: c.dfe, region: c.region, years, neighbours: neighbours.map((n) => ({ name: n.council.name, dfe: n.council.dfe, closeness: n.closeness })) },
      csv: [
        ["year", "figure", "value", "missing", "publication"],
        ...years.flatMap(({ year, figures }) =>
          Object.values(figures).map((f) => [year, f.figure, typeof f.value === "number" ? f.value : null, "missing" in f ? f.missing : null, f.publication]),
        ),
      ],
    };
  },
};
