import { CATEGORY_LABELS, compareOptions, compareScenarios, comparisonOnlyFigures, explain, listPresets, loadPreset, resultFigures, runScenario, teamDesign, TRANSITION_CATEGORIES } from "../../engine/index.js";
import { block, cells, parseCsv, pounds, socialcare, sumPennies } from "./socialcare.js";

/**
 * Each command of the real CLI in each output format. The JSON must be the engine's own objects; the
 * CSV the engine's figures, one per row; the tables the engine's figures laid out for people, with
 * money as £ to the penny whose shown parts add up to the shown totals.
 */

/** The engine's object as it comes back from JSON (what --json can promise). */
const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("socialcare presets", () => {
  test("lists every preset with its name, one line each", () => {
    const run = socialcare(["presets"]);
    expect(run.code).toBe(0);
    for (const p of listPresets()) {
      const line = run.stdout.split("\n").find((l) => l.startsWith(`${p.id} `));
      expect(line).toBeDefined();
      expect(line).toContain(p.name);
    }
  });

  test("--json is the engine's list of presets", () => {
    const run = socialcare(["presets", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(viaJson(listPresets()));
  });

  test("--csv has one row a preset, with its full description", () => {
    const rows = parseCsv(socialcare(["presets", "--csv"]).stdout);
    expect(rows[0]).toEqual(["preset", "name", "description", "council", "year"]);
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual(listPresets().map((p) => [p.id, p.description]));
  });
});

describe("socialcare run", () => {
  const result = runScenario(loadPreset("blueprint"));
  const run = socialcare(["run", "blueprint"]);

  test("prints caseloads, every tier, time use and the run cost", () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    for (const heading of ["Caseload", "Structure by tier", "Time use", "Run cost"]) expect(run.stdout).toMatch(new RegExp(`^${heading}`, "m"));
    for (const tier of result.structure.tiers) expect(run.stdout).toContain(tier.name);
    // the starting week beside the week after the structure's changes
    const row = run.stdout.split("\n").find((l) => l.startsWith("Direct contact with children and families"))!;
    const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
    expect(cells(row).slice(-2)).toEqual([percent(loadPreset("blueprint").timeUse.directContact), percent(result.time.directContactShare)]);
  });

  test("the tiers' shown annual costs add up to the shown run cost, which is the engine's", () => {
    const table = block(run.stdout, "Tier ");
    const tierLines = table.slice(2, -1);
    expect(tierLines).toHaveLength(result.structure.tiers.length);
    const shown = tierLines.map((l) => pounds(cells(l).at(-1)!));
    const total = pounds(cells(table.at(-1)!).at(-1)!);
    expect(sumPennies(shown)).toBe(sumPennies([total]));
    expect(sumPennies([total])).toBe(sumPennies([result.runCost.total]));
  });

  test("the run cost components add up to the total, as £ with thousands separators", () => {
    const lines = block(run.stdout, "Run cost (").slice(1);
    const amounts = lines.map((l) => pounds(cells(l).at(-1)!));
    const total = amounts.pop()!;
    expect(sumPennies(amounts)).toBe(sumPennies([total]));
    expect(lines.at(-1)).toMatch(/£\d{1,3},\d{3},\d{3}\.\d\d$/);
  });

  test("--json is the engine's Result, exactly", () => {
    const json = socialcare(["run", "blueprint", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(viaJson(result));
  });

  test("--csv is one tidy table: figure, scenario, value, unit, one row a figure, then the team-design indicators", () => {
    const rows = parseCsv(socialcare(["run", "blueprint", "--csv"]).stdout);
    expect(rows[0]).toEqual(["figure", "scenario", "value", "unit"]);
    const figures = resultFigures(result);
    const indicators = teamDesign(loadPreset("blueprint")).indicators;
    expect(rows).toHaveLength(figures.length + indicators.length + 1);
    rows.slice(1, figures.length + 1).forEach((row, i) => {
      expect(row).toEqual([figures[i]!.figure, "blueprint", String(figures[i]!.value), figures[i]!.unit]);
    });
    rows.slice(figures.length + 1).forEach((row, i) => {
      expect(row).toEqual([`teamDesign.${indicators[i]!.indicator}`, "blueprint", indicators[i]!.value === null ? "" : String(indicators[i]!.value), indicators[i]!.unit]);
    });
  });
});

describe("socialcare compare", () => {
  const comparison = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
  const run = socialcare(["compare", "baseline-2018", "blueprint"]);

  test("prints both sides with their changes, the transition by year and category, and the appraisal", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(comparison.option.scenario.name);
    const contact = run.stdout.split("\n").find((l) => l.startsWith("Direct contact share of the week"))!;
    // each side's share, the change in points and the change as a share of the baseline's
    const [b, o] = [comparison.baseline.time.directContactShare, comparison.option.time.directContactShare];
    const signed = (x: number, d: number) => `${x >= 0 ? "+" : "-"}${Math.abs(x).toFixed(d)}`;
    expect(cells(contact)).toEqual(["Direct contact share of the week", `${(b * 100).toFixed(1)}%`, `${(o * 100).toFixed(1)}%`, `${signed((o - b) * 100, 1)} pts`, `${signed((o / b - 1) * 100, 1)}%`]);
    expect(run.stdout).toMatch(/Net present value/);
    // the three-way verdict in words, whichever way the figures fall
    const words = { saves: "saves more than the tolerance", neutral: "cost neutral, within the tolerance", costs: "costs more than the tolerance" };
    expect(run.stdout).toContain(`: ${words[comparison.verdict]} (tolerance ±`);
  });

  test("the transition table reconciles as shown: categories across years, years down categories", () => {
    const table = block(run.stdout, "Transition spend");
    expect(cells(table[0]!)).toEqual(["Transition spend", ...comparison.transition.years, "Total"]);
    const body = table.slice(2, 2 + TRANSITION_CATEGORIES.length + 1);
    const grid = body.map((l) => cells(l).slice(1).map(pounds));
    expect(body.map((l) => cells(l)[0])).toEqual([...TRANSITION_CATEGORIES.map((c) => CATEGORY_LABELS[c]), "Total"]);
    for (const row of grid) expect(sumPennies(row.slice(0, -1))).toBe(sumPennies([row.at(-1)!]));
    const totals = grid.at(-1)!;
    totals.forEach((total, j) => expect(sumPennies(grid.slice(0, -1).map((r) => r[j]!))).toBe(sumPennies([total])));
    expect(sumPennies([totals.at(-1)!])).toBe(sumPennies([comparison.transition.total]));
  });

  test("the present values shown add up to the NPV shown, which is the engine's", () => {
    const whole = block(run.stdout, "Year ");
    const table = whole.slice(0, whole.findIndex((l) => l.startsWith("Net present value")) + 1);
    const years = table.slice(2, -1);
    expect(years).toHaveLength(comparison.appraisal.horizonYears);
    const npv = pounds(cells(table.at(-1)!).at(-1)!);
    expect(sumPennies(years.map((l) => pounds(cells(l).at(-1)!)))).toBe(sumPennies([npv]));
    expect(sumPennies([npv])).toBe(sumPennies([comparison.appraisal.npv]));
  });

  test("--json is the engine's comparisons (one per option), exactly", () => {
    const json = socialcare(["compare", "baseline-2018", "blueprint", "--json"]);
    expect(JSON.parse(json.stdout)).toEqual(viaJson([comparison]));
  });

  test("--csv: the baseline's figures, the option's, then the comparison's own", () => {
    const rows = parseCsv(socialcare(["compare", "baseline-2018", "blueprint", "--csv"]).stdout);
    expect(rows[0]).toEqual(["figure", "scenario", "value", "unit"]);
    const scenarios = new Set(rows.slice(1).map((r) => r[1]));
    expect([...scenarios]).toEqual(["baseline-2018", "blueprint", "blueprint vs baseline-2018"]);
    const own = comparisonOnlyFigures(comparison);
    const ownRows = rows.filter((r) => r[1] === "blueprint vs baseline-2018");
    expect(ownRows.map((r) => r[0])).toEqual(own.map((f) => f.figure));
    const npv = ownRows.find((r) => r[0] === "appraisal.npv")!;
    expect(Number(npv[2])).toBe(comparison.appraisal.npv);
    const runCost = rows.find((r) => r[0] === "runCost.total" && r[1] === "baseline-2018")!;
    expect(Number(runCost[2])).toBe(comparison.baseline.runCost.total);
  });

  test("several options: side by side first, then each against the baseline", () => {
    const many = socialcare(["compare", "england-2025", "cluster", "reclaim"]);
    expect(many.code).toBe(0);
    const comparisons = compareOptions(loadPreset("england-2025"), [loadPreset("cluster"), loadPreset("reclaim")]);
    const header = many.stdout.split("\n").find((l) => l.startsWith("Figure "))!;
    expect(cells(header)).toEqual(["Figure", "england-2025", "cluster", "reclaim"]);
    const runCost = cells(many.stdout.split("\n").find((l) => l.startsWith("Run cost "))!);
    expect(runCost.slice(1).map((c) => sumPennies([pounds(c)]))).toEqual([comparisons[0]!.baseline, ...comparisons.map((c) => c.option)].map((r) => sumPennies([r.runCost.total])));
    for (const c of comparisons) expect(many.stdout).toContain(`${c.option.scenario.name}\n  against ${c.baseline.scenario.name}`);
    expect(JSON.parse(socialcare(["compare", "england-2025", "cluster", "reclaim", "--json"]).stdout)).toEqual(viaJson(comparisons));
  });
});

describe("socialcare explain", () => {
  test("a figure of a result: its rule, its formula and its inputs with their sources", () => {
    const scenario = loadPreset("blueprint");
    const expected = explain(scenario, "caseload.childrenPerCaseHolder");
    const run = socialcare(["explain", "blueprint", "caseload.childrenPerCaseHolder"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Formula  " + expected.formula);
    const children = expected.inputs.find((i) => i.name === "council.children")!;
    expect(run.stdout).toContain("(council.children) = 2,154 children");
    // The source is wrapped over lines; its words are all there, in order.
    expect(run.stdout.replace(/\s+/g, " ")).toContain(`source: ${children.source!.replace(/\s+/g, " ")}`);
    expect(JSON.parse(socialcare(["explain", "blueprint", "caseload.childrenPerCaseHolder", "--json"]).stdout)).toEqual(viaJson(expected));
  });

  test("a figure of a comparison, with --baseline", () => {
    const expected = explain(loadPreset("blueprint"), "transition.byCategory.redundancy", { baseline: loadPreset("baseline-2018") });
    const run = socialcare(["explain", "blueprint", "transition.byCategory.redundancy", "--baseline", "baseline-2018", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(viaJson(expected));
  });

  test("against a baseline, the figure compare shows: the option on the baseline's council, year and week", () => {
    const shown = JSON.parse(socialcare(["compare", "traditional", "blueprint", "--council", "leeds", "--json"]).stdout);
    const comparison = Array.isArray(shown) ? shown[0] : (shown.comparisons?.[0] ?? shown);
    const run = socialcare(["explain", "blueprint", "transition.byCategory.agencyBridging", "--baseline", "traditional", "--council", "leeds", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).value).toBe(comparison.transition.byCategory.agencyBridging);
  });

  test("--csv: the figure, then each input with its source", () => {
    const expected = explain(loadPreset("blueprint"), "runCost.total");
    const rows = parseCsv(socialcare(["explain", "blueprint", "runCost.total", "--csv"]).stdout);
    expect(rows[0]).toEqual(["figure", "scenario", "value", "unit", "source"]);
    expect(rows[1]!.slice(0, 3)).toEqual(["runCost.total", "blueprint", String(expected.value)]);
    expect(rows.slice(2).map((r) => r[0])).toEqual(expected.inputs.map((i) => i.name));
  });

  test("a comparison's figure without --baseline is wrong usage that says what to add", () => {
    const run = socialcare(["explain", "blueprint", "appraisal.npv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--baseline");
    expect(run.stderr).toMatch(/^usage: socialcare explain/m);
  });

  test("a misspelt figure names it and lists the close matches", () => {
    const run = socialcare(["explain", "blueprint", "caseload.childrenPerCaseholder"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown figure "caseload.childrenPerCaseholder"');
    expect(run.stderr).toContain('"caseload.childrenPerCaseHolder"');
  });
});

describe("socialcare validate", () => {
  test("a preset is valid", () => {
    const run = socialcare(["validate", "blueprint"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("valid");
    expect(JSON.parse(socialcare(["validate", "blueprint", "--json"]).stdout)).toEqual(viaJson({ ok: true, scenario: loadPreset("blueprint") }));
  });
});
