import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { listPresets } from "../../engine/index.js";
import { ROOT, paneSession, seriousViolations, type Pane, type Violation } from "./harness.js";
import { openRunsAndSeed, openTab } from "./tabs.js";

/**
 * Every view of the pane at the widths a director uses (the narrow default pane, a widened pane, a
 * full-width one): an automated accessibility scan (axe-core, injected into the page) with no serious
 * or critical violation, and a screenshot of each for the task pane guide (docs/taskpane.md).
 */

/** The guide's screenshots, committed with it. */
const GUIDE_IMAGES = join(ROOT, "docs", "images", "taskpane");
const presetName = (id: string) => listPresets().find((p) => p.id === id)!.name;

const session = paneSession();
let pane: Pane;

/** Opens a view and waits for what it shows once computed. */
async function openView(page: Pane["page"], view: string): Promise<void> {
  await openTab(page, view);
  if (view === "Results") await page.locator(".card-value").first().waitFor();
  if (view === "Compare") await page.locator('.verdict-card [data-chance="done"]').first().waitFor();
  if (view === "Uncertainty") {
    await openRunsAndSeed(page);
    await page.getByLabel("Draws", { exact: true }).fill("2000");
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator('figure[data-chart="histogram"]').waitFor();
  }
  await page.waitForTimeout(200);
}

async function guideShot(name: string): Promise<void> {
  const path = await session.harness.screenshot(pane, name);
  mkdirSync(GUIDE_IMAGES, { recursive: true });
  copyFileSync(path, join(GUIDE_IMAGES, `${name}.png`));
}

const VIEWS = ["Scenarios", "Edit", "Results", "Compare", "Write", "Uncertainty", "Health"];

for (const width of [400, 1000]) {
  test(`every view at ${width} px: no serious or critical accessibility violation, and a screenshot for the guide`, async () => {
    pane = await session.open({}, width);
    const { page } = pane;
    await page.getByRole("button", { name: `New scenario from ${presetName("blueprint")}` }).click();
    const found: { view: string; violations: Violation[] }[] = [];
    for (const view of VIEWS) {
      await openView(page, view);
      found.push({ view, violations: await seriousViolations(page) });
      await guideShot(`${view.toLowerCase()}-${width}`);
    }
    expect(found).toEqual(VIEWS.map((view) => ({ view, violations: [] })));
  }, 120_000);
}

test("tabs that do not fit go into a More menu: one row at 320 and 400 px, every view reachable by keyboard, all tabs at 1,000 px", async () => {
  for (const width of [320, 400]) {
    pane = await session.open({}, width);
    const { page } = pane;
    const bar = await page.locator("nav.tabs").boundingBox();
    const tab = await page.getByRole("tab", { name: "Scenarios" }).boundingBox();
    // One row: the bar is no taller than a tab and its border.
    expect(bar!.height).toBeLessThanOrEqual(tab!.height + 2);
    const shown = await page.getByRole("tab").allTextContents();
    expect(shown.length).toBeLessThan(VIEWS.length);
    // The rest are in the menu, in order, opened and used with the keyboard alone.
    const more = page.getByRole("button", { name: /^More views/ });
    await more.focus();
    await page.keyboard.press("Enter");
    const items = await page.getByRole("menuitem").allTextContents();
    expect([...shown, ...items].sort()).toEqual([...VIEWS].sort());
    await page.keyboard.press("ArrowDown");
    const second = items[1 % items.length]!;
    await expect(page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).resolves.toBe(second);
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: second, selected: true }).waitFor();
    await expect(page.getByRole("menu").count()).resolves.toBe(0);
    // Escape closes the menu and gives the focus back to its button.
    await more.click();
    await page.getByRole("menu").waitFor();
    if (width === 400) {
      // the guide's picture shows the view once its figures are in, not its progress bar (seen on a loaded machine)
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll("[role=progressbar]").length === 0);
      await guideShot("tabs-more-400");
    }
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu").count()).resolves.toBe(0);
    await expect(more.evaluate((b) => b === (globalThis as any).document.activeElement)).resolves.toBe(true);
  }
  pane = await session.open({}, 1000);
  await expect(pane.page.getByRole("tab").allTextContents()).resolves.toEqual(VIEWS);
  await expect(pane.page.getByRole("button", { name: /^More views/ }).count()).resolves.toBe(0);
});
