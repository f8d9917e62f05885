import { sensitivity as tornadoOf, type Tornado } from "../../engine/index.js";
import { UsageError } from "../args.js";
import { AS_GIVEN_OPTION, COMMON_OPTIONS, type Command } from "../command.js";
import { formatByUnit, table } from "../format.js";
import { BASELINE_OPTION, NO_DEFAULT_SPREADS_OPTION, loadOnBasis, withNote, number, VARY_OPTION, vary } from "../uncertainty.js";

export const sensitivity: Command = {
  name: "sensitivity",
  summary: "a tornado: each uncertain input from its low to its high, the others held, widest swing first",
  usage: "socialcare sensitivity <scenario> [--baseline <preset|file>] [--figure <f>] [--tail <percentile>]",
  example: "socialcare sensitivity blueprint --baseline baseline-2018 --figure transition.total",
  options: [
    BASELINE_OPTION, AS_GIVEN_OPTION, NO_DEFAULT_SPREADS_OPTION,
    { name: "figure", value: true, placeholder: "f", help: "the figure (default: runCost.total; with a baseline: change.runCost)" },
    { name: "tail", value: true, placeholder: "p", help: "low and high as percentiles p and 100 − p of each input's distribution (default 10)" },
    VARY_OPTION,
    ...COMMON_OPTIONS,
  ],
  run(args) {
    if (args.positionals.length !== 1) throw new UsageError("sensitivity needs one scenario (a preset or a file)");
    const { scenario, baseline, note } = loadOnBasis(args.positionals[0]!, args.options);
    const o = args.options;
    const figure = typeof o.figure === "string" ? o.figure : undefined;
    const tail = number(o, "tail");
    const given = vary(o);
    const tornado = tornadoOf(scenario, { ...(args.options["no-default-spreads"] === true ? { defaultSpreads: false } : {}), ...(baseline ? { baseline } : {}), ...(figure ? { figure } : {}), ...(tail !== undefined ? { tail } : {}), ...(given ? { vary: given } : {}) });
    return { text: withNote(note, describe(tornado)), json: tornado, csv: tidy(tornado) };
  },
};

function describe(t: Tornado): string {
  const show = (x: number) => formatByUnit(x, t.unit);
  const lines = [
    `Tornado: ${t.label} (${t.figure}) for ${t.scenario}${t.baseline ? ` against ${t.baseline}` : ""}`,
    `Central case ${show(t.central)}; each input from its ${t.tail}th to its ${100 - t.tail}th percentile, the others held at their central values.`,
    "",
    table(
      ["Input", "Low", "High", `${t.label} at low`, "at high", "Swing"],
      t.bars.map((b) => [`${b.label} (${b.key})`, String(round(b.low)), String(round(b.high)), show(b.figureAtLow), show(b.figureAtHigh), show(b.swing)]),
    ),
    "",
  ];
  // The tornado itself: bars either side of the central case, to one scale.
  const most = Math.max(...t.bars.map((b) => Math.max(Math.abs(b.figureAtLow - t.central), Math.abs(b.figureAtHigh - t.central))), 0);
  const half = 25;
  const pad = Math.max(...t.bars.map((b) => b.label.length));
  for (const b of t.bars) {
    const left = Math.min(b.figureAtLow, b.figureAtHigh) - t.central;
    const right = Math.max(b.figureAtLow, b.figureAtHigh) - t.central;
    const cells = (x: number) => (most > 0 ? Math.round((Math.abs(x) / most) * half) : 0);
    const l = left < 0 ? cells(left) : 0;
    const r = right > 0 ? cells(right) : 0;
    lines.push(`  ${b.label.padEnd(pad)} ${" ".repeat(half - l)}${"█".repeat(l)}|${"█".repeat(r)}`);
  }
  return lines.join("\n");
}

function round(x: number): number {
  return Number(x.toPrecision(6));
}

function tidy(t: Tornado): (string | number | boolean | null)[][] {
  return [
    ["input", "label", "side", "distribution", "low", "central", "high", "figure", "figure_at_low", "figure_at_high", "swing"],
    ...t.bars.map((b) => [b.key, b.label, b.side, b.distribution, b.low, b.central, b.high, t.figure, b.figureAtLow, b.figureAtHigh, b.swing]),
  ];
}
