import type { Page } from "playwright-core";

/**
 * Opens a view as a user would: its tab when the tab bar shows it, else from the "More" menu the tabs
 * that do not fit the pane's width go into.
 */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tab", { name, exact: true });
  if ((await tab.count()) > 0) return tab.click();
  await page.getByRole("button", { name: /^More views/ }).click();
  await page.getByRole("menuitem", { name, exact: true }).click();
  await page.getByRole("tab", { name, selected: true }).waitFor();
}

/** Opens the Uncertainty view's folded settings (how many runs, and the seed), if folded. */
export async function openRunsAndSeed(page: Page): Promise<void> {
  await page.locator("details.advanced").first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
}
