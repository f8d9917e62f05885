import type { Ref } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { moneyShort, money, pounds } from "../model/format.js";

/**
 * The comparison's charts, drawn as SVG in the pane (no chart library): transition spend by year
 * stacked by category, run cost by tier, and the cumulative cash flow with its payback point. Each
 * has a text alternative; the tables beside them hold the same numbers.
 */

/** Fluent's data-visualisation colours, distinct in order. */
export const SERIES_COLOURS = ["#0f6cbd", "#ca5010", "#8764b8", "#038387", "#c239b3", "#498205", "#986f0b", "#4f6bed"];

/** Round numbers for an axis from lo to hi (lo ≤ 0 ≤ hi). */
export function ticks(lo: number, hi: number, count = 4): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  // From the step at or below lo to the step at or above hi, so every value fits inside the axis.
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const out: number[] = [];
  for (let i = first; i <= Math.max(last, first + 1); i++) out.push(i === 0 ? 0 : i * step);
  return out;
}

function Legend(props: { items: { label: string; colour: string }[] }) {
  return (
    <ul class="legend" aria-hidden="true">
      {props.items.map((i) => (
        <li>
          <span class="swatch" style={{ background: i.colour }} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Charts are drawn at the width they are shown, one SVG unit to one CSS pixel, so their text is the
 * size the stylesheet sets (12 px) at any pane width instead of growing and shrinking with it; heights
 * are fixed in pixels, so a wide pane gives wider charts, never taller, emptier ones.
 */
const NARROW = 200;
/** The widest a chart is drawn: beyond this lines get too long to follow. */
const WIDEST = 720;
/** Room for a money axis label (−£12.5m at 12 px) left of the plot. */
export const LEFT = 68;
export const RIGHT = 10;
/** Room above the plot for the y axis's title. */
export const TITLE_BAND = 20;
/** The width a year label (2025/26 at 12 px) needs, with a gap. */
const YEAR_LABEL = 56;

/** The figure's width in CSS pixels as it is laid out, followed as the pane is resized. */
export function useChartWidth(): [Ref<HTMLElement>, number] {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(320);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(NARROW, Math.min(WIDEST, Math.floor(el.clientWidth))));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Every nth label, so labels `labelWidth` pixels wide, centred `step` pixels apart, never touch. */
export function labelEvery(step: number, labelWidth: number): number {
  return Math.max(1, Math.ceil(labelWidth / Math.max(1, step)));
}

/** The y axis's title, above the plot at the left: what is measured and in what unit. */
export function AxisTitle(props: { x: number; text: string }) {
  return (
    <text x={props.x} y={13} class="axis-title">
      {props.text}
    </text>
  );
}

/** One stack of a year-by-year bar chart: its values by year, colour, and the hover text of a bar. */
interface Stack {
  label: string;
  values: number[];
  colour: string;
  /** The hover text of its bar in year `y`. */
  describe: (y: number, year: string) => string;
}

/**
 * Bars by financial year, stacked, on a value axis from 0: the transition spend and the workforce
 * charts. `inset` keeps the first and last year's labels clear of the y axis's labels and the edge
 * when the years are many.
 */
function StackedYearChart(props: { chart: string; title: string; summary: string; yTitle: string; tick: (v: number) => string; years: string[]; stacks: Stack[]; inset?: number }) {
  const { years, stacks } = props;
  const inset = props.inset ?? 0;
  const [ref, W] = useChartWidth();
  const H = 200;
  const top = TITLE_BAND + 6;
  const bottom = 38;
  const totals = years.map((_, y) => stacks.reduce((s, c) => s + Math.max(0, c.values[y] ?? 0), 0));
  const axis = ticks(0, Math.max(1, ...totals));
  const max = axis[axis.length - 1]!;
  const plotH = H - top - bottom;
  const yOf = (v: number) => top + plotH - (v / max) * plotH;
  const band = (W - LEFT - RIGHT - 2 * inset) / Math.max(1, years.length);
  const barW = Math.min(48, band * 0.6);
  const every = labelEvery(band, YEAR_LABEL);
  return (
    <figure class="chart" data-chart={props.chart} ref={ref}>
      <figcaption>{props.title}</figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.summary}>
        <AxisTitle x={4} text={props.yTitle} />
        {axis.map((t) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={yOf(t)} y2={yOf(t)} class="gridline" />
            <text x={LEFT - 4} y={yOf(t) + 3} class="axis-label" text-anchor="end">
              {props.tick(t)}
            </text>
          </g>
        ))}
        {years.map((year, y) => {
          let base = 0;
          const x = LEFT + inset + band * y + (band - barW) / 2;
          return (
            <g>
              {stacks.map((c) => {
                const v = Math.max(0, c.values[y] ?? 0);
                const y1 = yOf(base + v);
                const h = yOf(base) - y1;
                base += v;
                return v > 0 ? (
                  <rect x={x} y={y1} width={barW} height={h} fill={c.colour}>
                    <title>{c.describe(y, year)}</title>
                  </rect>
                ) : null;
              })}
              {y % every === 0 ? (
                <text x={x + barW / 2} y={H - bottom + 16} class="axis-label" text-anchor="middle">
                  {year}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={LEFT + (W - LEFT - RIGHT) / 2} y={H - 4} class="axis-title" text-anchor="middle">
          Financial year
        </text>
      </svg>
      <Legend items={stacks.map((c) => ({ label: c.label, colour: c.colour }))} />
    </figure>
  );
}

/**
 * `shown` (per category) and `yearTotals` are the whole pounds the table beside the chart shows,
 * allocated so they add up; the bars are drawn from the exact values.
 */
export function TransitionChart(props: { title: string; years: string[]; categories: { label: string; values: number[]; shown: number[] }[]; yearTotals: number[] }) {
  const stacks = props.categories
    .map((c, i): Stack => ({ label: c.label, values: c.values, colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!, describe: (y, year) => `${c.label}, ${year}: ${pounds(c.shown[y] ?? 0)}` }))
    .filter((c) => c.values.some((v) => v !== 0));
  const summary = `${props.title}: ${props.years.map((y, i) => `${y} ${pounds(props.yearTotals[i] ?? 0)}`).join(", ")}.`;
  return <StackedYearChart chart="transition" title={props.title} summary={summary} yTitle="£ spent in the year" tick={moneyShort} years={props.years} stacks={stacks} />;
}

/**
 * The whole workforce at each year's end through the move, stacked: people in post, agency workers
 * covering vacant posts, and vacant posts no one covers; the stack's height is the posts established.
 * Ten years in a narrow pane: the bars sit half a year label in from each side.
 */
export function WorkforceChart(props: { title: string; years: string[]; inPost: number[]; agency: number[]; uncovered: number[] }) {
  const fte = (v: number) => v.toLocaleString("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const stack = (label: string, values: number[], colour: string): Stack => ({ label, values, colour, describe: (y, year) => `${label}, ${year}: ${fte(Math.max(0, values[y] ?? 0))} FTE` });
  const stacks = [stack("In post", props.inPost, SERIES_COLOURS[0]!), stack("Agency", props.agency, SERIES_COLOURS[1]!), stack("Vacant, not covered", props.uncovered, SERIES_COLOURS[2]!)];
  const summary = `${props.title}: ${props.years.map((y, i) => `${y} ${fte(props.inPost[i] ?? 0)} in post, ${fte(props.agency[i] ?? 0)} agency, ${fte(props.uncovered[i] ?? 0)} vacant not covered`).join("; ")}.`;
  return <StackedYearChart chart="workforce" title={props.title} summary={summary} yTitle="FTE at the year's end" tick={(t) => t.toLocaleString("en-GB")} years={props.years} stacks={stacks} inset={YEAR_LABEL / 2} />;
}

export function TierCostChart(props: { tiers: string[]; series: { name: string; values: number[] }[] }) {
  const { tiers, series } = props;
  const [ref, W] = useChartWidth();
  // Fixed pixel rows: a label line, then one 10 px bar per scenario.
  const barH = 10;
  const labelH = 16;
  const rowH = labelH + series.length * barH + 8;
  const top = 4;
  const bottom = 36;
  const H = top + tiers.length * rowH + bottom;
  const axis = ticks(0, Math.max(1, ...series.flatMap((s) => s.values)));
  const max = axis[axis.length - 1]!;
  const left = 8;
  const right = RIGHT + 16;
  const xOf = (v: number) => left + (v / max) * (W - left - right);
  const every = labelEvery(xOf(axis[1] ?? max) - xOf(axis[0]!), 56);
  return (
    <figure class="chart" data-chart="tiers" ref={ref}>
      <figcaption>Run cost by tier (£ a year)</figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Run cost by tier: ${tiers.map((t, i) => `${t} ${series.map((s) => `${s.name} ${money(s.values[i] ?? 0)}`).join(", ")}`).join("; ")}.`}>
        {axis.map((t, i) => (
          <g>
            <line x1={xOf(t)} x2={xOf(t)} y1={top} y2={H - bottom} class="gridline" />
            {i % every === 0 ? (
              <text x={xOf(t)} y={H - bottom + 14} class="axis-label" text-anchor={t === 0 ? "start" : "middle"}>
                {moneyShort(t)}
              </text>
            ) : null}
          </g>
        ))}
        {tiers.map((tier, i) => {
          const y0 = top + i * rowH;
          return (
            <g>
              <text x={left} y={y0 + labelH - 4} class="bar-label">
                {tier}
              </text>
              {series.map((s, k) => {
                const v = s.values[i] ?? 0;
                return (
                  <rect x={xOf(0)} y={y0 + labelH + k * barH} width={Math.max(0, xOf(v) - xOf(0))} height={barH - 1} fill={SERIES_COLOURS[k % SERIES_COLOURS.length]}>
                    <title>{`${tier}, ${s.name}: ${money(v)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        <text x={left + (W - left - right) / 2} y={H - 4} class="axis-title" text-anchor="middle">
          Run cost, £ a year
        </text>
      </svg>
      <Legend items={series.map((s, k) => ({ label: s.name, colour: SERIES_COLOURS[k % SERIES_COLOURS.length]! }))} />
    </figure>
  );
}

export function CashFlowChart(props: { years: string[]; series: { name: string; values: (number | null)[]; payback: number | null; colour: string }[] }) {
  const { years, series } = props;
  const [ref, W] = useChartWidth();
  // A band above the plot for the payback labels, one line per option that pays back, so a label
  // never sits on a line of the chart.
  const paying = series.filter((s) => s.payback !== null && s.values[s.payback] !== null && s.values[s.payback] !== undefined);
  const band = paying.length * 16;
  const H = 220 + band;
  const top = TITLE_BAND + band + 6;
  const bottom = 38;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const axis = ticks(Math.min(0, ...all), Math.max(0, ...all));
  const lo = axis[0]!;
  const hi = axis[axis.length - 1]!;
  const plotH = H - top - bottom;
  const yOf = (v: number) => top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  // The first and last year's labels (centred on their points) stay clear of the y axis's labels and the edge.
  const step = (W - LEFT - RIGHT - YEAR_LABEL) / Math.max(1, years.length - 1);
  const xOf = (i: number) => LEFT + YEAR_LABEL / 2 + i * step;
  const every = labelEvery(step, YEAR_LABEL);
  const describe = series.map((s) => `${s.name}: ${s.payback === null ? "no payback within the appraisal" : `pays back in ${years[s.payback]}`}`).join("; ");
  return (
    <figure class="chart" data-chart="cashflow" ref={ref}>
      <figcaption>Cumulative cash flow (real terms; above zero is a net saving)</figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Cumulative cash flow. ${describe}.`}>
        <AxisTitle x={4} text="£ saved to date" />
        {axis.map((t) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={yOf(t)} y2={yOf(t)} class={t === 0 ? "zeroline" : "gridline"} />
            <text x={LEFT - 4} y={yOf(t) + 4} class="axis-label" text-anchor="end">
              {moneyShort(t)}
            </text>
          </g>
        ))}
        {years.map((y, i) =>
          i % every === 0 ? (
            <text x={xOf(i)} y={H - bottom + 16} class="axis-label" text-anchor="middle">
              {y}
            </text>
          ) : null,
        )}
        <text x={LEFT + (W - LEFT - RIGHT) / 2} y={H - 4} class="axis-title" text-anchor="middle">
          Financial year
        </text>
        {series.map((s) => {
          const points = s.values.map((v, i) => (v === null ? null : `${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`)).filter(Boolean);
          return (
            <g>
              <polyline points={points.join(" ")} fill="none" stroke={s.colour} stroke-width={2} />
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle cx={xOf(i)} cy={yOf(v)} r={2.5} fill={s.colour}>
                    <title>{`${s.name}, ${years[i]}: ${money(v)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
        {paying.map((s, k) => {
          const x = xOf(s.payback!);
          const y = yOf(s.values[s.payback!]!);
          const labelY = TITLE_BAND + 12 + k * 16;
          // Anchored so the label stays inside the chart at either end.
          const anchor = x < LEFT + 60 ? "start" : x > W - RIGHT - 60 ? "end" : "middle";
          return (
            <g class="payback" data-payback={years[s.payback!]}>
              <line x1={x} x2={x} y1={labelY + 3} y2={y - 7} class="leader" stroke={s.colour} />
              <path d={`M ${x} ${y - 7} l 6 7 l -6 7 l -6 -7 z`} fill="#fff" stroke={s.colour} stroke-width={2} />
              <text x={x} y={labelY} class="mark-label" text-anchor={anchor}>
                {paying.length > 1 ? `${s.name}: ` : ""}pays back {years[s.payback!]}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend items={series.map((s) => ({ label: `${s.name}${s.payback === null ? " (no payback)" : ""}`, colour: s.colour }))} />
    </figure>
  );
}
