import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { listPresets } from "../../engine/index.js";
import { ROOT, paneSession, type Pane } from "./harness.js";
import { openRunsAndSeed, openTab } from "./tabs.js";

/**
 * The pane's charts at 320, 400 and 1,000 px: text at 12 CSS pixels whatever the width (each chart
 * drawn at the width shown, not scaled), axes with titles, labels that neither touch each other nor
 * sit on a line, a y axis on the histogram, and the by-tier chart the same height at any width.
 * Screenshots of Compare's charts go to the task pane guide.
 */

const GUIDE_IMAGES = join(ROOT, "docs", "images", "taskpane");
const presetName = (id: string) => listPresets().find((p) => p.id === id)!.name;
/** What a select shows for a preset: its short name (the full name is its title). */
const shortName = (id: string) => listPresets().find((p) => p.id === id)!.shortName;

const session = paneSession();
let pane: Pane;

interface ChartFacts {
  chart: string;
  /** Rendered width ÷ drawn width: 1 when the chart is not scaled. */
  scale: number;
  height: number;
  /** Font sizes of every text, in CSS pixels as rendered. */
  fontSizes: number[];
  axisTitles: string[];
  /** Pairs of labels whose boxes overlap. */
  touching: string[];
  /** Texts that run outside the chart's box (cut off in the pane). */
  outside: string[];
  /** Labels of payback marks that cross a line of the chart. */
  onALine: string[];
  /** Texts on the y axis (left of the plot), for the histogram. */
  yLabels: string[];
}

async function chartFacts(page: Pane["page"]): Promise<ChartFacts[]> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const out: any[] = [];
    for (const fig of Array.from(doc.querySelectorAll("figure.chart")) as any[]) {
      const svg = fig.querySelector("svg");
      const box = svg.getBoundingClientRect();
      const drawn = svg.viewBox.baseVal.width;
      const texts = Array.from(svg.querySelectorAll("text")) as any[];
      const rects = texts.map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
      const overlap = (a: any, b: any) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const outside = rects.filter((x) => x.r.left < box.left - 1 || x.r.right > box.right + 1 || x.r.top < box.top - 1 || x.r.bottom > box.bottom + 1).map((x) => x.text);
      const touching: string[] = [];
      for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) if (overlap(rects[i].r, rects[j].r)) touching.push(`${rects[i].text} / ${rects[j].text}`);
      // A payback label crosses a line when a point of any polyline segment lies inside its box.
      const onALine: string[] = [];
      const ctm = svg.getScreenCTM();
      for (const label of Array.from(svg.querySelectorAll("g.payback text")) as any[]) {
        const r = label.getBoundingClientRect();
        for (const line of Array.from(svg.querySelectorAll("polyline")) as any[]) {
          const pts = Array.from(line.points as ArrayLike<any>).map((p: any) => ({ x: ctm.a * p.x + ctm.e, y: ctm.d * p.y + ctm.f }));
          for (let k = 1; k < pts.length; k++) {
            for (let s = 0; s <= 1; s += 0.01) {
              const x = pts[k - 1].x + (pts[k].x - pts[k - 1].x) * s;
              const y = pts[k - 1].y + (pts[k].y - pts[k - 1].y) * s;
              if (x > r.left && x < r.right && y > r.top && y < r.bottom) onALine.push(label.textContent);
            }
          }
        }
      }
      const plotLeft = box.left + 68;
      out.push({
        chart: fig.getAttribute("data-chart"),
        scale: box.width / drawn,
        height: box.height,
        fontSizes: texts.map((t) => parseFloat((globalThis as any).getComputedStyle(t).fontSize) * (box.width / drawn)),
        axisTitles: (Array.from(svg.querySelectorAll("text.axis-title")) as any[]).map((t) => t.textContent),
        touching,
        outside,
        onALine: [...new Set(onALine)],
        yLabels: rects.filter((x) => x.r.right <= plotLeft && /%$/.test(x.text)).map((x) => x.text),
      });
    }
    return out;
  });
}

function expectLegible(facts: ChartFacts[]): void {
  expect(facts.length).toBeGreaterThan(0);
  for (const f of facts) {
    expect({ chart: f.chart, scale: Math.round(f.scale * 100) / 100 }).toEqual({ chart: f.chart, scale: 1 });
    expect({ chart: f.chart, sizes: [...new Set(f.fontSizes.map((s) => Math.round(s)))] }).toEqual({ chart: f.chart, sizes: [12] });
    expect({ chart: f.chart, titled: f.axisTitles.length > 0 }).toEqual({ chart: f.chart, titled: true });
    expect({ chart: f.chart, touching: f.touching }).toEqual({ chart: f.chart, touching: [] });
    expect({ chart: f.chart, onALine: f.onALine }).toEqual({ chart: f.chart, onALine: [] });
    expect({ chart: f.chart, outside: f.outside }).toEqual({ chart: f.chart, outside: [] });
  }
}

async function guideShot(name: string): Promise<void> {
  const path = await session.harness.screenshot(pane, name);
  mkdirSync(GUIDE_IMAGES, { recursive: true });
  copyFileSync(path, join(GUIDE_IMAGES, `${name}.png`));
}

/** One chart on its own, for the guide's close-ups. */
async function chartShot(chart: string, width: number): Promise<void> {
  mkdirSync(GUIDE_IMAGES, { recursive: true });
  await pane.page.locator(`figure[data-chart="${chart}"]`).first().screenshot({ path: join(GUIDE_IMAGES, `chart-${chart}-${width}.png`) });
}

const tierHeights = new Map<number, number>();

for (const width of [320, 400, 1000]) {
  test(`charts at ${width} px: 12 px text, titled axes, no label on another or on a line`, async () => {
    pane = await session.open({}, width);
    const { page } = pane;
    // Three scenarios, so two payback labels share the cash-flow chart.
    await openTab(page, "Compare");
    await page.getByLabel("Baseline").selectOption({ label: shortName("england-2025") });
    await page.getByLabel("Option 1", { exact: true }).selectOption({ label: shortName("cluster") });
    await page.getByLabel("Add option 2").selectOption({ label: shortName("reclaim") });
    await page.locator('figure[data-chart="cashflow"]').waitFor();
    await page.waitForTimeout(200);
    const compare = await chartFacts(page);
    expect(compare.map((f) => f.chart).sort()).toEqual(["cashflow", "tiers", "transition", "transition", "workforce", "workforce"]);
    expectLegible(compare);
    tierHeights.set(width, compare.find((f) => f.chart === "tiers")!.height);
    await guideShot(`compare-charts-${width}`);
    for (const chart of ["transition", "workforce", "tiers", "cashflow"]) await chartShot(chart, width);

    await openTab(page, "Uncertainty");
    await openRunsAndSeed(page);
    await page.getByLabel("Draws", { exact: true }).fill("2000");
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator('figure[data-chart="tornado"]').waitFor();
    await page.waitForTimeout(200);
    const uncertainty = await chartFacts(page);
    expect(uncertainty.map((f) => f.chart).sort()).toEqual(["histogram", "tornado"]);
    expectLegible(uncertainty);
    // The histogram has a y axis: shares of the runs, from 0%.
    const histogram = uncertainty.find((f) => f.chart === "histogram")!;
    expect(histogram.yLabels[0]).toBe("0%");
    expect(histogram.yLabels.length).toBeGreaterThanOrEqual(2);
    await guideShot(`uncertainty-charts-${width}`);
    for (const chart of ["histogram", "tornado"]) await chartShot(chart, width);
  });
}

test("the run cost by tier is as tall at 1,000 px as at 320 px: wider, never stretched", () => {
  expect(tierHeights.size).toBe(3);
  expect(tierHeights.get(1000)).toBe(tierHeights.get(320));
  expect(tierHeights.get(400)).toBe(tierHeights.get(320));
});
