import { switchingValue, type SwitchingValue } from "../../engine/index.js";
import { UsageError } from "../args.js";
import { AS_GIVEN_OPTION, COMMON_OPTIONS, type Command } from "../command.js";
import { formatByUnit } from "../format.js";
import { BASELINE_OPTION, NO_DEFAULT_SPREADS_OPTION, loadOnBasis, withNote, number } from "../uncertainty.js";

export const breakeven: Command = {
  name: "breakeven",
  summary: "a switching value: the value of one input at which a figure reaches a target",
  usage: "socialcare breakeven <scenario> --input <setting> [--figure <f>] [--target <value>] [--baseline <preset|file>] [--from <x> --to <y>]",
  example: "socialcare breakeven blueprint --baseline baseline-2018 --input option.structure.tiers.socialWorker.childrenPerWorker --figure change.runCost",
  options: [
    { name: "input", value: true, placeholder: "setting", help: "the setting to move (baseline.<key> or option.<key> where the two differ)" },
    { name: "figure", value: true, placeholder: "f", help: "the figure (default: runCost.total; with a baseline: change.runCost)" },
    { name: "target", value: true, placeholder: "value", help: "the value the figure should reach (default 0)" },
    BASELINE_OPTION, AS_GIVEN_OPTION, NO_DEFAULT_SPREADS_OPTION,
    { name: "from", value: true, placeholder: "x", help: "search from this value of the input (default: the low end of its distribution or legal range)" },
    { name: "to", value: true, placeholder: "y", help: "search up to this value" },
    ...COMMON_OPTIONS,
  ],
  run(args) {
    if (args.positionals.length !== 1) throw new UsageError("breakeven needs one scenario (a preset or a file)");
    const o = args.options;
    if (typeof o.input !== "string") throw new UsageError("breakeven needs --input <setting>, the setting to move");
    const from = number(o, "from");
    const to = number(o, "to");
    if ((from === undefined) !== (to === undefined)) throw new UsageError("give both --from and --to, or neither");
    const { scenario, baseline, note } = loadOnBasis(args.positionals[0]!, args.options);
    const target = number(o, "target");
    const result = switchingValue(scenario, {
      ...(args.options["no-default-spreads"] === true ? { defaultSpreads: false } : {}), 
      input: o.input,
      ...(baseline ? { baseline } : {}),
      ...(typeof o.figure === "string" ? { figure: o.figure } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(from !== undefined ? { range: [from, to!] as const } : {}),
    });
    return { text: withNote(note, describe(result)), json: result, csv: tidy(result) };
  },
};

function describe(s: SwitchingValue): string {
  const show = (x: number) => formatByUnit(x, s.unit);
  return [
    `Break-even: ${s.label} (${s.figure}) against ${s.inputLabel} (${s.input}) for ${s.scenario}${s.baseline ? ` against ${s.baseline}` : ""}`,
    "",
    s.message,
    "",
    `  searched ${s.input} from ${s.range[0]} to ${s.range[1]}: ${s.figure} runs from ${show(s.figureAtLow)} to ${show(s.figureAtHigh)}`,
    `  today: ${s.input} = ${s.central.input}, ${s.figure} = ${show(s.central.figure)}`,
  ].join("\n");
}

function tidy(s: SwitchingValue): (string | number | boolean | null)[][] {
  return [
    ["input", "figure", "target", "found", "kind", "value", "range_from", "range_to", "crossings"],
    [s.input, s.figure, s.target, s.found, s.kind, s.value, s.range[0], s.range[1], s.crossings],
  ];
}
