import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { compareScenarios, compareTeamDesigns, healthCheck, listPresets, loadPreset, parseHealthCheckText, runScenario, sensitivity, simulate, type SimulationResult } from "../../engine/index.js";
import { paneSession, officeState, type Pane } from "./harness.js";
import { openRunsAndSeed, openTab } from "./tabs.js";

/**
 * The pane's Uncertainty, Health and Download views in headless Chromium (Debian's), against the
 * production build with the in-memory Office stub. Expected figures come from the engine run here
 * in Node; money on screen is parsed back from the page and added up here.
 */

const presetName = (id: string) => listPresets().find((p) => p.id === id)!.name;
/** What a select shows for a preset: its short name (the full name is its title). */
const shortName = (id: string) => listPresets().find((p) => p.id === id)!.shortName;
/** Whole pounds as shown: "−£1,234" → -1234. */
const parsePounds = (text: string) => {
  const m = /(−|-)?£([\d,]+)/.exec(text);
  if (!m) throw new Error(`no amount in "${text}"`);
  return (m[1] ? -1 : 1) * Number(m[2]!.replace(/,/g, ""));
};
/** Whole pounds of an amount the engine gives to the penny, half away from zero, worked here. */
const wholePounds = (v: number) => Math.sign(v) * Math.floor(Math.abs(Math.round(v * 100)) / 100 + 0.5);

const session = paneSession();
let pane: Pane;

/** The outcome the pane holds, as the worker sent it. */
async function shownSimulation(page: Pane["page"]): Promise<SimulationResult> {
  return page.evaluate(() => (globalThis as any).socialcarePane.state.uncertainty.outcome.simulation);
}

test("Monte Carlo in the worker: the same seed gives Node's simulate figures, the histogram and S-curve with P5/P50/P95, probabilities and the tornado", async () => {
  pane = await session.open();
  const { page } = pane;
  await openTab(page, "Uncertainty");
  await page.getByLabel("Scenario", { exact: true }).selectOption({ label: shortName("blueprint") });
  await page.getByLabel("Compared with (baseline)").selectOption({ label: shortName("england-2025") });
  await page.getByLabel("Figure").selectOption("appraisal.npv");
  await openRunsAndSeed(page);
    await page.getByLabel("Draws", { exact: true }).fill("20000");
  await page.getByLabel("Seed").fill("7");
  await page.getByLabel("Transition budget (£)").fill("6,000,000");
  await page.getByRole("button", { name: "Run" }).click();
  await page.locator('figure[data-chart="histogram"]').waitFor();

  // Bit for bit what the engine gives in Node with the same seed.
  const option = loadPreset("blueprint");
  const baseline = loadPreset("england-2025");
  const node = simulate(option, { baseline, figures: ["appraisal.npv"], draws: 20000, seed: 7, budget: 6_000_000 });
  const shown = await shownSimulation(page);
  expect(shown.figures).toEqual(node.figures);
  expect(shown.probabilities).toEqual(node.probabilities);
  expect(shown.inputs).toEqual(node.inputs);
  const npv = node.figures[0]!;
  // On screen: the percentiles in whole pounds, the three marks on the chart, the probabilities.
  for (const p of [5, 50, 95]) {
    const value = npv.percentiles.find((x) => x.percentile === p)!.value;
    await expect(page.locator(`tr[data-stat="p${p}"] td`).textContent().then((t) => parsePounds(t ?? ""))).resolves.toBe(wholePounds(value));
  }
  await expect(page.locator('figure[data-chart="histogram"] g.percentile-mark').evaluateAll((els) => els.map((e) => e.getAttribute("data-percentile")))).resolves.toEqual(["5", "50", "95"]);
  await expect(page.locator('figure[data-chart="histogram"] rect').count()).resolves.toBe(npv.histogram.counts.length);
  const over = node.probabilities!.transitionOverBudget!.probability;
  await page.locator('[data-probability="transitionOverBudget"]', { hasText: `${Number((over * 100).toFixed(1))}%` }).waitFor();
  await page.locator('[data-probability="npvPositive"]', { hasText: `${Number((node.probabilities!.npvPositive * 100).toFixed(1))}%` }).waitFor();
  // The tornado, widest swing first, as the engine orders it.
  const tornado = sensitivity(option, { baseline, figure: "appraisal.npv" });
  await expect(page.locator("g.tornado-bar").evaluateAll((els) => els.map((e) => e.getAttribute("data-input")))).resolves.toEqual(tornado.bars.slice(0, 10).map((b) => b.key));
  await session.harness.screenshot(pane, "uncertainty");

  await page.getByRole("button", { name: "S-curve" }).click();
  await page.locator('figure[data-chart="scurve"] polyline').waitFor();
  await expect(page.locator('figure[data-chart="scurve"] polyline').getAttribute("points").then((p) => p!.split(" ").length)).resolves.toBe(101);
  await session.harness.screenshot(pane, "uncertainty-scurve");
});

test("Monte Carlo progress and Cancel: the pane stays responsive while the worker draws, and a cancel stops it", async () => {
  pane = await session.open();
  const { page } = pane;
  await openTab(page, "Uncertainty");
  await openRunsAndSeed(page);
    await page.getByLabel("Draws", { exact: true }).fill("1000000");
  await page.getByRole("button", { name: "Run" }).click();
  const bar = page.getByRole("progressbar", { name: "Simulating" });
  await bar.waitFor();
  // Progress moves through the chunks.
  await page.waitForFunction(() => Number((globalThis as any).document.querySelector('[role=progressbar][aria-label="Simulating"]')?.getAttribute("aria-valuenow") ?? 0) >= 2);
  const first = Number(await bar.getAttribute("aria-valuenow"));
  // The page's thread is free: a timer fires at once, and another view opens and works while drawing.
  const delay = await page.evaluate(() => new Promise<number>((done) => { const t = performance.now(); setTimeout(() => done(performance.now() - t), 0); }));
  expect(delay).toBeLessThan(250);
  await expect(page.getByLabel("Seed").isDisabled()).resolves.toBe(true);
  await openTab(page, "Health");
  await page.getByLabel("Council").fill("Anytown");
  await expect(page.getByLabel("Council").inputValue()).resolves.toBe("Anytown");
  await openTab(page, "Uncertainty");
  await page.waitForFunction((before) => Number((globalThis as any).document.querySelector('[role=progressbar][aria-label="Simulating"]')?.getAttribute("aria-valuenow") ?? 0) > before, first);
  await session.harness.screenshot(pane, "uncertainty-running");
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByText("Cancelled").waitFor();
  await expect(bar.count()).resolves.toBe(0);
  await expect(page.evaluate(() => (globalThis as any).socialcarePane.state.uncertainty.outcome)).resolves.toBeNull();
  // The worker is free again: a small run completes.
  await openRunsAndSeed(page);
    await page.getByLabel("Draws", { exact: true }).fill("500");
  await page.getByRole("button", { name: "Run" }).click();
  await page.locator('figure[data-chart="histogram"]').waitFor();
  // A bad number of draws is marked beside the field and nothing runs.
  await openRunsAndSeed(page);
    await page.getByLabel("Draws", { exact: true }).fill("lots");
  await page.getByRole("button", { name: "Run" }).click();
  await page.locator('[data-field="mc-draws"] .field-error', { hasText: "must be a whole number" }).waitFor();
});

const CSV = ["metric,2023,2024,2025,green,red", "vacancyRate,18.9%,16%,14.2%,,", "averageCaseload,16.0,15.4,19.5,,", "supervisionSessions,0.8,0.9,1,1.5,0.75", "sicknessAbsence,3.2%,n/a,4.1%,,", "teamMeetings,2,2,4,,"].join("\n");

test("health check: imports a council's metrics, shows the scorecard by area with missing metrics as missing, England figures and trend, keeps edits in the workbook; team design side by side", async () => {
  pane = await session.open();
  let page = pane.page;
  await openTab(page, "Health");
  await page.getByTestId("health-import").setInputFiles({ name: "ours.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByText("Imported 3 years of metrics from ours.csv").waitFor();
  const check = healthCheck(parseHealthCheckText(CSV, "ours.csv"));
  await page.locator(".scorecard-overall [data-rating]").first().waitFor();
  await expect(page.locator(".scorecard-overall [data-rating]").getAttribute("data-rating")).resolves.toBe(check.overall);
  for (const a of check.areas) await expect(page.locator(`section.area[data-area="${a.area}"] .area-title [data-rating]`).getAttribute("data-rating")).resolves.toBe(a.rating);
  for (const m of check.metrics) {
    const line = page.locator(`li.metric[data-metric="${m.metric}"]`);
    await expect(line.locator(".metric-head [data-rating]").getAttribute("data-rating")).resolves.toBe(m.rating);
    if (m.value === null) await expect(line.locator(".metric-value").textContent()).resolves.toBe("Missing");
  }
  // Missing metrics are missing, never green: IT access was not given.
  expect(check.metrics.find((m) => m.metric === "itAccess")!.rating).toBe("missing");
  // The England figure and the trend for the vacancy rate.
  const vacancy = check.metrics.find((m) => m.metric === "vacancyRate")!;
  await page.locator('li.metric[data-metric="vacancyRate"] .metric-england', { hasText: "England 14.2%" }).waitFor();
  await page.locator('li.metric[data-metric="vacancyRate"] .metric-trend', { hasText: "2023 18.9% → 2024 16% → 2025 14.2%" }).waitFor();
  expect(vacancy.direction).toBe("improving");
  await page.locator('li.metric[data-metric="vacancyRate"] .metric-trend', { hasText: "(improving)" }).waitFor();

  // Typing a figure rates it as the engine does; a bad one is marked beside its field.
  await page.locator("details[data-group=health-entry] > summary").click();
  await page.getByLabel("Unallocated cases, 2025").fill("9%");
  const after = healthCheck(parseHealthCheckText(CSV.replace("teamMeetings,2,2,4,,", "teamMeetings,2,2,4,,\nunallocatedCases,,,9%,,"), "ours.csv"));
  const unallocated = after.metrics.find((m) => m.metric === "unallocatedCases")!;
  await page.locator(`li.metric[data-metric="unallocatedCases"] .metric-head [data-rating="${unallocated.rating}"]`).waitFor();
  await page.getByLabel("Sickness absence, 2024").fill("lots");
  await page.locator(".year-field.invalid .field-error", { hasText: "must be a number or a percentage" }).waitFor();
  await expect(page.getByLabel("Sickness absence, 2024").getAttribute("aria-invalid")).resolves.toBe("true");
  await page.getByLabel("Sickness absence, 2024").fill("");
  await expect(page.locator(".year-field.invalid").count()).resolves.toBe(0);

  // Team design of the compared scenarios (the default comparison: baseline-2018 and blueprint).
  const designs = compareTeamDesigns([loadPreset("baseline-2018"), loadPreset("blueprint")]);
  const layers = designs.rows.find((r) => r.indicator === "managementLayers")!;
  await expect(page.locator('table.team-design tr[data-indicator="managementLayers"] td').allTextContents()).resolves.toEqual([`${layers.values[0]}`, `${layers.values[1]}${layers.changes[1]! > 0 ? "+" : "−"}${Math.abs(layers.changes[1]!)}`]);
  const teamSize = designs.rows.find((r) => r.indicator === "teamSize")!;
  await page.locator('table.team-design tr[data-indicator="teamSize"] td').nth(1).filter({ hasText: teamSize.values[1]!.toFixed(1) }).waitFor();
  await session.harness.screenshot(pane, "health");

  // Saved in the document settings, and back when the workbook is reopened.
  await page.evaluate(() => (globalThis as any).socialcarePane.saveHealthNow());
  await page.locator('[data-health-save="saved"]').waitFor();
  const settings = (await officeState(page)).saved;
  expect((settings["socialcare.healthcheck"] as { years: string[] }).years).toEqual(["2023", "2024", "2025"]);
  pane = await session.open(settings);
  page = pane.page;
  await openTab(page, "Health");
  await page.locator(`li.metric[data-metric="unallocatedCases"] .metric-head [data-rating="${unallocated.rating}"]`).waitFor();
  await page.locator("details[data-group=health-entry] > summary").click();
  await expect(page.getByLabel("Unallocated cases, 2025").inputValue()).resolves.toBe("9%");
  await expect(page.getByLabel("Vacancy rate, 2023").inputValue()).resolves.toBe("0.189");
});

test("Download workbook: a real .xlsx of the comparison, built on request, with the engine's figures on its Outputs sheet", async () => {
  pane = await session.open();
  const { page } = pane;
  await openTab(page, "Write");
  // exceljs is not loaded until asked for (the worker's requests are the page's too).
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url().split("/").pop()!));
  const loaded = async () => requested;
  await page.locator("#download-title").waitFor();
  expect((await loaded()).some((f) => f.startsWith("workbook-export"))).toBe(false);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download workbook" }).click();
  const file = await download;
  // Named from the short names, each letters, digits and dashes: the options, then the baseline.
  expect(file.suggestedFilename()).toBe(`${shortName("blueprint").toLowerCase().replace(/[^a-z0-9]+/g, "-")}-against-${shortName("baseline-2018").toLowerCase().replace(/[^a-z0-9]+/g, "-")}.xlsx`);
  await page.getByText(/^Downloaded .*\.xlsx/).waitFor();
  await session.harness.screenshot(pane, "download");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await file.path())!) as never);
  // the Blueprint's transition is costed from its workforce flows, laid out on a sheet of their own
  const flowing = loadPreset("blueprint").transition?.workforce.fromFlows === true;
  expect(book.worksheets.map((w) => w.name)).toEqual(["Cover", "Inputs", "Calculations", "Rounding", "Outputs", "Checks", "Scenario files", ...(flowing ? ["Flows (option)"] : [])]);
  const outputs = book.getWorksheet("Outputs")!;
  const rowOf = (figure: string) => {
    let found: ExcelJS.Row | undefined;
    outputs.eachRow((row) => {
      if (row.getCell(1).value === figure) found = row;
    });
    if (!found) throw new Error(`${figure} is not on Outputs`);
    return found;
  };
  const result = (c: ExcelJS.Cell) => (c.formula ? c.result : c.value);
  const c = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
  expect(result(rowOf("appraisal.npv").getCell(4))).toBe(c.appraisal.npv);
  expect(result(rowOf("transition.total").getCell(4))).toBe(c.transition.total);
  expect(result(rowOf("runCost.total").getCell(4))).toBe(c.baseline.runCost.total);
  expect(result(rowOf("runCost.total").getCell(5))).toBe(c.option.runCost.total);
  expect(rowOf("appraisal.npv").getCell(4).formula).toBeTruthy();

  // One scenario: the one on the Results tab.
  await page.getByLabel(/^One scenario/).check();
  const second = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download workbook" }).click();
  const one = await second;
  const single = new ExcelJS.Workbook();
  await single.xlsx.load(readFileSync((await one.path())!) as never);
  const selected = await page.evaluate(() => (globalThis as any).socialcarePane.state.selected as string);
  const scenario = loadPreset(selected.slice("preset:".length));
  let total: unknown;
  single.getWorksheet("Outputs")!.eachRow((row) => {
    if (row.getCell(1).value === "runCost.total") total = row.getCell(4).formula ? row.getCell(4).result : row.getCell(4).value;
  });
  expect(total).toBe(runScenario(scenario).runCost.total);
  // Built in the worker, from a chunk loaded on demand.
  expect((await loaded()).some((f) => f.startsWith("workbook-export"))).toBe(true);
});

test("money reconciles on screen: tiers and components add up to the run cost shown, and the transition table to its totals", async () => {
  pane = await session.open();
  const { page } = pane;
  for (const p of listPresets()) {
    await openTab(page, "Scenarios");
    await page.getByRole("button", { name: `Results of ${p.name}`, exact: true }).click();
    const result = runScenario(loadPreset(p.id));
    const card = page.locator(".card-value", { hasText: "£" }).first();
    await card.filter({ hasText: `£${wholePounds(result.runCost.total).toLocaleString("en-GB")}` }).waitFor();
    const total = parsePounds((await card.textContent())!);
    const tiers = (await page.locator('table[aria-label="Tiers with FTE and cost"] tbody td:nth-child(3)').allTextContents()).map(parsePounds);
    expect(tiers).toHaveLength(result.structure.tiers.length);
    expect(tiers.reduce((s, v) => s + v, 0)).toBe(total);
    expect(parsePounds((await page.locator('table[aria-label="Tiers with FTE and cost"] tfoot td').nth(1).textContent())!)).toBe(total);
    const components = (await page.locator('table[aria-label="Run cost by component"] tbody td').allTextContents()).map(parsePounds);
    expect(components.reduce((s, v) => s + v, 0)).toBe(total);
    // Each part within a pound of the engine's figure.
    result.structure.tiers.forEach((t, i) => expect(Math.abs(tiers[i]! - t.annualCost)).toBeLessThan(1));
  }
  await openTab(page, "Compare");
  const table = page.locator(".transition-block table").first();
  await table.waitFor();
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")));
  const foot = await table.locator("tfoot td").allTextContents();
  const grid = rows.map((r) => r.map(parsePounds));
  const totals = foot.map(parsePounds);
  const years = totals.length - 1;
  grid.forEach((r) => expect(r.slice(0, years).reduce((s, v) => s + v, 0)).toBe(r[years]));
  for (let y = 0; y <= years; y++) expect(grid.reduce((s, r) => s + r[y]!, 0)).toBe(totals[y]);
  const c = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
  expect(totals[years]).toBe(wholePounds(c.transition.total));
  // The appraisal's transition spend is the same whole pounds as the table's total.
  await expect(page.locator('table.appraisal tr[data-figure="transition.total"] td').first().textContent().then((t) => parsePounds(t!))).resolves.toBe(totals[years]);
});
