import { claimsTable, CLAIM_KIND_WORDS as KIND_WORDS, CLAIMS_NOTE, onBaselineBasis, type ClaimRow } from "../../engine/index.js";
import { UsageError } from "../args.js";
import { COMMON_OPTIONS, COUNCIL_OPTION, type Command } from "../command.js";
import { formatMoney, table, wrap } from "../format.js";
import { loadNamed } from "../scenarios.js";

/**
 * `socialcare claims [baseline option] [--council <name>]`: each headline claim of the Blueprint beside
 * what the model computes for it, whether that is an output of drivers or an input restated, and the
 * chance it holds. Without a council, the Blueprint against its own baseline (baseline-2018); with one,
 * the council as it is (traditional) against the Blueprint on it.
 */
export const claims: Command = {
  name: "claims",
  summary: "the Blueprint's claims beside what the model computes for each: output or input, holds or not, and the chance",
  usage: "socialcare claims [<baseline> <option>] [--council <name>] [--draws <n>] [--seed <n>]",
  example: "socialcare claims --council leeds",
  options: [
    COUNCIL_OPTION,
    { name: "draws", value: true, placeholder: "n", help: "Monte Carlo draws behind each chance (default 2,000)" },
    { name: "seed", value: true, placeholder: "n", help: "the seed of the draws (default 1)" },
    ...COMMON_OPTIONS,
  ],
  run(args) {
    const names = args.positionals;
    if (names.length !== 0 && names.length !== 2) throw new UsageError("claims takes a baseline and an option, or neither");
    const [baselineName, optionName] = names.length === 2 ? names : [typeof args.options.council === "string" ? "traditional" : "baseline-2018", "blueprint"];
    const baseline = loadNamed(baselineName!, args);
    const option = onBaselineBasis(baseline, loadNamed(optionName!, args)).option;
    const whole = (name: string): number | undefined => {
      const v = args.options[name];
      if (v === undefined) return undefined;
      const n = Number(v);
      if (typeof v !== "string" || !Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, got "${String(v)}"`);
      return n;
    };
    const draws = whole("draws");
    const seed = whole("seed");
    if (draws !== undefined && (draws < 100 || draws > 1_000_000)) throw new UsageError(`--draws must be from 100 to 1,000,000, got ${draws}`);
    const t = claimsTable(baseline, option, { ...(draws !== undefined ? { draws } : {}), ...(seed !== undefined ? { seed } : {}) });
    const rows = t.rows.map((r) => [r.claim, show(r), KIND_WORDS[r.kind], r.holds ? "yes" : "no", r.chance === null ? "nothing varies" : `${Math.round(r.chance * 100)}%`]);
    const text = [
      `The Blueprint's claims: ${option.name} against ${baseline.name}, on ${t.council} (${t.year} prices); chances from ${t.draws.toLocaleString("en-GB")} draws, seed ${t.seed}`,
      "",
      table(["Claim", "The model gives", "Is it", "Holds", "Chance it holds"], rows, ["left", "right", "left", "left", "right"]),
      "",
      ...t.rows.flatMap((r) => [wrap(`${r.claim}: holds when ${r.test}. ${capital(KIND_WORDS[r.kind])}: ${r.drivers}.`, 100, "  ")]),
      "",
      wrap(CLAIMS_NOTE, 100),
    ].join("\n");
    return {
      text,
      json: t,
      csv: [["claim", "figure", "value", "unit", "kind", "holds", "chance", "test", "drivers"], ...t.rows.map((r) => [r.id, r.figure, r.value, r.unit, r.kind, r.holds, r.chance, r.test, r.drivers])],
    };
  },
};

function show(r: ClaimRow): string {
  if (r.unit !== "share") return formatMoney(r.value);
  const pct = `${(r.value * 100).toFixed(1)}%`;
  return r.figure.startsWith("change.") && r.value > 0 ? `+${pct}` : pct;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
