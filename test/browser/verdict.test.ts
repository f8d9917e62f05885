import { applySettings, compareScenarios, listPresets, loadPreset, simulate, wholePoundsChange } from "../../engine/index.js";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, paneSession, type Pane } from "./harness.js";
import { openTab } from "./tabs.js";

/**
 * The verdict card at the top of Compare, in headless Chromium against the production build: the
 * engine's verdict in words (a saving reads as a saving), its figures in sentences, the chance from
 * the background Monte Carlo run, and the basis warning as a banner above the cards. Expected figures
 * come from the engine run here in Node.
 */

const presetName = (id: string) => listPresets().find((p) => p.id === id)!.name;
/** What a select shows for a preset: its short name (the full name is its title). */
const shortName = (id: string) => listPresets().find((p) => p.id === id)!.shortName;
const pounds = (v: number) => `£${Math.abs(v).toLocaleString("en-GB")}`;
/** Whole pounds of an amount the engine gives to the penny, half away from zero, worked here. */
const wholePounds = (v: number) => Math.sign(v) * Math.floor(Math.abs(Math.round(v * 100)) / 100 + 0.5);

const session = paneSession();
/** The whole view for the test's artifacts, and the answer alone for the task pane guide (docs/taskpane.md). */
async function guideShot(name: string): Promise<void> {
  await session.harness.screenshot(pane, name);
  const dir = join(ROOT, "docs", "images", "taskpane");
  mkdirSync(dir, { recursive: true });
  await pane.page.locator("section.verdict").screenshot({ path: join(dir, `${name}.png`) });
}
let pane: Pane;

async function compare(page: Pane["page"], baseline: string, option: string): Promise<void> {
  await openTab(page, "Compare");
  await page.getByLabel("Baseline").selectOption({ label: baseline });
  await page.getByLabel("Option 1", { exact: true }).selectOption({ label: option });
}

test("a comparison of two years and two councils shows its warning as a banner above the verdict", async () => {
  pane = await session.open();
  const { page } = pane;
  const c = compareScenarios(loadPreset("england-2025"), loadPreset("blueprint"));
  // The engine says the two sides stand on different price bases (the rule this view shows).
  expect(c.basis.sameYear).toBe(false);
  await compare(page, shortName("england-2025"), shortName("blueprint"));
  const card = page.locator(`.verdict-card[data-option="preset:blueprint"]`);
  await card.waitFor();
  const banner = page.locator(".verdict .basis-banners .message-bar");
  await banner.waitFor();
  // The engine's own words (less the command line's flag, which the pane has no use for).
  const firstSentence = c.basis.warning!.split(". ")[0]!;
  await expect(banner.textContent()).resolves.toContain(firstSentence);
  await expect(banner.textContent()).resolves.not.toContain("--council");
  // Above the verdict: before it in the page and higher on the screen.
  const bannerBox = (await banner.boundingBox())!;
  const cardBox = (await card.boundingBox())!;
  expect(bannerBox.y + bannerBox.height).toBeLessThanOrEqual(cardBox.y);
  await expect(banner.evaluate((b) => Boolean(b.compareDocumentPosition((globalThis as any).document.querySelector(".verdict-card")) & 4))).resolves.toBe(true);
  await guideShot("verdict-mixed-years");

  // One council, one year (england-2025 and cluster): no banner.
  expect(compareScenarios(loadPreset("england-2025"), loadPreset("cluster")).basis.warning).toBeNull();
  await page.getByLabel("Option 1", { exact: true }).selectOption({ label: shortName("cluster") });
  await page.locator(`.verdict-card[data-option="preset:cluster"]`).waitFor();
  await expect(page.locator(".basis-banners").count()).resolves.toBe(0);
});

test("an option that cuts the run cost reads as a saving, with the engine's figures and the chance from the background Monte Carlo run", async () => {
  pane = await session.open();
  const { page } = pane;
  // A scenario made to save by its rule: today's structure with social workers paid less.
  await page.getByRole("button", { name: `New scenario from ${presetName("baseline-2018")}` }).click();
  await page.getByLabel("Social worker: Salary (£ a year)").fill("30000");
  const mine = `${presetName("baseline-2018")}: my version`;
  const baseline = loadPreset("baseline-2018");
  const option = applySettings(baseline, { "structure.tiers.socialWorker.salary": 30000 });
  const c = compareScenarios(baseline, option);
  expect(c.verdict).toBe("saves");
  await compare(page, shortName("baseline-2018"), mine);

  const card = page.locator(".verdict-card").first();
  await card.locator('[data-line="runCost"]', { hasText: "falls" }).waitFor();
  await expect(card.getAttribute("data-verdict")).resolves.toBe("saves");
  await expect(card.locator(".verdict-badge").textContent()).resolves.toBe("Saves money");
  // Green for a saving, never red; and never a "No".
  await expect(card.getAttribute("class")).resolves.toContain("tone-good");
  await expect(card.textContent()).resolves.not.toMatch(/\bNo\b/);
  const fall = wholePoundsChange(c.baseline.runCost.total, c.option.runCost.total);
  expect(fall).toBeLessThan(0);
  await expect(card.locator('[data-line="runCost"]').textContent()).resolves.toContain(`falls by ${pounds(fall)}`);
  await expect(card.locator('[data-line="npv"]').textContent()).resolves.toContain(`£${Math.abs(wholePounds(c.appraisal.npv)).toLocaleString("en-GB")}`);
  // The appraisal table says the same in the same words.
  await expect(page.locator('table.appraisal tr[data-figure="costNeutral"] td').first().textContent()).resolves.toBe("Saves money");

  // The chance, from the worker's Monte Carlo run: the engine's probability with the same draws and seed.
  const chance = simulate(option, { baseline, figures: ["change.runCost"], draws: 2000, seed: 1 }).probabilities!.savesOrNeutral;
  await card.locator('[data-chance="done"]').waitFor();
  await expect(card.locator('[data-line="chance"]').textContent()).resolves.toContain(`${Math.round(chance * 100)}%, across 2,000 runs`);
  await guideShot("verdict-saving");

  // Paid more, the same structure costs more: the other word, in red.
  await openTab(page, "Edit");
  await page.getByLabel("Social worker: Salary (£ a year)").fill("60000");
  await openTab(page, "Compare");
  await page.locator('.verdict-card[data-verdict="costs"] .verdict-badge', { hasText: "Costs more" }).waitFor();
  expect(compareScenarios(baseline, applySettings(baseline, { "structure.tiers.socialWorker.salary": 60000 })).verdict).toBe("costs");
});

test("Results of a scenario with problems says so above its figures, and takes the user to them", async () => {
  pane = await session.open();
  const { page } = pane;
  await page.getByRole("button", { name: `New scenario from ${presetName("blueprint")}` }).click();
  await page.getByLabel("Family-facing social worker: Salary (£ a year)").fill("about 40k");
  await openTab(page, "Results");
  const banner = page.locator("[data-draft-problems]");
  await banner.waitFor();
  await expect(banner.getAttribute("data-draft-problems")).resolves.toBe("1");
  await expect(banner.textContent()).resolves.toContain("a problem to fix on the Edit tab");
  // Above the figures it qualifies.
  await page.locator(".card-value").first().waitFor();
  const bannerBox = (await banner.boundingBox())!;
  const cardBox = (await page.locator(".card").first().boundingBox())!;
  expect(bannerBox.y).toBeLessThan(cardBox.y);
  await page.getByRole("button", { name: "Fix on Edit" }).click();
  await page.getByRole("tab", { name: "Edit", selected: true }).waitFor();
  // Put right, the banner goes.
  await page.getByLabel("Family-facing social worker: Salary (£ a year)").fill("40000");
  await openTab(page, "Results");
  await page.locator(".card-value").first().waitFor();
  await expect(page.locator("[data-draft-problems]").count()).resolves.toBe(0);
});
