import { listPresets } from "../../engine/index.js";
import { paneSession, type Pane } from "./harness.js";
import { openTab } from "./tabs.js";

/**
 * Compare's tables at the narrow pane widths: short names in the headers (the full name on hover and
 * to screen readers), the appraisal's key column in view, a transition table's Total kept at the right
 * edge, the first column kept at the left, and a visible line whenever a table hides columns.
 */

const preset = (id: string) => listPresets().find((p) => p.id === id)!;

const session = paneSession();
let pane: Pane;

/** Whether an element lies wholly inside the visible part of its scrolling region (and the page). */
async function inView(page: Pane["page"], selector: string): Promise<boolean[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const region = el.closest(".table-scroll")!.getBoundingClientRect();
      const width = (globalThis as any).document.documentElement.clientWidth;
      return r.left >= region.left - 1 && r.right <= region.right + 1 && r.right <= width + 1;
    }),
  );
}

for (const width of [320, 400]) {
  test(`three scenarios at ${width} px: short names head the columns, the appraisal's columns and the Total stay in view`, async () => {
    pane = await session.open({}, width);
    const { page } = pane;
    await openTab(page, "Compare");
    await page.getByLabel("Baseline").selectOption({ label: preset("england-2025").shortName });
    await page.getByLabel("Option 1", { exact: true }).selectOption({ label: preset("cluster").shortName });
    await page.getByLabel("Add option 2").selectOption({ label: preset("reclaim").shortName });
    await page.locator(".transition-block table").first().waitFor();

    // Headers: the short name shown, the full name as the title and for screen readers (once the
    // comparison of these three has replaced the one shown while they were chosen).
    const header = page.locator("table.appraisal thead th").nth(1);
    await header.locator('[aria-hidden="true"]', { hasText: preset("cluster").shortName }).waitFor();
    // and the second option's column, which comes with the comparison of all three (on a busy machine,
    // after the first option's)
    await page.locator("table.appraisal thead th").nth(2).locator('[aria-hidden="true"]', { hasText: preset("reclaim").shortName }).waitFor();
    await expect(header.locator('[aria-hidden="true"]').textContent()).resolves.toBe(preset("cluster").shortName);
    await expect(header.locator(".scenario-label").getAttribute("title")).resolves.toBe(preset("cluster").name);
    await expect(header.locator(".visually-hidden").textContent()).resolves.toBe(preset("cluster").name);

    // The appraisal of both options, NPV and payback included, without scrolling.
    await expect(inView(page, 'table.appraisal tr[data-figure="appraisal.npv"] td')).resolves.toEqual([true, true]);
    await expect(inView(page, 'table.appraisal tr[data-figure="appraisal.paybackYear"] td')).resolves.toEqual([true, true]);
    // Each transition table's Total column in view, and its first column too.
    for (const block of await page.locator(".transition-block").all()) {
      const id = await block.getAttribute("data-option");
      await expect(inView(page, `.transition-block[data-option="${id}"] tfoot td:last-child`)).resolves.toEqual([true]);
      await expect(inView(page, `.transition-block[data-option="${id}"] tbody th`).then((v) => v.every(Boolean))).resolves.toBe(true);
    }
    // A table wider than the pane says so below it, and only such a table.
    const regions = await page.locator(".table-scroll").evaluateAll((els) => els.map((el) => ({ overflows: el.scrollWidth > el.clientWidth + 1, cue: el.nextElementSibling?.hasAttribute("data-scroll-cue") ?? false })));
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) expect(r.cue).toBe(r.overflows);
    await session.harness.screenshot(pane, `tables-${width}`);
  });
}
