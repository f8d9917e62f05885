import { CLAIM_KIND_WORDS, claimsTable, listPresets, loadPreset, onBaselineBasis } from "../../engine/index.js";
import { paneSession } from "./harness.js";
import { openTab } from "./tabs.js";

/**
 * The claims card on Compare, in headless Chromium against the production build: for the option, each
 * of the Blueprint's claims with what the model gives, whether it is an output or an input restated,
 * whether it holds and the chance, from the worker's run of the engine's claims table. The expected
 * rows come from the engine run here in Node with the pane's draws and seed.
 */

const shortName = (id: string) => listPresets().find((p) => p.id === id)!.shortName;
const session = paneSession();

test("Compare shows the Blueprint's claims for the option: the engine's claims table, row by row", async () => {
  const pane = await session.open();
  const { page } = pane;
  await openTab(page, "Compare");
  await page.getByLabel("Baseline").selectOption({ label: shortName("baseline-2018") });
  await page.getByLabel("Option 1", { exact: true }).selectOption({ label: shortName("blueprint") });
  const card = page.locator('.claims-card[data-option="preset:blueprint"]');
  await card.locator("table.claims").waitFor();
  await expect(card.getAttribute("data-claims")).resolves.toBe("done");

  const baseline = loadPreset("baseline-2018");
  const table = claimsTable(baseline, onBaselineBasis(baseline, loadPreset("blueprint")).option, { draws: 1000, seed: 1 });
  for (const r of table.rows) {
    const row = card.locator(`tr[data-claim="${r.id}"]`);
    await expect(row.getAttribute("data-kind")).resolves.toBe(r.kind);
    const cells = await row.locator("td").allTextContents();
    expect(cells[1]).toBe(CLAIM_KIND_WORDS[r.kind]);
    expect(cells[2]).toBe(r.holds ? "yes" : "no");
    expect(cells[3]).toBe(r.chance === null ? "nothing varies" : `${Math.round(r.chance * 100)}%`);
  }
  await session.harness.screenshot(pane, "claims-card");
});
