import type { FigureDistribution, Tornado } from "../../../engine/index.js";
import { formatValue, moneyShort } from "../model/format.js";
import { SERIES_COLOURS } from "./charts.js";

/**
 * The Monte Carlo charts, drawn as SVG like the comparison's: the histogram of a figure's draws or
 * its S-curve (the value at each percentile), with P5, P50 and P95 marked, and the tornado of the
 * figure's sensitivity to each uncertain input. Every number drawn is the engine's.
 */

const W = 320;
const LEFT = 40;
const RIGHT = 10;

const isMoney = (unit: string) => unit === "£" || unit === "£ a year";

/** An axis label: money short (£9.7m), other units as the pane shows them. */
export function axisValue(value: number, unit: string): string {
  return isMoney(unit) ? moneyShort(value) : formatValue(value, unit);
}

/** The three percentiles marked on both charts. */
export const MARKED = [5, 50, 95] as const;

function marks(figure: FigureDistribution): { p: number; value: number }[] {
  return MARKED.map((p) => ({ p, value: figure.percentiles.find((x) => x.percentile === p)?.value ?? figure.cdf[p]! }));
}

/** x positions for a value range with round ticks. */
function xScale(lo: number, hi: number) {
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

function XAxis(props: { axis: number[]; xOf: (v: number) => number; y: number; unit: string }) {
  const { axis, xOf, y, unit } = props;
  // Every other label where five would crowd the narrow pane.
  const every = axis.length > 5 ? 2 : 1;
  return (
    <g>
      <line x1={LEFT} x2={W - RIGHT} y1={y} y2={y} class="gridline" />
      {axis.map((t, i) =>
        i % every === 0 ? (
          <text x={xOf(t)} y={y + 12} class="axis-label" text-anchor={i === 0 ? "start" : i === axis.length - 1 ? "end" : "middle"}>
            {axisValue(t, unit)}
          </text>
        ) : null,
      )}
    </g>
  );
}

function PercentileMarks(props: { figure: FigureDistribution; xOf: (v: number) => number; top: number; bottom: number }) {
  const { figure, xOf, top, bottom } = props;
  return (
    <g>
      {marks(figure).map((m, i) => (
        <g class="percentile-mark" data-percentile={m.p}>
          <line x1={xOf(m.value)} x2={xOf(m.value)} y1={top} y2={bottom} class={m.p === 50 ? "mark-line median" : "mark-line"} />
          <text x={xOf(m.value)} y={top - 2 + (i === 1 ? 0 : 0)} class="mark-label" text-anchor={i === 0 ? "end" : i === 2 ? "start" : "middle"}>
            P{m.p}
          </text>
        </g>
      ))}
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
  const H = 180;
  const top = 16;
  const bottom = 24;
  const { axis, xOf } = xScale(edges[0]!, edges[edges.length - 1]!);
  const most = Math.max(1, ...counts);
  const plotH = H - top - bottom;
  const yOf = (count: number) => top + plotH - (count / most) * plotH;
  const share = (count: number) => `${((count / props.draws) * 100).toFixed(1)}%`;
  return (
    <figure class="chart" data-chart="histogram">
      <figcaption>
        {figure.label}: how often each value came up in {props.draws.toLocaleString("en-GB")} draws
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Histogram of ${figure.label}: ${describeMarks(figure)}.`}>
        {counts.map((count, i) => {
          const x0 = xOf(edges[i]!);
          const x1 = xOf(edges[i + 1]!);
          return (
            <rect x={x0} y={yOf(count)} width={Math.max(1, x1 - x0 - 0.5)} height={Math.max(0, yOf(0) - yOf(count))} fill={SERIES_COLOURS[0]} opacity={0.85}>
              <title>{`${axisValue(edges[i]!, figure.unit)} to ${axisValue(edges[i + 1]!, figure.unit)}: ${count.toLocaleString("en-GB")} draws (${share(count)})`}</title>
            </rect>
          );
        })}
        <PercentileMarks figure={figure} xOf={xOf} top={top} bottom={H - bottom} />
        <XAxis axis={axis} xOf={xOf} y={H - bottom} unit={figure.unit} />
      </svg>
    </figure>
  );
}

export function SCurve(props: { figure: FigureDistribution }) {
  const { figure } = props;
  const cdf = figure.cdf;
  const H = 190;
  const top = 16;
  const bottom = 24;
  const { axis, xOf } = xScale(cdf[0]!, cdf[cdf.length - 1]!);
  const plotH = H - top - bottom;
  const yOf = (p: number) => top + plotH - (p / 100) * plotH;
  const points = cdf.map((v, p) => `${xOf(v).toFixed(1)},${yOf(p).toFixed(1)}`).join(" ");
  return (
    <figure class="chart" data-chart="scurve">
      <figcaption>{figure.label}: the chance of a value at or below each amount (S-curve)</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`S-curve of ${figure.label}: ${describeMarks(figure)}.`}>
        {[0, 25, 50, 75, 100].map((p) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={yOf(p)} y2={yOf(p)} class="gridline" />
            <text x={LEFT - 4} y={yOf(p) + 3} class="axis-label" text-anchor="end">
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
        <PercentileMarks figure={figure} xOf={xOf} top={top} bottom={H - bottom} />
        <XAxis axis={axis} xOf={xOf} y={H - bottom} unit={figure.unit} />
      </svg>
    </figure>
  );
}

/** The tornado: one bar per uncertain input from the figure at its low to the figure at its high, widest first. */
export function TornadoChart(props: { tornado: Tornado; max?: number }) {
  const { tornado } = props;
  const bars = tornado.bars.slice(0, props.max ?? 10);
  const rowH = 30;
  const top = 6;
  const H = top + bars.length * rowH + 22;
  const values = bars.flatMap((b) => [b.figureAtLow, b.figureAtHigh]).concat(tornado.central);
  const { axis, xOf } = xScale(Math.min(...values), Math.max(...values));
  const left = 8;
  return (
    <figure class="chart" data-chart="tornado">
      <figcaption>
        {tornado.label}: the swing as each input moves from its P{tornado.tail} to its P{100 - tornado.tail}, the others at their central values
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Tornado of ${tornado.label}: ${bars.map((b) => `${b.label} swings ${axisValue(b.swing, tornado.unit)}`).join("; ")}.`}
      >
        <line x1={xOf(tornado.central)} x2={xOf(tornado.central)} y1={top} y2={H - 22} class="zeroline" />
        {bars.map((b, i) => {
          const y = top + i * rowH;
          const lowX = xOf(b.figureAtLow);
          const highX = xOf(b.figureAtHigh);
          const centralX = xOf(tornado.central);
          return (
            <g class="tornado-bar" data-input={b.key}>
              <text x={left} y={y + 9} class="bar-label">
                {b.label}
              </text>
              <rect x={Math.min(lowX, centralX)} y={y + 12} width={Math.max(1, Math.abs(centralX - lowX))} height={12} fill={SERIES_COLOURS[0]}>
                <title>{`${b.label} at its low (${formatValue(b.low, b.unit)}): ${axisValue(b.figureAtLow, tornado.unit)}`}</title>
              </rect>
              <rect x={Math.min(highX, centralX)} y={y + 12} width={Math.max(1, Math.abs(highX - centralX))} height={12} fill={SERIES_COLOURS[1]}>
                <title>{`${b.label} at its high (${formatValue(b.high, b.unit)}): ${axisValue(b.figureAtHigh, tornado.unit)}`}</title>
              </rect>
            </g>
          );
        })}
        <XAxis axis={axis} xOf={xOf} y={H - 22} unit={tornado.unit} />
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

