import { readFileSync } from "node:fs";
import { allocateWholePounds, applySettings, compareScenarios, findCouncil, usePublishedCouncilTable, explainComparison, flowTotalsByYear, listPresets, listSettings, loadPreset, loadScenario, runScenario, scenarioFlows, toScenarioInput, validateScenario } from "../../engine/index.js";
import { paneSession, officeState, saved, workbook, type Pane } from "./harness.js";
import { openTab } from "./tabs.js";

// the YAML import below names a published council, as the pane's own engine reads it
usePublishedCouncilTable();

/**
 * The task pane in headless Chromium (Debian's), against the production build, with office.js
 * replaced by the in-memory Office stub. Expected figures come from the engine run here in Node,
 * and money is formatted here independently of the pane's own formatting code.
 */

const pounds = (v: number) => `${v < 0 ? "−" : ""}£${Math.round(Math.abs(v)).toLocaleString("en-GB")}`;
const presetName = (id: string) => listPresets().find((p) => p.id === id)!.name;
/** What a select shows for a preset: its short name (the full name is its title). */
const shortName = (id: string) => listPresets().find((p) => p.id === id)!.shortName;
/** An editor field by its label (the label also names the unit, after the words). */
const textbox = (page: Pane["page"], label: string) => page.getByRole("textbox", { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });

const session = paneSession();
let pane: Pane;

test("starts in Excel: functions associated in the same page, presets listed, settings read", async () => {
  pane = await session.open();
  const { page } = pane;
  for (const p of listPresets()) await expect(page.getByRole("button", { name: `New scenario from ${p.name}`, exact: true }).count()).resolves.toBe(1);
  const state = await officeState(page);
  expect(state.associated).toEqual(expect.arrayContaining(["CASELOAD", "VERSION"]));
  expect(state.log.some((c) => c.api === "settings.get" && c.args[0] === "socialcare.library")).toBe(true);
  await session.harness.screenshot(pane, "scenarios");
});

test("edits a field, marks a bad value with the engine's message beside it, and loses nothing typed", async () => {
  pane = await session.open();
  const { page } = pane;
  await page.getByRole("button", { name: `New scenario from ${presetName("blueprint")}` }).click();
  await page.getByRole("tab", { name: "Edit", selected: true }).waitFor();

  // A valid edit: the results follow (engine run in Node on the same change).
  // A share typed as a percentage.
  await textbox(page, "Vacancy rate").fill("20%");
  await textbox(page, "Children open to social care").fill("3,000");
  const expected = runScenario(applySettings(loadPreset("blueprint"), { "council.children": 3000, "council.vacancyRate": 0.2 }));
  await expect(page.locator(".editor-summary .card").nth(2).locator(".card-value").textContent()).resolves.toBeDefined();
  await page.locator(".editor-summary .card-value", { hasText: pounds(expected.runCost.total) }).waitFor();
  await page.locator(".editor-summary .card-value", { hasText: expected.caseload.childrenPerCaseHolder.toFixed(2) }).waitFor();

  // A bad value: the engine's own message sits beside the field, and it is marked invalid.
  const children = textbox(page, "Children open to social care");
  await children.fill("-5");
  const input = toScenarioInput(loadPreset("blueprint"));
  (input.council as Record<string, unknown>).children = -5;
  const check = validateScenario(input);
  expect(check.ok).toBe(false);
  const reason = !check.ok ? check.issues.find((i) => i.path === "council.children")!.reason : "";
  const field = page.locator('.field[data-path="council.children"]');
  await expect(field.locator(".field-error").textContent()).resolves.toBe(reason);
  await expect(children.getAttribute("aria-invalid")).resolves.toBe("true");
  await page.getByRole("alert").filter({ hasText: "1 problem" }).waitFor();

  // Text that is not a number is kept as typed and explained.
  const salary = page.getByLabel("Family-facing social worker: Salary (£ a year)");
  await salary.fill("about 40k");
  await expect(salary.inputValue()).resolves.toBe("about 40k");
  await page.locator('[data-path="structure.tiers[0].salary"] .field-error', { hasText: "must be a number" }).waitFor();
  await page.getByRole("alert").filter({ hasText: "2 problems" }).waitFor();

  // Nothing else typed was lost, and the results still show the last valid version.
  await expect(textbox(page, "Vacancy rate").inputValue()).resolves.toBe("20%");
  await expect(children.inputValue()).resolves.toBe("-5");
  await page.locator(".editor-summary .card-value", { hasText: pounds(expected.runCost.total) }).waitFor();
  await session.harness.screenshot(pane, "editor-invalid");

  // Putting it right clears the marks.
  await children.fill("3000");
  await salary.fill("40000");
  await expect(page.locator(".field-error").count()).resolves.toBe(0);
  const fixed = runScenario(applySettings(loadPreset("blueprint"), { "council.children": 3000, "council.vacancyRate": 0.2, "structure.tiers.socialWorker.salary": 40000 }));
  await page.locator(".editor-summary .card-value", { hasText: pounds(fixed.runCost.total) }).waitFor();
});

test("results of one scenario: headline cards, tiers with FTE and cost, checks, and an explanation", async () => {
  pane = await session.open();
  const { page } = pane;
  await page.getByRole("button", { name: `Results of ${presetName("cluster")}` }).click();
  const result = runScenario(loadPreset("cluster"));
  await page.locator(".card-value", { hasText: pounds(result.runCost.total) }).waitFor();
  await page.locator(".card-value", { hasText: `${(result.time.directContactShare * 100).toFixed(1)}%` }).waitFor();
  // Tier costs in whole pounds, allocated by the engine so they add up to the run cost shown.
  const shown = allocateWholePounds(result.structure.tiers.map((t) => t.annualCost), result.runCost.total);
  for (const [i, tier] of result.structure.tiers.entries()) {
    // Its name carries its value: what it is, the amount, then "explain".
    await page.getByRole("button", { name: `${tier.name}: annual cost: ${pounds(shown[i]!)}, explain`, exact: true }).waitFor();
  }
  await page.getByText(`All ${result.checks.length} checks pass`).waitFor();
  // Computed off the page's thread, in the engine worker.
  await expect(page.evaluate(() => (globalThis as any).socialcarePane.engine.where)).resolves.toBe("worker");
  expect(page.workers().length).toBe(1);
  await session.harness.screenshot(pane, "results");
  // The card's name holds its value, then "explain".
  await page.getByRole("button", { name: new RegExp(`^Children per case-holder\\s*${result.caseload.childrenPerCaseHolder.toFixed(2).replace(".", "\\.")}.*, explain$`) }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator(".rule", { hasText: "children ÷ case-holding FTE" }).waitFor();
  await dialog.getByText("Children open to social care").first().waitFor();
  await page.keyboard.press("Escape");
  await expect(dialog.count()).resolves.toBe(0);
});

test("compares three scenarios, explains a figure, and writes the comparison, charts and inputs to the workbook", async () => {
  pane = await session.open();
  const { page } = pane;
  // Baseline england-2025, options blueprint and cluster (both pay back within the appraisal).
  await openTab(page, "Compare");
  await page.getByLabel("Baseline").selectOption({ label: shortName("england-2025") });
  await page.getByLabel("Add option 2").selectOption({ label: shortName("cluster") });
  await expect(page.getByLabel("Option 1", { exact: true }).inputValue()).resolves.toBe("preset:blueprint");
  const baseline = loadPreset("england-2025");
  const blueprint = compareScenarios(baseline, loadPreset("blueprint"));
  const cluster = compareScenarios(baseline, loadPreset("cluster"));
  const npvRow = page.locator('table.appraisal tr[data-figure="appraisal.npv"] td');
  await npvRow.nth(1).filter({ hasText: pounds(cluster.appraisal.npv) }).waitFor();
  await expect(npvRow.nth(0).textContent()).resolves.toBe(pounds(blueprint.appraisal.npv));
  await expect(page.locator('table.appraisal tr[data-figure="appraisal.paybackYear"] td').allTextContents()).resolves.toEqual([blueprint, cluster].map((x) => x.appraisal.paybackYear ?? "Not within the appraisal"));
  // Every figure with its change against the baseline, from the comparison's figures.
  const caseload = blueprint.figures.find((f) => f.figure === "caseload.childrenPerCaseHolder")!;
  await page.locator('table.side-by-side tr[data-figure="caseload.childrenPerCaseHolder"] td').nth(1).filter({ hasText: `${caseload.option!.toFixed(2)}` }).filter({ hasText: `(−${Math.abs(caseload.changePct! * 100).toFixed(1)}%)` }).waitFor();
  // The charts, drawn in the pane: one stacked transition chart per option, tiers, and the payback marks.
  await expect(page.locator('figure[data-chart="transition"]').count()).resolves.toBe(2);
  // Beside each transition, the workforce through the move (the engine's flows, every tier added): its text alternative holds the year-end figures.
  await expect(page.locator('figure[data-chart="workforce"]').count()).resolves.toBe(2);
  const flowYears = flowTotalsByYear(scenarioFlows(loadPreset("blueprint"), baseline));
  const workforceLabel = await page.locator('figure[data-chart="workforce"] svg').first().getAttribute("aria-label");
  expect(workforceLabel).toContain(`${(flowYears[0]!.inPost).toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} in post`);
  await expect(page.locator('figure[data-chart="tiers"] rect').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator("g.payback").evaluateAll((els) => els.map((e) => e.getAttribute("data-payback")))).resolves.toEqual([blueprint, cluster].map((x) => x.appraisal.paybackYear).filter((y) => y !== null));
  await session.harness.screenshot(pane, "compare");

  // Explain: the trace of the blueprint's NPV, with its inputs and their sources.
  await page.getByRole("button", { name: new RegExp(`^Blueprint.*: Net present value \\(10 years\\): ${pounds(blueprint.appraisal.npv)}, explain$`) }).click();
  const dialog = page.getByRole("dialog");
  const trace = explainComparison(baseline, loadPreset("blueprint"), blueprint, "appraisal.npv");
  await dialog.locator(".rule", { hasText: trace.rule }).waitFor();
  const optimism = trace.inputs.find((i) => i.name === "finance.appraisal.optimismBias")!;
  await dialog.locator(".inputs li", { hasText: optimism.label }).filter({ hasText: optimism.source! }).waitFor();
  // Its source cites an anchor of docs/sources.md: the pane links it to that anchor of the page the build writes.
  for (const anchor of optimism.sourceAnchors!) {
    await expect(dialog.locator(".inputs li", { hasText: optimism.label }).locator(`a[href="sources.html#${anchor}"]`).count()).resolves.toBe(1);
  }
  await session.harness.screenshot(pane, "explain", false);
  await dialog.getByRole("button", { name: "Close the explanation" }).click();

  // Write to the workbook, with live formulas.
  await openTab(page, "Write");
  await page.getByLabel(/Write live formulas/).check();
  await page.getByRole("button", { name: "Write to workbook" }).click();
  await page.getByText(/Wrote SC Comparison and SC Inputs/).waitFor();
  await session.harness.screenshot(pane, "write");

  const sheets = await workbook(page);
  const state = await officeState(page);
  expect(sheets.map((s) => s.name).sort()).toEqual(["SC Comparison", "SC Inputs", "Sheet1"]);
  // Batched: a lookup, the cells, and one request for tables and charts; each far under 5 MB.
  expect(state.syncs).toBeLessThanOrEqual(4);
  expect(Math.max(...state.requestBytes)).toBeLessThan(5 * 1024 * 1024);

  const sheet = sheets.find((s) => s.name === "SC Comparison")!;
  const table = sheet.tables.find((t) => t.name === "SC_Comparison")!;
  const names = [presetName("england-2025"), presetName("blueprint"), presetName("cluster")];
  expect(table.headers).toEqual(["Figure", "Figure name", "Unit", names[0], names[1], `Change: ${names[1]}`, `Change %: ${names[1]}`, names[2], `Change: ${names[2]}`, `Change %: ${names[2]}`]);
  expect(table.rows).toBe(new Set([...blueprint.figures, ...cluster.figures].map((f) => f.figure)).size);
  // The run cost row: live formulas for each scenario's figure, formulas for the changes, currency and percent formats.
  const [, first] = /^[A-Z]+(\d+)/.exec(table.range)!;
  const rows = Object.entries(sheet.cells).filter(([a, c]) => a.startsWith("B") && c.value === "runCost.total");
  expect(rows).toHaveLength(1);
  const r = Number(rows[0]![0].slice(1));
  expect(r).toBeGreaterThan(Number(first));
  const at = (col: string) => sheet.cells[`${col}${r}`]!;
  expect(at("D").formula).toMatch(/^=SOCIALCARE\.SCENARIO\("england-2025","runCost\.total",'SC Inputs'!\$[A-Z]+\$5:\$[A-Z]+\$\d+\)$/);
  expect(at("E").formula).toMatch(/^=SOCIALCARE\.SCENARIO\("blueprint","runCost\.total",/);
  expect(at("F").formula).toBe(`=IF(AND(ISNUMBER(E${r}),ISNUMBER(D${r})),E${r}-D${r},"")`);
  expect(at("D").numberFormat).toContain("£#,##0");
  expect(at("G").numberFormat).toBe("0.0%");
  // The appraisal table holds the engine's values.
  const appraisal = sheet.tables.find((t) => t.name === "SC_Appraisal")!;
  expect(appraisal.headers).toEqual(["Figure", "Figure name", "Unit", names[1], names[2]]);
  const npvCell = Object.entries(sheet.cells).find(([a, c]) => a.startsWith("B") && c.value === "appraisal.npv")!;
  const npvRowNumber = npvCell[0].slice(1);
  // Live: each option's NPV looks up the table SOCIALCARE.COMPARE spills on SC Inputs (its values are
  // checked through the functions bundle in test/taskpane/liveFormulas.test.ts).
  expect(sheet.cells[`D${npvRowNumber}`]!.formula).toMatch(new RegExp(`^=INDEX\\('SC Inputs'!\\$[A-Z]+\\$4:\\$[A-Z]+\\$\\d+,MATCH\\(\\$B${npvRowNumber},'SC Inputs'!`));
  expect(sheet.cells[`E${npvRowNumber}`]!.formula).toMatch(/^=INDEX\('SC Inputs'!/);
  const compareSpills = Object.values((await workbook(page)).find((s) => s.name === "SC Inputs")!.cells).map((c) => c.formula).filter((f) => f?.startsWith("=SOCIALCARE.COMPARE("));
  expect(compareSpills).toEqual([expect.stringMatching(/^=SOCIALCARE\.COMPARE\("england-2025","blueprint",/), expect.stringMatching(/^=SOCIALCARE\.COMPARE\("england-2025","cluster",/)]);
  // Native charts: transition stacked by category (one per option), run cost by tier, cumulative cash flow with the payback marked.
  expect(sheet.charts.map((c) => c.type).sort()).toEqual(["BarClustered", "ColumnStacked", "ColumnStacked", "LineMarkers"]);
  const line = sheet.charts.find((c) => c.type === "LineMarkers")!;
  const cumulative = sheet.tables.find((t) => t.name === "SC_Cumulative")!;
  expect(line.source).toBe(cumulative.range);
  const years = cumulative.headers.length && Object.entries(sheet.cells).filter(([a]) => a.startsWith("A") && Number(a.slice(1)) > Number(/\d+/.exec(cumulative.range)![0]) && Number(a.slice(1)) <= Number(/\d+/.exec(cumulative.range)![0]) + cumulative.rows).map(([, c]) => c.value);
  // a mark for each option that pays back within the appraisal, at its payback year
  expect(line.marks.map((m) => [m.series, (years as unknown[])[m.index]])).toEqual(
    [blueprint, cluster].flatMap((x, series) => (x.appraisal.paybackYear === null ? [] : [[series, x.appraisal.paybackYear]])),
  );
  const transitionTable = sheet.tables.find((t) => t.name === "SC_Transition_1")!;
  expect(transitionTable.headers).toEqual(["Category", ...blueprint.transition.years, "Total"]);
  expect(sheet.charts.find((c) => c.type === "ColumnStacked" && c.title.includes(names[1]!))!.seriesBy).toBe("Rows");

  // The inputs sheet: every assumption of every scenario, with its source.
  const inputsSheet = sheets.find((s) => s.name === "SC Inputs")!;
  const inputs = inputsSheet.tables.find((t) => t.name === "SC_Inputs")!;
  const settingCount = ["england-2025", "blueprint", "cluster"].reduce((n, id) => n + listSettings(loadPreset(id)).length, 0);
  expect(inputs.rows).toBe(settingCount);
  const childrenRow = Object.entries(inputsSheet.cells).find(([a, c]) => a.startsWith("D") && c.value === "council.children" && inputsSheet.cells[`A${a.slice(1)}`]!.value === names[1])!;
  const cr = childrenRow[0].slice(1);
  expect(inputsSheet.cells[`E${cr}`]!.value).toBe(loadPreset("blueprint").council.children);
  expect(inputsSheet.cells[`G${cr}`]!.value).toBe(loadPreset("blueprint").sources["council.children"]!.source);
  // The live inputs the formulas read are formulas on the Value column.
  const live = at("E").formula!.match(/'SC Inputs'!\$([A-Z]+)\$5:\$([A-Z]+)\$(\d+)/)!;
  const keys = Object.entries(inputsSheet.cells).filter(([a]) => a.startsWith(live[1]!) && /^\d+$/.test(a.slice(live[1]!.length)) && Number(a.slice(live[1]!.length)) >= 5 && Number(a.slice(live[1]!.length)) <= Number(live[3]));
  const childrenKey = keys.find(([, c]) => c.value === "council.children")!;
  expect(inputsSheet.cells[`${live[2]}${childrenKey[0].slice(live[1]!.length)}`]!.formula).toBe(`=E${cr}`);
});

test("saves scenarios in the workbook and finds them all back when it is reopened", async () => {
  pane = await session.open();
  let page = pane.page;
  await page.getByRole("button", { name: `New scenario from ${presetName("blueprint")}` }).click();
  await textbox(page, "Children open to social care").fill("2500");
  await openTab(page, "Scenarios");
  await page.getByRole("button", { name: `New scenario from ${presetName("cluster")}` }).click();
  await textbox(page, "Agency premium").fill("lots");
  await openTab(page, "Scenarios");
  // Rename, duplicate, delete with undo, and delete with confirmation.
  const blueprintMine = `${presetName("blueprint")}: my version`;
  await page.getByRole("button", { name: `Rename ${blueprintMine}` }).click();
  await page.getByLabel("New name").fill("Our Blueprint");
  await page.getByRole("button", { name: "Save name" }).click();
  await page.getByRole("button", { name: "Duplicate Our Blueprint" }).click();
  await page.getByRole("button", { name: "Delete Copy of Our Blueprint" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Delete Copy of Our Blueprint" }).waitFor();
  await page.getByRole("checkbox", { name: "Compare Our Blueprint" }).check();
  const names = await page.locator('[aria-label="Your scenarios"] .scenario-name').allTextContents();
  expect(names).toEqual(["Our Blueprint", `${presetName("cluster")}: my version`, "Copy of Our Blueprint"]);
  const settings = await saved(page);
  await session.harness.screenshot(pane, "scenarios-saved");
  const stored = settings["socialcare.library"] as { scenarios: { name: string }[]; compare: string[] };
  expect(stored.scenarios.map((s) => s.name)).toEqual(names);

  // Reopen: a new page with the workbook's saved settings.
  pane = await session.open(settings);
  page = pane.page;
  await expect(page.locator('[aria-label="Your scenarios"] .scenario-name').allTextContents()).resolves.toEqual(names);
  await expect(page.getByRole("checkbox", { name: "Compare Our Blueprint" }).isChecked()).resolves.toBe(true);
  await page.getByRole("button", { name: "Edit", exact: true }).first().click();
  await expect(textbox(page, "Children open to social care").inputValue()).resolves.toBe("2500");
  await page.getByLabel("Scenario to edit").selectOption({ label: `${presetName("cluster")}: my version` });
  // What was typed, even where it is not a valid value, is still there with its mark.
  await expect(textbox(page, "Agency premium").inputValue()).resolves.toBe("lots");
  await page.locator('.field[data-path="council.agencyPremium"] .field-error', { hasText: "must be a number" }).waitFor();
});

test("exports a scenario file and imports it back; a bad file is refused with its problems listed", async () => {
  pane = await session.open();
  const { page } = pane;
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: `Export ${presetName("reclaim")}` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("reclaim.json");
  const text = readFileSync((await file.path())!, "utf8");
  const exported = loadScenario(JSON.parse(text));
  expect(runScenario(exported).runCost.total).toBe(runScenario(loadPreset("reclaim")).runCost.total);
  expect(exported.sources["council.children"]).toEqual(loadPreset("reclaim").sources["council.children"]);

  await page.getByTestId("import-file").setInputFiles({ name: "reclaim.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByText("Imported “").waitFor();
  await expect(page.locator('[aria-label="Your scenarios"] .scenario-name').allTextContents()).resolves.toEqual([presetName("reclaim")]);

  const bad = "extends: blueprint\ncouncil:\n  children: -3\n  vacancyRate: 2\n";
  await page.getByTestId("import-file").setInputFiles({ name: "bad.yaml", mimeType: "text/yaml", buffer: Buffer.from(bad) });
  const alert = page.getByRole("alert").filter({ hasText: "bad.yaml was not imported" });
  await alert.waitFor();
  const check = validateScenario(bad, { source: "bad.yaml" });
  expect(check.ok).toBe(false);
  const issues = check.ok ? [] : check.issues;
  expect(issues.length).toBeGreaterThanOrEqual(2);
  for (const issue of issues) await alert.locator("li", { hasText: issue.reason }).first().waitFor();
  await expect(page.locator('[aria-label="Your scenarios"] .scenario-name').count()).resolves.toBe(1);

  // A YAML file on a published council imports once the YAML reader and that council's figures are
  // fetched (neither comes with the page: addin/onDemand), and only then.
  const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name.replace(/^.*\//, "")));
  await expect(fetched()).resolves.not.toContain(`${findCouncil("Wakefield").dfe}.json`);
  const good = "# the cluster model on Wakefield's own figures\nextends: cluster\ncouncil:\n  name: Wakefield\n  year: 2024\n";
  await page.getByTestId("import-file").setInputFiles({ name: "wakefield.yaml", mimeType: "text/yaml", buffer: Buffer.from(good) });
  await page.locator('[aria-label="Your scenarios"] .scenario-name').nth(1).waitFor();
  await expect(page.locator('[aria-label="Your scenarios"] .scenario-name').allTextContents()).resolves.toContain(loadScenario(good).name);
  await expect(fetched()).resolves.toEqual(expect.arrayContaining(["yaml.js", `${findCouncil("Wakefield").dfe}.json`]));
});

test("keyboard and labels: tabs move with the arrow keys, and every control has a name", async () => {
  pane = await session.open();
  const { page } = pane;
  await page.getByRole("button", { name: `New scenario from ${presetName("baseline-2018")}` }).click();
  await page.getByRole("tab", { name: "Edit" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.getByRole("tab", { name: "Results", selected: true }).waitFor();
  await page.keyboard.press("ArrowRight");
  await page.getByRole("tab", { name: "Compare", selected: true }).waitFor();
  await expect(page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).resolves.toBe("Compare");
  for (const view of ["Scenarios", "Edit", "Results", "Compare", "Write", "Uncertainty", "Health"]) {
    await openTab(page, view);
    await page.waitForTimeout(300);
    const unnamed = await page.evaluate(() => {
      const out: string[] = [];
      const doc = (globalThis as any).document;
      for (const el of Array.from(doc.querySelectorAll("button, input, select, textarea, [role=tab]")) as any[]) {
        const e = el;
        if (e.type === "file") continue;
        const labelled = e.getAttribute("aria-label") || (e.labels && e.labels.length > 0) || (el.textContent ?? "").trim() || e.getAttribute("aria-labelledby");
        if (!labelled) out.push(el.outerHTML.slice(0, 120));
      }
      return out;
    });
    expect({ view, unnamed }).toEqual({ view, unnamed: [] });
    // Readable at the narrow default width: nothing but the scrolling tables is wider than the pane.
    const wide = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth);
    expect({ view, wide }).toEqual({ view, wide: 320 });
  }
  await session.harness.screenshot(pane, "write-empty");
});
