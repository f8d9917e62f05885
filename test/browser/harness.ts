import { readFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { findProgram } from "../programs.cjs";
import { serveFolder, type StaticServer } from "./server.js";

/**
 * Drives the production build of the task pane in Chromium through playwright-core: the
 * build is served on 127.0.0.1, Microsoft's office.js URL is answered with the in-memory Office stub,
 * and every other outside request is aborted. Screenshots go to test/artifacts/.
 */

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Chromium: $CHROMIUM_PATH, else on the PATH, else Playwright's own (jest.config.cjs leaves these suites out without it). */
export const CHROMIUM = findProgram("chromium") ?? "chromium";
export const ROOT = resolve(__dirname, "..", "..");
export const DIST = join(ROOT, "dist", "addin");
export const ARTIFACTS = join(ROOT, "test", "artifacts");
const STUB = readFileSync(join(__dirname, "officeStub.js"), "utf8");

/** The narrow default width of an Excel task pane. */
export const PANE_WIDTH = 320;

export interface Pane {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console errors on the page. */
  errors: string[];
  /** Requests to anywhere but the test server and the routed office.js (all aborted). */
  blocked: string[];
}

export class Harness {
  private constructor(
    readonly browser: Browser,
    readonly server: StaticServer,
  ) {}

  static async start(): Promise<Harness> {
    const server = await serveFolder(DIST);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    return new Harness(browser, server);
  }

  /** Opens the pane as Excel would, with these document settings already in the workbook. */
  async open(settings: Record<string, unknown> = {}, width = PANE_WIDTH): Promise<Pane> {
    const context = await this.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, locale: "en-GB" });
    const errors: string[] = [];
    const blocked: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: STUB });
      if (url.startsWith(this.server.origin) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await context.addInitScript((initial) => {
      (globalThis as unknown as { __officeInitialSettings: unknown }).__officeInitialSettings = initial;
    }, settings);
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("worker", (worker) => worker.on("console", (m) => m.type() === "error" && errors.push(`worker console: ${m.text()}`)));
    await page.goto(`${this.server.origin}/taskpane.html`);
    await page.getByRole("tab", { name: "Scenarios" }).waitFor();
    return { page, context, errors, blocked };
  }

  /** Saves what the director sees: the whole view, or only the window (for a drawer over the view). */
  async screenshot(pane: Pane, name: string, fullPage = true): Promise<string> {
    const path = join(ARTIFACTS, `${name}.png`);
    // From the top, so the sticky tab bar sits where the director sees it.
    if (fullPage) await pane.page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await pane.page.screenshot({ path, fullPage });
    return path;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}

/**
 * The browser a test file drives, started before its tests and closed after, and the pane each test
 * opens. Opening a pane closes the one before; whenever a pane closes (at the end of each test too) it
 * must have had no uncaught error on the page, in its console or in its worker, and have fetched
 * nothing from outside.
 */
export function paneSession(): { readonly harness: Harness; open(settings?: Record<string, unknown>, width?: number): Promise<Pane> } {
  let harness: Harness | undefined;
  let current: Pane | undefined;
  const closeCurrent = async (): Promise<void> => {
    if (!current) return;
    const { errors, blocked, context } = current;
    current = undefined;
    await context.close();
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  };
  beforeAll(async () => {
    harness = await Harness.start();
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(closeCurrent);
  return {
    get harness() {
      return harness!;
    },
    async open(settings = {}, width = PANE_WIDTH) {
      await closeCurrent();
      current = await harness!.open(settings, width);
      return current;
    },
  };
}

/** The stub's state: settings as saved, the recorded calls, syncs and bytes per request. */
export async function officeState(page: Page): Promise<{ saved: Record<string, unknown>; saves: number; syncs: number; requestBytes: number[]; log: { api: string; args: unknown[] }[]; associated: string[] }> {
  return page.evaluate(() => {
    const s = (globalThis as unknown as { __officeState: Record<string, unknown> }).__officeState;
    return JSON.parse(JSON.stringify({ saved: s.saved, saves: s.saves, syncs: s.syncs, requestBytes: s.requestBytes, log: s.log, associated: s.associated }));
  });
}

export interface SheetSnapshot {
  name: string;
  cells: Record<string, { value: unknown; formula: string | null; numberFormat: string; bold: boolean }>;
  tables: { name: string; style: string; range: string; headers: unknown[]; rows: number }[];
  charts: { sheet: string; type: string; source: string; seriesBy: string; name: string; title: string; valueFormat: string; position: [string, string]; marks: { series: number; index: number; markerSize?: number; hasDataLabel?: boolean }[] }[];
  frozenRows: number;
  columnWidths: Record<string, number>;
}

export async function workbook(page: Page): Promise<SheetSnapshot[]> {
  return page.evaluate(() => (globalThis as unknown as { __workbookSnapshot: () => unknown }).__workbookSnapshot()) as Promise<SheetSnapshot[]>;
}

/** Waits until the pane has saved its scenarios into the document settings. */
export async function saved(page: Page): Promise<Record<string, unknown>> {
  await page.evaluate(() => (globalThis as unknown as { socialcarePane: { saveNow(): Promise<void> } }).socialcarePane.saveNow());
  await page.locator('[data-save="saved"]').waitFor();
  return (await officeState(page)).saved;
}

/** axe-core, injected into a page for an accessibility scan. */
const AXE = require.resolve("axe-core/axe.min.js");

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousViolations(page: Pane["page"]): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  const all = await page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const result = await axe.run((globalThis as any).document, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(" ")) }));
  });
  return (all as Violation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

