import { councilFigures, councilScenarioPart, findCouncil, listCouncils, loadScenario, suppressionReason } from "../../engine/index.js";
import { UnknownNameError } from "../../engine/errors.js";
import { readCsv } from "./readCsv.js";

const workforce = readCsv("csww_indicators_2017_to_2025.csv");
const local = workforce.filter((r) => r.geographic_level === "Local authority");
const row = (rows: Record<string, string>[], name: string, year: string) =>
  rows.find((r) => r.geographic_level === "Local authority" && r.la_name === name && r.time_period === year)!;

describe("one worked council: Leeds, 2025, against its own rows of the files", () => {
  const w = row(workforce, "Leeds", "2025");
  const f = councilFigures("leeds", 2025);
  test("workforce figures are the file's cells; rates are the published percentages ÷ 100", () => {
    expect(f.fteInPost!.value).toBe(Number(w.inpost_fte));
    expect(f.caseHoldingFte!.value).toBe(Number(w.case_holders_fte));
    expect(f.cases!.value).toBe(Number(w.cases));
    expect(f.caseload!.value).toBe(Number(w.caseload_fte));
    expect(f.starters!.value).toBe(Number(w.starters_fte));
    expect(f.leavers!.value).toBe(Number(w.leavers_fte));
    expect(f.vacancyRate!.value).toBeCloseTo(Number(w.vacancy_rate_fte) / 100, 12);
    expect(f.turnoverRate!.value).toBeCloseTo(Number(w.turnover_rate_fte) / 100, 12);
    expect(f.agencyRate!.value).toBeCloseTo(Number(w.agency_rate_fte) / 100, 12);
    expect(f.absenceRate!.value).toBeCloseTo(Number(w.absence_rate_fte) / 100, 12);
    expect(f.caseload!.publication).toBe("DfE, Children's social work workforce 2025");
  });
  test("children in need, referrals, looked after and RO3 spend (£ thousand × 1,000)", () => {
    expect(f.childrenInNeed!.value).toBe(Number(row(readCsv("b1_children_in_need_2013_to_2025.csv"), "Leeds", "2025").At31_episodes));
    expect(f.referrals!.value).toBe(Number(row(readCsv("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"), "Leeds", "2025").referral_count));
    const cla = readCsv("cla_number_and_rate_per_10k_children.csv").find(
      (r) => r.la_name === "Leeds" && r.time_period === "2025" && r.population_type === "Children looked after on 31 March each year",
    )!;
    expect(f.childrenLookedAfter!.value).toBe(Number(cla.children_count));
    const ro3 = readCsv("ro3_2024_25_childrens_social_care.csv").find((r) => r["ONS Code"] === "E08000035")!;
    const col = (start: string) => ro3[Object.keys(ro3).find((k) => k.startsWith(start))!]!;
    expect(f.lookedAfterSpend!.value).toBe(Number(col("Children's social care - Children Looked After - Total Expenditure")) * 1000);
    expect(f.safeguardingSpend!.value).toBe(Number(col("Children's social care: Safeguarding children and young people’s services - Total Expenditure")) * 1000);
    expect(f.agencyStaffSpend!.value).toBe(Number(col("TOTAL CHILDREN SOCIAL CARE - Children's Social Care - agency staff cost memorandum item")) * 1000);
  });
  test("the scenario part: children = cases, agency cover share = cover FTE ÷ vacancy FTE, each with its source; it runs", () => {
    const { council, problems } = councilScenarioPart("Leeds", 2025);
    expect(problems).toEqual([]);
    expect(council.children).toEqual({ value: Number(w.cases), source: `DfE, Children's social work workforce 2025, Leeds: cases ${w.cases}` });
    expect((council.agencyCoverShare as { value: number }).value).toBeCloseTo(Number(w.agency_cover_fte) / Number(w.vacancy_fte), 12);
    expect((council.vacancyRate as { source: string }).source).toContain("Leeds: vacancy rate");
    expect((council.agencyPremium as { source: string }).source).toMatch(/^assumption:/);
    const scenario = loadScenario({ extends: "blueprint", council: council });
    expect(scenario.council.children).toBe(Number(w.cases));
    expect(scenario.council.vacancyRate).toBeCloseTo(Number(w.vacancy_rate_fte) / 100, 12);
  });
  test("the latest year is the default", () => {
    expect(councilFigures("Leeds").cases!.year).toBe(Math.max(...local.filter((r) => r.la_name === "Leeds").map((r) => Number(r.time_period))));
  });
});

describe("finding a council", () => {
  test("by name in any case, ONS code or DfE number", () => {
    expect(findCouncil("LEEDS").dfe).toBe("383");
    expect(findCouncil("E08000035").name).toBe("Leeds");
    expect(findCouncil(383).name).toBe("Leeds");
  });
  test("forgiving: City of, &/and, St./Saint", () => {
    const names = listCouncils().map((c) => c.name);
    const helens = names.find((n) => /^St\.? Helens$/.test(n))!;
    expect(findCouncil("Saint Helens").name).toBe(helens);
    expect(findCouncil("St. Helens").name).toBe(helens);
    const brighton = names.find((n) => /^Brighton and Hove/.test(n))!;
    expect(findCouncil("brighton & hove").name).toBe(brighton);
    const york = names.find((n) => /^York$|York, City of|City of York/.test(n))!;
    expect(findCouncil("City of York").name).toBe(york);
  });
  test("an unknown name lists close matches", () => {
    expect(() => findCouncil("Leds")).toThrow(UnknownNameError);
    try { findCouncil("Leds"); } catch (e) { expect((e as UnknownNameError).suggestions).toContain("Leeds"); }
  });
});

describe("suppressed symbols stay missing with their reason, never 0", () => {
  const columns: Record<string, string> = {
    inpost_fte: "fteInPost", starters_fte: "starters", leavers_fte: "leavers", turnover_rate_fte: "turnoverRate",
    agency_fte: "agencyFte", agency_rate_fte: "agencyRate", agency_cover_fte: "agencyCoverFte", vacancy_fte: "vacancyFte",
    vacancy_rate_fte: "vacancyRate", case_holders_fte: "caseHoldingFte", cases: "cases", caseload_fte: "caseload",
    working_days_lost_fte: "sicknessDaysLost", absence_rate_fte: "absenceRate",
  };
  const seen = new Set<string>();
  test("every symbol in the workforce file's kept columns", () => {
    for (const r of local) {
      for (const [column, figure] of Object.entries(columns)) {
        const cell = r[column]!;
        if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
        seen.add(cell);
        const f = councilFigures(r.old_la_code!, Number(r.time_period))[figure]!;
        expect(f.value).toBeUndefined();
        expect("missing" in f && f.missing).toBe(cell);
      }
    }
    for (const symbol of ["c", "low", "x", "z", "u"]) expect(seen).toContain(symbol);
  });
  test("RO3's [x] and [note 4] (Gateshead's looked-after line) are missing too", () => {
    const gateshead = councilFigures("Gateshead", 2025).lookedAfterSpend!;
    const ro3 = readCsv("ro3_2024_25_childrens_social_care.csv").find((r) => r["Local authority"] === "Gateshead")!;
    const cell = ro3["Children's social care - Children Looked After - Total Expenditure (C3 = C1 + C2)"]!;
    if (/^\d/.test(cell)) expect(gateshead.value).toBe(Number(cell) * 1000);
    else expect("missing" in gateshead && gateshead.missing).toBe(cell);
  });
  test("each symbol has its own reason", () => {
    expect(suppressionReason("c")).toMatch(/confidential/);
    expect(suppressionReason("low")).toMatch(/below 0.5/);
    expect(suppressionReason("x")).toMatch(/not available/);
    expect(suppressionReason("[x]")).toMatch(/not available/);
    expect(suppressionReason("z")).toMatch(/not applicable/);
    expect(suppressionReason("u")).toMatch(/low reliability/);
    expect(suppressionReason("[n]")).toMatch(/no estimate/);
    expect(suppressionReason("[note 4]")).toMatch(/note 4/);
  });
  test("a published figure the model cannot take is a problem too: every post vacant (vacancy rate 100%)", () => {
    const r = local.find((x) => x.vacancy_rate_fte === "100")!;
    const { problems } = councilScenarioPart(r.old_la_code!, Number(r.time_period));
    expect(problems.find((p) => p.figure === "vacancyRate")!.message).toBe(
      `${r.la_name}, ${r.time_period}: vacancyRate cannot be used (DfE, Children's social work workforce ${r.time_period}: 100% of posts vacant, and the model needs some in post)`,
    );
  });
  test("a needed figure suppressed is a problem naming the figure, council and year", () => {
    const r = local.find((x) => x.cases === "x" || x.cases === "c")!;
    const { problems } = councilScenarioPart(r.old_la_code!, Number(r.time_period));
    expect(problems.map((p) => p.figure)).toContain("children (cases)");
    expect(problems[0]!.message).toContain(`${r.la_name}, ${r.time_period}`);
  });
});

describe("councils that merged or split", () => {
  test("North Yorkshire: one council under its old and new ONS codes, every year", () => {
    const ny = findCouncil("E10000023");
    expect(findCouncil("E06000065")).toBe(ny);
    expect(ny.ons).toBe("E06000065");
    const years = local.filter((r) => r.la_name === "North Yorkshire").map((r) => r.time_period);
    for (const y of years) expect(councilFigures(ny, Number(y)).cases!.value).toBe(Number(row(workforce, "North Yorkshire", y!).cases));
  });
  test("Cumbria until its split; Cumberland and Westmorland and Furness after", () => {
    const last = (name: string) => Math.max(...local.filter((r) => r.la_name === name).map((r) => Number(r.time_period)));
    const first = (name: string) => Math.min(...local.filter((r) => r.la_name === name).map((r) => Number(r.time_period)));
    expect(councilFigures("Cumbria", last("Cumbria")).cases!.value).toBe(Number(row(workforce, "Cumbria", String(last("Cumbria"))).cases));
    expect(first("Cumberland")).toBe(2023);
    expect(findCouncil("942").name).toBe("Cumberland");
    expect(findCouncil("Westmorland & Furness").dfe).toBe("943");
    expect(councilFigures("Cumberland", 2022).cases!.value).toBeUndefined();
  });
  test("Northamptonshire pair: the joint workforce row is its own council; each half says its workforce is not its own", () => {
    const pair = findCouncil("North Northamptonshire / West Northamptonshire");
    const r = row(workforce, "North Northamptonshire / West Northamptonshire", "2025");
    expect(councilScenarioPart(pair, 2025).council.children).toMatchObject({ value: Number(r.cases) });
    const north = councilScenarioPart("North Northamptonshire", 2025);
    expect(north.problems.map((p) => p.figure)).toContain("children (cases)");
    expect(north.council.referralsPerYear).toBeDefined();
  });
  test("BCP and Dorset from 2019; the old Dorset and Bournemouth before", () => {
    expect(findCouncil("Dorset").dfe).toBe("838");
    expect(findCouncil("835").latestYear).toBeLessThan(2020);
    expect(findCouncil("bournemouth, christchurch & poole").ons).toBe("E06000058");
    expect(findCouncil("Bournemouth").latestYear).toBeLessThan(2020);
  });
});

test("every council of the latest year builds its council part and runs, or names the figure it lacks", () => {
  const latest = Math.max(...local.map((r) => Number(r.time_period)));
  const councils = listCouncils().filter((c) => c.latestYear === latest);
  expect(councils.length).toBeGreaterThanOrEqual(150);
  for (const c of councils) {
    const { council, problems } = councilScenarioPart(c);
    if (problems.length === 0) {
      expect(() => loadScenario({ extends: "blueprint", council })).not.toThrow();
    } else {
      for (const p of problems) expect(p.message).toMatch(new RegExp(`^${c.name}, ${latest}: ${p.figure.replace(/[()]/g, ".")} (is missing|cannot be used)`));
    }
  }
});

test("a council's workforce years in the index are the years it has a row of the workforce file", () => {
  for (const c of listCouncils()) {
    const fromFile = [...new Set(local.filter((r) => r.old_la_code === c.dfe).map((r) => Number(r.time_period)))].sort((a, b) => a - b);
    expect({ council: c.name, years: c.workforceYears }).toEqual({ council: c.name, years: fromFile });
  }
});
