// The one reader of the published council statistics in data/: turns the DfE and MHCLG CSV files into the
// council table the engine imports (it has no file system), in two parts. engine/generated/councils.ts is
// the index (each council's names, codes, region, latest year and statistical neighbours; England and its
// regions with their figures); engine/generated/councilFigures.ts is every council's figures by year, with
// the same table as councilFigures.json, from which the add-in's build writes one small file per council
// for the pane and the custom functions to fetch when a council is first asked for (addin/onDemand).
// Only the figures the model uses are kept. A suppressed or missing value is kept as its symbol ("c", "x",
// "[x]"…), never as 0, so the engine can say which figure is missing and why.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The files the reader needs, each found in the data folder by its name's pattern (a new year's file
 * keeps its kind's prefix), with the columns the reader takes from it. scripts/update-data.mjs checks a
 * new file against the same list before copying it in.
 */
export const FILE_KINDS = [
  { kind: "workforce", pattern: /^csww_indicators_.*\.csv$/, columns: ["time_period", "geographic_level", "old_la_code", "new_la_code", "la_name", "region_name", "inpost_fte", "starters_fte", "leavers_fte", "turnover_rate_fte", "agency_fte", "agency_rate_fte", "agency_cover_fte", "vacancy_fte", "vacancy_rate_fte", "case_holders_fte", "cases", "caseload_fte", "working_days_lost_fte", "absence_rate_fte"] },
  { kind: "childrenInNeed", pattern: /^b1_children_in_need_.*\.csv$/, columns: ["time_period", "geographic_level", "old_la_code", "new_la_code", "la_name", "At31_episodes"] },
  { kind: "referrals", pattern: /^c1_children_in_need_referrals.*\.csv$/, columns: ["time_period", "geographic_level", "old_la_code", "new_la_code", "la_name", "referral_count", "rereferral_percent"] },
  { kind: "lookedAfter", pattern: /^cla_number_and_rate.*\.csv$/, columns: ["time_period", "geographic_level", "old_la_code", "new_la_code", "la_name", "population_type", "children_count"] },
  { kind: "socialWorkerChanges", pattern: /^la_cla_swcount.*\.csv$/, columns: ["time_period", "geographic_level", "old_la_code", "new_la_code", "la_name", "cla_group", "sw_stability", "number", "percentage"] },
  { kind: "neighbours", pattern: /^sn_model_.*\.csv$/, columns: ["old_la_code", "SN_1", "SN_1P"] },
  { kind: "ro3", pattern: /^ro3_\d{4}_\d{2}_.*\.csv$/, columns: ["ONS Code"] },
];

/** The one file of each kind in a folder: name by kind (a kind with none, or with two, is an error). */
export function filesIn(dir) {
  const names = readdirSync(dir);
  const out = {};
  for (const k of FILE_KINDS) {
    const found = names.filter((n) => k.pattern.test(n));
    if (found.length !== 1) throw new Error(`${dir}: needs exactly one ${k.kind} file (${k.pattern}), found ${found.length}${found.length ? `: ${found.join(", ")}` : ""}`);
    out[k.kind] = found[0];
  }
  return out;
}

/** Splits CSV text into rows of fields; handles quoted fields and a byte-order mark. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field); field = "";
      if (row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? "").trim()])));
}

/** A published cell: a number, or the symbol that stands in for a missing one (kept, never 0). */
export function readCell(text, scale = 1) {
  const t = text.replace(/,/g, "").trim();
  if (t !== "" && /^-?\d+(\.\d+)?$/.test(t)) return Number(t) * scale;
  return t === "" ? "[blank]" : t;
}

/**
 * Reads the files of `dataDir` into the council table and writes it to `outFile` (engine/generated/councils.ts
 * for the build), with the councils' figures beside it (councilFigures.ts and councilFigures.json). Returns
 * the councils and areas read, for scripts/update-data.mjs to report what changed.
 */
export function buildCouncils(dataDir, outFile) {
  const files = filesIn(dataDir);
  // RO3 is one financial year a file (ro3_2024_25_…): filed against the reporting year it ends in (2025)
  const [, ro3From, ro3To] = /^ro3_(\d{4})_(\d{2})_/.exec(files.ro3);
  const ro3Year = Number(ro3From.slice(0, 2) + ro3To);
  const ro3Label = `${ro3From}-${ro3To}`;
  const PUBLICATIONS = {
    workforce: "DfE, Children's social work workforce",
    childrenInNeed: "DfE, Children in need",
    lookedAfter: "DfE, Children looked after in England including adoptions",
    ro3: `MHCLG, Local authority revenue expenditure and financing: ${ro3Label} outturn, RO3`,
    socialWorkerChanges: "DfE, Children looked after in England including adoptions: looked-after children by number of social workers in the year",
  };

  // figure name in the model ← column of the file, and which publication it comes from
  const WORKFORCE = {
    fteInPost: "inpost_fte", starters: "starters_fte", leavers: "leavers_fte", turnoverRate: "turnover_rate_fte",
    agencyFte: "agency_fte", agencyRate: "agency_rate_fte", agencyCoverFte: "agency_cover_fte",
    vacancyFte: "vacancy_fte", vacancyRate: "vacancy_rate_fte", caseHoldingFte: "case_holders_fte", cases: "cases",
    caseload: "caseload_fte", sicknessDaysLost: "working_days_lost_fte", absenceRate: "absence_rate_fte",
  };
  const PERCENT = new Set(["turnoverRate", "agencyRate", "vacancyRate", "absenceRate"]);
  const FIGURE_PUBLICATION = {
    ...Object.fromEntries(Object.keys(WORKFORCE).map((k) => [k, "workforce"])),
    referrals: "childrenInNeed", rereferralRate: "childrenInNeed", childrenInNeed: "childrenInNeed", childrenLookedAfter: "lookedAfter",
    lookedAfterThreeOrMoreSocialWorkers: "socialWorkerChanges", lookedAfterThreeOrMoreSocialWorkersShare: "socialWorkerChanges",
    safeguardingEmployees: "ro3", safeguardingSpend: "ro3", lookedAfterSpend: "ro3", agencyStaffSpend: "ro3",
  };

  const councils = new Map(); // key: DfE number as published ("383", or "940 / 941" for the joint row)
  function councilFor(row, year, ons) {
    const key = row.old_la_code;
    let c = councils.get(key);
    if (!c) {
      c = { dfe: key, ons, formerOns: [], name: row.la_name, region: row.region_name, years: {} };
      councils.set(key, c);
    }
    // the latest year names the council (North Yorkshire kept its DfE number but took a new ONS code in 2023)
    if (!c.latest || year >= c.latest) {
      if (c.ons !== ons && !c.formerOns.includes(c.ons)) c.formerOns.push(c.ons);
      c.ons = ons; c.name = row.la_name; c.region = row.region_name; c.latest = year;
    } else if (ons !== c.ons && !c.formerOns.includes(ons)) c.formerOns.push(ons);
    return (c.years[year] ??= {});
  }

  /** England and its regions, with the same figures as a council: the rows a council is set beside. */
  const areas = new Map(); // key: "England" or the region's name
  function areaFor(row, year) {
    const name = row.geographic_level === "National" ? "England" : row.region_name;
    let a = areas.get(name);
    if (!a) {
      a = { name, level: row.geographic_level === "National" ? "national" : "regional", code: row.geographic_level === "National" ? row.country_code : row.region_code, years: {} };
      areas.set(name, a);
    }
    return (a.years[year] ??= {});
  }

  function allRows(file) {
    return parseCsv(readFileSync(join(dataDir, file), "utf8"));
  }
  /** The row's own figures go to its council, or to England or its region. */
  function rowsOf(file) {
    return allRows(file)
      .filter((r) => ["Local authority", "National", "Regional"].includes(r.geographic_level))
      .map((r) => ({ r, into: (year) => (r.geographic_level === "Local authority" ? councilFor(r, year, r.new_la_code) : areaFor(r, year)) }));
  }

  for (const { r, into } of rowsOf(files.workforce)) {
    const y = into(Number(r.time_period));
    for (const [figure, column] of Object.entries(WORKFORCE)) {
      const v = readCell(r[column]);
      y[figure] = typeof v === "number" && PERCENT.has(figure) ? Number((v / 100).toPrecision(12)) : v;
    }
  }
  const share = (cell) => (typeof cell === "number" ? Number((cell / 100).toPrecision(12)) : cell);
  for (const { r, into } of rowsOf(files.childrenInNeed)) {
    into(Number(r.time_period)).childrenInNeed = readCell(r.At31_episodes);
  }
  for (const { r, into } of rowsOf(files.referrals)) {
    const y = into(Number(r.time_period));
    y.referrals = readCell(r.referral_count);
    y.rereferralRate = share(readCell(r.rereferral_percent));
  }
  for (const { r, into } of rowsOf(files.lookedAfter)) {
    if (r.population_type !== "Children looked after on 31 March each year") continue;
    into(Number(r.time_period)).childrenLookedAfter = readCell(r.children_count);
  }
  for (const { r, into } of rowsOf(files.socialWorkerChanges)) {
    if (r.cla_group !== "CLA on 31 March" || r.sw_stability !== "3 or more social workers during the year") continue;
    const y = into(Number(r.time_period));
    y.lookedAfterThreeOrMoreSocialWorkers = readCell(r.number);
    y.lookedAfterThreeOrMoreSocialWorkersShare = share(readCell(r.percentage));
  }

  // RO3 2024-25: matched by ONS code; £ thousand → £. The financial year 2024-25 sits with reporting year 2025.
  const RO3 = {
    safeguardingEmployees: "Children's social care: Safeguarding children and young people’s services - Employees (C1)",
    safeguardingSpend: "Children's social care: Safeguarding children and young people’s services - Total Expenditure (C3 = C1 + C2)",
    lookedAfterSpend: "Children's social care - Children Looked After - Total Expenditure (C3 = C1 + C2)",
    agencyStaffSpend: "TOTAL CHILDREN SOCIAL CARE - Children's Social Care - agency staff cost memorandum item",
  };
  const byOns = new Map();
  for (const c of councils.values()) for (const code of [c.ons, ...c.formerOns]) for (const one of code.split(" / ")) byOns.set(one, c);
  const ro3Rows = parseCsv(readFileSync(join(dataDir, files.ro3), "utf8"));
  for (const r of ro3Rows) {
    const c = byOns.get(r["ONS Code"]);
    if (!c || c.dfe.includes("/")) continue; // the Northamptonshire pair's joint row has no RO3 line of its own
    const y = (c.years[ro3Year] ??= {});
    for (const [figure, column] of Object.entries(RO3)) {
      if (!(column in r)) throw new Error(`ro3 file: column not found: ${column}`);
      y[figure] = readCell(r[column], 1000);
    }
  }

  // DfE statistical neighbours (2025): each council's ten, closest first, by DfE number
  const neighbours = new Map();
  for (const r of allRows(files.neighbours)) {
    const list = [];
    for (let i = 1; i <= 10; i++) if (r[`SN_${i}`]) list.push({ dfe: r[`SN_${i}`], closeness: (r[`SN_${i}P`] ?? "").trim() });
    neighbours.set(r.old_la_code, list);
  }

  const list = [...councils.values()]
    // a council's latest year is the latest with a published number: Cumbria and Northamptonshire still have
    // rows of suppressed symbols after they split
    .map(({ latest, ...c }) => ({
      ...c,
      neighbours: neighbours.get(c.dfe) ?? [],
      latestYear: Math.max(...Object.entries(c.years).filter(([, f]) => Object.values(f).some((v) => typeof v === "number")).map(([y]) => Number(y))),
      // the years the council has a row of the workforce collection (its cases figure, even if suppressed)
      workforceYears: Object.entries(c.years).filter(([, f]) => "cases" in f).map(([y]) => Number(y)).sort((a, b) => a - b),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.latestYear - b.latestYear);
  const figures = Object.fromEntries(list.map((c) => [c.dfe, c.years]));
  const index = list.map(({ years, ...c }) => c);
  const out = `// Generated by scripts/build-councils.mjs from data/*.csv. Do not edit; rebuild with npm run build:lib.
/** A published figure: a number, or the symbol published in its place (missing, never 0). */
export type PublishedCell = number | string;
/** A council's or area's published figures: by reporting year, each figure by its name. */
export type PublishedYears = Record<string, Record<string, PublishedCell>>;
export interface GeneratedCouncil {
  dfe: string; ons: string; formerOns: string[]; name: string; region: string; latestYear: number;
  /** The DfE's statistical neighbours (2025), closest first: DfE number and how close ("Close", "Somewhat close"…). */
  neighbours: { dfe: string; closeness: string }[];
  /** The years the council has a row of the workforce collection (its cases figure, published or suppressed), oldest first. */
  workforceYears: number[];
}
/** England (national) or a region, with the same figures as a council, for setting a council beside. */
export interface GeneratedArea {
  name: string; level: "national" | "regional"; code: string;
  years: PublishedYears;
}
export const PUBLICATIONS: Record<string, string> = ${JSON.stringify(PUBLICATIONS)};
export const FIGURE_PUBLICATION: Record<string, string> = ${JSON.stringify(FIGURE_PUBLICATION)};
export const COUNCILS: GeneratedCouncil[] = ${JSON.stringify(index)};
export const AREAS: GeneratedArea[] = ${JSON.stringify([...areas.values()].sort((a, b) => (a.level === b.level ? a.name.localeCompare(b.name) : a.level === "national" ? -1 : 1)))};
`;
  const figuresModule = `// Generated by scripts/build-councils.mjs from data/*.csv. Do not edit; rebuild with npm run build:lib.
import type { PublishedYears } from "./councils.js";
/**
 * Every council's published figures by year, by DfE number (the same table as councilFigures.json),
 * written as JSON text and read the first time a council's figures are asked for: most runs name no
 * published council, and building about 20,000 objects from a literal when the module loads was a
 * twentieth of the CLI's start.
 */
const TABLE = ${JSON.stringify(JSON.stringify(figures))};
let table: Record<string, PublishedYears> | undefined;
export function councilFiguresTable(): Record<string, PublishedYears> {
  return (table ??= JSON.parse(TABLE) as Record<string, PublishedYears>);
}
`;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, out);
  writeFileSync(join(dirname(outFile), "councilFigures.ts"), figuresModule);
  writeFileSync(join(dirname(outFile), "councilFigures.json"), `${JSON.stringify(figures)}\n`);
  return { councils: list, areas: [...areas.values()] };
}

// Run as a script (the build): the repository's data/ into engine/generated/councils.ts.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildCouncils(join(root, "data"), join(root, "engine", "generated", "councils.ts"));
}
