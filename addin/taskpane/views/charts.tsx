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

const W = 320;
const LEFT = 46;
const RIGHT = 8;

/**
 * `shown` (per category) and `yearTotals` are the whole pounds the table beside the chart shows,
 * allocated so they add up; the bars are drawn from the exact values.
 */
export function TransitionChart(props: { title: string; years: string[]; categories: { label: string; values: number[]; shown: number[] }[]; yearTotals: number[] }) {
  const { years, categories } = props;
  const H = 170;
  const top = 8;
  const bottom = 22;
  const totals = years.map((_, y) => categories.reduce((s, c) => s + Math.max(0, c.values[y] ?? 0), 0));
  const axis = ticks(0, Math.max(1, ...totals));
  const max = axis[axis.length - 1]!;
  const plotH = H - top - bottom;
  const yOf = (v: number) => top + plotH - (v / max) * plotH;
  const band = (W - LEFT - RIGHT) / Math.max(1, years.length);
  const barW = Math.min(48, band * 0.6);
  const shown = categories.map((c, i) => ({ ...c, colour: SERIES_COLOURS[i % SERIES_COLOURS.length]! })).filter((c) => c.values.some((v) => v !== 0));
  const summary = `${props.title}: ${years.map((y, i) => `${y} ${pounds(props.yearTotals[i] ?? 0)}`).join(", ")}.`;
  return (
    <figure class="chart" data-chart="transition">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {axis.map((t) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={yOf(t)} y2={yOf(t)} class="gridline" />
            <text x={LEFT - 4} y={yOf(t) + 3} class="axis-label" text-anchor="end">
              {moneyShort(t)}
            </text>
          </g>
        ))}
        {years.map((year, y) => {
          let base = 0;
          const x = LEFT + band * y + (band - barW) / 2;
          return (
            <g>
              {shown.map((c) => {
                const v = Math.max(0, c.values[y] ?? 0);
                const y1 = yOf(base + v);
                const h = yOf(base) - y1;
                base += v;
                return v > 0 ? (
                  <rect x={x} y={y1} width={barW} height={h} fill={c.colour}>
                    <title>{`${c.label}, ${year}: ${pounds(c.shown[y] ?? 0)}`}</title>
                  </rect>
                ) : null;
              })}
              <text x={x + barW / 2} y={H - 8} class="axis-label" text-anchor="middle">
                {year}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend items={shown.map((c) => ({ label: c.label, colour: c.colour }))} />
    </figure>
  );
}

export function TierCostChart(props: { tiers: string[]; series: { name: string; values: number[] }[] }) {
  const { tiers, series } = props;
  const rowH = Math.max(8, 22 / Math.max(1, series.length)) * series.length + 10;
  const top = 4;
  const labelH = 12;
  const H = top + tiers.length * (rowH + labelH) + 18;
  const axis = ticks(0, Math.max(1, ...series.flatMap((s) => s.values)));
  const max = axis[axis.length - 1]!;
  const left = 8;
  const xOf = (v: number) => left + (v / max) * (W - left - RIGHT - 4);
  const barH = (rowH - 10) / series.length;
  return (
    <figure class="chart" data-chart="tiers">
      <figcaption>Run cost by tier (£ a year)</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Run cost by tier: ${tiers.map((t, i) => `${t} ${series.map((s) => `${s.name} ${money(s.values[i] ?? 0)}`).join(", ")}`).join("; ")}.`}>
        {axis.map((t) => (
          <g>
            <line x1={xOf(t)} x2={xOf(t)} y1={top} y2={H - 16} class="gridline" />
            <text x={xOf(t)} y={H - 4} class="axis-label" text-anchor={t === 0 ? "start" : t === max ? "end" : "middle"}>
              {moneyShort(t)}
            </text>
          </g>
        ))}
        {tiers.map((tier, i) => {
          const y0 = top + i * (rowH + labelH);
          return (
            <g>
              <text x={left} y={y0 + labelH - 2} class="bar-label">
                {tier}
              </text>
              {series.map((s, k) => {
                const v = s.values[i] ?? 0;
                return (
                  <rect x={xOf(0)} y={y0 + labelH + k * barH} width={Math.max(0, xOf(v) - xOf(0))} height={Math.max(1, barH - 1)} fill={SERIES_COLOURS[k % SERIES_COLOURS.length]}>
                    <title>{`${tier}, ${s.name}: ${money(v)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </svg>
      <Legend items={series.map((s, k) => ({ label: s.name, colour: SERIES_COLOURS[k % SERIES_COLOURS.length]! }))} />
    </figure>
  );
}

export function CashFlowChart(props: { years: string[]; series: { name: string; values: (number | null)[]; payback: number | null; colour: string }[] }) {
  const { years, series } = props;
  const H = 190;
  const top = 10;
  const bottom = 30;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const axis = ticks(Math.min(0, ...all), Math.max(0, ...all));
  const lo = axis[0]!;
  const hi = axis[axis.length - 1]!;
  const plotH = H - top - bottom;
  const yOf = (v: number) => top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const step = (W - LEFT - RIGHT - 10) / Math.max(1, years.length - 1);
  const xOf = (i: number) => LEFT + 5 + i * step;
  const every = Math.ceil(years.length / 5);
  const describe = series.map((s) => `${s.name}: ${s.payback === null ? "no payback within the appraisal" : `pays back in ${years[s.payback]}`}`).join("; ");
  return (
    <figure class="chart" data-chart="cashflow">
      <figcaption>Cumulative cash flow (real terms; above zero is a net saving)</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Cumulative cash flow. ${describe}.`}>
        {axis.map((t) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={yOf(t)} y2={yOf(t)} class={t === 0 ? "zeroline" : "gridline"} />
            <text x={LEFT - 4} y={yOf(t) + 3} class="axis-label" text-anchor="end">
              {moneyShort(t)}
            </text>
          </g>
        ))}
        {years.map((y, i) =>
          i % every === 0 ? (
            <text x={xOf(i)} y={H - bottom + 14} class="axis-label" text-anchor="middle">
              {y}
            </text>
          ) : null,
        )}
        {series.map((s) => {
          const points = s.values.map((v, i) => (v === null ? null : `${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`)).filter(Boolean);
          return (
            <g>
              <polyline points={points.join(" ")} fill="none" stroke={s.colour} stroke-width={2} />
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle cx={xOf(i)} cy={yOf(v)} r={2.2} fill={s.colour}>
                    <title>{`${s.name}, ${years[i]}: ${money(v)}`}</title>
                  </circle>
                ),
              )}
              {s.payback !== null && s.values[s.payback] !== null && s.values[s.payback] !== undefined ? (
                <g class="payback" data-payback={years[s.payback]}>
                  <path d={`M ${xOf(s.payback)} ${yOf(s.values[s.payback]!) - 7} l 6 7 l -6 7 l -6 -7 z`} fill="#fff" stroke={s.colour} stroke-width={2} />
                  <text x={xOf(s.payback)} y={yOf(s.values[s.payback]!) - 10} class="mark-label" text-anchor="middle">
                    payback {years[s.payback]}
                  </text>
                </g>
              ) : null}
            </g>
          );
        })}
      </svg>
      <Legend items={series.map((s) => ({ label: `${s.name}${s.payback === null ? " (no payback)" : ""}`, colour: s.colour }))} />
    </figure>
  );
}
