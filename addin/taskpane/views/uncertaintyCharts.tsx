import type { FigureDistribution, Tornado } from "../../../engine/index.js";
import { formatValue, moneyShort } from "../model/format.js";
import { AxisTitle, labelEvery, LEFT, SERIES_COLOURS, TITLE_BAND, useChartWidth } from "./charts.js";

/**
 * The Monte Carlo charts, drawn as SVG like the comparison's: the histogram of a figure's draws or
 * its S-curve (the value at each percentile), with P5, P50 and P95 marked, and the tornado of the
 * figure's sensitivity to each uncertain input. Every number drawn is the engine's.
 */

/** Drawn at the width shown, one SVG unit to a CSS pixel, as the comparison's charts are (see charts.tsx). */

/** Room right of the plot for half of the last x label (they are centred on their ticks). */
const RIGHT = 32;
/** A percentile mark's label line: one line each, so close marks never print over each other. */
const MARK_ROW = 15;

const isMoney = (unit: string) => unit === "£" || unit === "£ a year";

/** An axis label: money short (£9.7m), other units as the pane shows them. */
export function axisValue(value: number, unit: string): string {
  return isMoney(unit) ? moneyShort(value) : formatValue(value, unit);
}

/** The three percentiles marked on both charts. */
export const MARKED = [5, 50, 95] as const;

/** The marks in a director's words: 1 in 20 runs fell below the low mark, half below the middle one. */
export const MARK_WORDS: Record<number, string> = { 5: "low (P5)", 50: "middle (P50)", 95: "high (P95)" };

function marks(figure: FigureDistribution): { p: number; value: number }[] {
  return MARKED.map((p) => ({ p, value: figure.percentiles.find((x) => x.percentile === p)?.value ?? figure.cdf[p]! }));
}

/** x positions for a value range with round ticks, across a chart `W` pixels wide. */
function xScale(lo: number, hi: number, W: number) {
  const axis = lo === hi ? [lo - 1, hi + 1] : ticksAround(lo, hi);
  const a = axis[0]!;
  const b = axis[axis.length - 1]!;
  const xOf = (v: number) => LEFT + ((v - a) / (b - a || 1)) * (W - LEFT - RIGHT);
  return { axis, xOf };
}

/** Round ticks covering lo to hi (which need not include zero). */
function ticksAround(lo: number, hi: number): number[] {
  const span = hi - lo;
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const out: number[] = [];
  for (let i = first; i <= Math.max(last, first + 1); i++) out.push(i * step === 0 ? 0 : i * step);
  return out;
}

/** The x axis: round values, as many labels as fit without touching, and its title with the unit. */
function XAxis(props: { axis: number[]; xOf: (v: number) => number; y: number; unit: string; W: number; title: string }) {
  const { axis, xOf, y, unit, W } = props;
  const every = labelEvery(axis.length > 1 ? xOf(axis[1]!) - xOf(axis[0]!) : W, 64);
  return (
    <g>
      <line x1={LEFT} x2={W - RIGHT} y1={y} y2={y} class="gridline" />
      {axis.map((t, i) =>
        i % every === 0 ? (
          <text x={xOf(t)} y={y + 19} class="axis-label" text-anchor="middle">
            {axisValue(t, unit)}
          </text>
        ) : null,
      )}
      <text x={LEFT + (W - LEFT - RIGHT) / 2} y={y + 35} class="axis-title" text-anchor="middle">
        {props.title}
      </text>
    </g>
  );
}

/** What the x axis measures, with its unit. */
function unitTitle(label: string, unit: string): string {
  return isMoney(unit) ? `${label}, £` : `${label}${unit && unit !== "share" ? `, ${unit}` : ""}`;
}

/** The width a mark's label ("middle (P50)" at 12 px) needs. */
const MARK_LABEL = 96;

function PercentileMarks(props: { figure: FigureDistribution; xOf: (v: number) => number; top: number; bottom: number; W: number }) {
  const { figure, xOf, top, bottom, W } = props;
  return (
    <g>
      {marks(figure).map((m, i) => {
        // Low, middle and high each on a line of their own above the plot, starting at their mark.
        const labelY = top - (MARKED.length - i) * MARK_ROW + 11;
        const x = xOf(m.value);
        // Right of the mark, unless that would run off the chart; the low mark left of it where it fits.
        const before = (i === 0 && x - MARK_LABEL > 0) || x + MARK_LABEL > W;
        return (
          <g class="percentile-mark" data-percentile={m.p}>
            <line x1={xOf(m.value)} x2={xOf(m.value)} y1={labelY + 3} y2={bottom} class={m.p === 50 ? "mark-line median" : "mark-line"} />
            <text x={x} y={labelY} class="mark-label" text-anchor={before ? "end" : "start"} dx={before ? -3 : 3}>
              {MARK_WORDS[m.p]}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function describeMarks(figure: FigureDistribution): string {
  return marks(figure)
    .map((m) => `P${m.p} ${axisValue(m.value, figure.unit)}`)
    .join(", ");
}

export function Histogram(props: { figure: FigureDistribution; draws: number }) {
  const { figure } = props;
  const { edges, counts } = figure.histogram;
  const [ref, W] = useChartWidth();
  const H = 260;
  const top = TITLE_BAND + MARKED.length * MARK_ROW + 8;
  const bottom = 40;
  const { axis, xOf } = xScale(edges[0]!, edges[edges.length - 1]!, W);
  // The y axis in shares of the draws, with round ticks from zero to the tallest bar.
  const shares = ticksAround(0, Math.max(1, ...counts) / props.draws);
  const top100 = shares[shares.length - 1]!;
  const plotH = H - top - bottom;
  const yOf = (count: number) => top + plotH - (count / props.draws / top100) * plotH;
  const yOfShare = (share: number) => top + plotH - (share / top100) * plotH;
  const share = (count: number) => `${((count / props.draws) * 100).toFixed(1)}%`;
  return (
    <figure class="chart" data-chart="histogram" ref={ref}>
      <figcaption>
        {figure.label}: how often each value came up in {props.draws.toLocaleString("en-GB")} runs
      </figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Histogram of ${figure.label}: ${describeMarks(figure)}.`}>
        <AxisTitle x={4} text="Share of runs" />
        {shares.map((t) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={yOfShare(t)} y2={yOfShare(t)} class="gridline" />
            <text x={LEFT - 4} y={yOfShare(t) + 4} class="axis-label" text-anchor="end">
              {`${(t * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`}
            </text>
          </g>
        ))}
        {counts.map((count, i) => {
          const x0 = xOf(edges[i]!);
          const x1 = xOf(edges[i + 1]!);
          return (
            <rect x={x0} y={yOf(count)} width={Math.max(1, x1 - x0 - 0.5)} height={Math.max(0, yOf(0) - yOf(count))} fill={SERIES_COLOURS[0]} opacity={0.85}>
              <title>{`${axisValue(edges[i]!, figure.unit)} to ${axisValue(edges[i + 1]!, figure.unit)}: ${count.toLocaleString("en-GB")} draws (${share(count)})`}</title>
            </rect>
          );
        })}
        <PercentileMarks figure={figure} xOf={xOf} top={top} bottom={H - bottom} W={W} />
        <XAxis axis={axis} xOf={xOf} y={H - bottom} unit={figure.unit} W={W} title={unitTitle(figure.label, figure.unit)} />
      </svg>
    </figure>
  );
}

export function SCurve(props: { figure: FigureDistribution }) {
  const { figure } = props;
  const cdf = figure.cdf;
  const [ref, W] = useChartWidth();
  const H = 270;
  const top = TITLE_BAND + MARKED.length * MARK_ROW + 8;
  const bottom = 40;
  const { axis, xOf } = xScale(cdf[0]!, cdf[cdf.length - 1]!, W);
  const plotH = H - top - bottom;
  const yOf = (p: number) => top + plotH - (p / 100) * plotH;
  const points = cdf.map((v, p) => `${xOf(v).toFixed(1)},${yOf(p).toFixed(1)}`).join(" ");
  return (
    <figure class="chart" data-chart="scurve" ref={ref}>
      <figcaption>{figure.label}: the chance of a value at or below each amount (S-curve)</figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`S-curve of ${figure.label}: ${describeMarks(figure)}.`}>
        <AxisTitle x={4} text="Chance of this or less" />
        {[0, 25, 50, 75, 100].map((p) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={yOf(p)} y2={yOf(p)} class="gridline" />
            <text x={LEFT - 4} y={yOf(p) + 4} class="axis-label" text-anchor="end">
              {p}%
            </text>
          </g>
        ))}
        <polyline points={points} fill="none" stroke={SERIES_COLOURS[0]} stroke-width={2} />
        {marks(figure).map((m) => (
          <circle cx={xOf(m.value)} cy={yOf(m.p)} r={3} fill={SERIES_COLOURS[1]}>
            <title>{`P${m.p}: ${axisValue(m.value, figure.unit)}`}</title>
          </circle>
        ))}
        <PercentileMarks figure={figure} xOf={xOf} top={top} bottom={H - bottom} W={W} />
        <XAxis axis={axis} xOf={xOf} y={H - bottom} unit={figure.unit} W={W} title={unitTitle(figure.label, figure.unit)} />
      </svg>
    </figure>
  );
}

/** The tornado: one bar per uncertain input from the figure at its low to the figure at its high, widest first. */
export function TornadoChart(props: { tornado: Tornado; max?: number }) {
  const { tornado } = props;
  const bars = tornado.bars.slice(0, props.max ?? 10);
  const [ref, W] = useChartWidth();
  // A label line and a 12 px bar per input, with a gap, so labels never touch the bar above.
  const rowH = 36;
  const top = 6;
  const bottom = 40;
  const H = top + bars.length * rowH + bottom;
  const values = bars.flatMap((b) => [b.figureAtLow, b.figureAtHigh]).concat(tornado.central);
  const { axis, xOf } = xScale(Math.min(...values), Math.max(...values), W);
  const left = 8;
  return (
    <figure class="chart" data-chart="tornado" ref={ref}>
      <figcaption>
        {tornado.label}: the swing as each input moves from its P{tornado.tail} to its P{100 - tornado.tail}, the others at their central values
      </figcaption>
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Tornado of ${tornado.label}: ${bars.map((b) => `${b.label} swings ${axisValue(b.swing, tornado.unit)}`).join("; ")}.`}
      >
        <line x1={xOf(tornado.central)} x2={xOf(tornado.central)} y1={top} y2={H - bottom} class="zeroline" />
        {bars.map((b, i) => {
          const y = top + i * rowH;
          const lowX = xOf(b.figureAtLow);
          const highX = xOf(b.figureAtHigh);
          const centralX = xOf(tornado.central);
          return (
            <g class="tornado-bar" data-input={b.key}>
              <text x={left} y={y + 12} class="bar-label">
                {b.label}
              </text>
              <rect x={Math.min(lowX, centralX)} y={y + 18} width={Math.max(1, Math.abs(centralX - lowX))} height={12} fill={SERIES_COLOURS[0]}>
                <title>{`${b.label} at its low (${formatValue(b.low, b.unit)}): ${axisValue(b.figureAtLow, tornado.unit)}`}</title>
              </rect>
              <rect x={Math.min(highX, centralX)} y={y + 18} width={Math.max(1, Math.abs(highX - centralX))} height={12} fill={SERIES_COLOURS[1]}>
                <title>{`${b.label} at its high (${formatValue(b.high, b.unit)}): ${axisValue(b.figureAtHigh, tornado.unit)}`}</title>
              </rect>
            </g>
          );
        })}
        <XAxis axis={axis} xOf={xOf} y={H - bottom} unit={tornado.unit} W={W} title={unitTitle(tornado.label, tornado.unit)} />
      </svg>
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="swatch" style={{ background: SERIES_COLOURS[0] }} />
          input at its low
        </li>
        <li>
          <span class="swatch" style={{ background: SERIES_COLOURS[1] }} />
          input at its high
        </li>
      </ul>
    </figure>
  );
}

