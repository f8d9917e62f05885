import { applySettings, compileComparison, flowCostsCore, flowsCore, loadPreset, onBaselineBasis, type ComparisonState, type Scenario } from "../engine/index.js";
import { onCouncil } from "../node/council.js";
import { measure, report } from "./harness.js";

/**
 * Issue 13's benchmark: one comparison's workforce flows, 10 years month by month, through the
 * engine's kernel (engine/workforce/flows.ts and flowCosts.ts, every month of every tier kept for the
 * faces to read), against a hand-written Float64Array corkscrew of the same rules that keeps only the
 * month in hand and the yearly costs. Both run on the Blueprint's move from Leeds's own structure, on
 * Leeds's published turnover and starters. A second line puts the whole comparison with its flows
 * beside the same comparison with the workforce categories from the shares typed in.
 */

interface Settings {
  n: number;
  months: number;
  years: number;
  from: Float64Array;
  to: Float64Array;
  redeployable: Float64Array;
  ramp: Float64Array;
  /** Per tier, a year, before the retention lever. */
  turnover: Float64Array;
  turnoverChange: number;
  turnoverPhaseYears: number;
  conversion: number;
  vacancy: number;
  cover: number;
  starters: number;
  monthsToFill: number;
  redundancyMonth: number;
  employed: Float64Array;
  agencyPremium: Float64Array;
  redundancy: Float64Array;
  strain: Float64Array;
  recruitmentPerPost: number;
}

interface Scratch {
  inPost: Float64Array;
  aimBefore: Float64Array;
  pool: Float64Array;
  gap: Float64Array;
  movable: Float64Array;
  surplus: Float64Array;
  leaving: Float64Array;
  outOf: Float64Array;
  into: Float64Array;
  wanted: Float64Array;
  converted: Float64Array;
  est: Float64Array;
}

/** The corkscrew and its costs in one pass: yearly double running, agency bridging, recruitment, redundancy and strain into `out` (5 × years). */
function handKernel(s: Settings, out: Float64Array, w: Scratch): void {
  const n = s.n;
  const v = s.vacancy;
  const { inPost, aimBefore, pool, gap, movable, surplus, leaving, outOf, into, wanted, converted, est } = w;
  out.fill(0);
  for (let i = 0; i < n; i++) {
    inPost[i] = s.from[i]! * (1 - v);
    aimBefore[i] = inPost[i]!;
    pool[i] = 0;
  }
  const capacity = s.starters / 12;
  const convert = (s.cover * s.conversion) / 12;
  for (let m = 0; m < s.months; m++) {
    const yr = Math.floor(m / 12);
    const scaleTurnover = 1 + s.turnoverChange * Math.min(1, (yr + 1) / s.turnoverPhaseYears);
    let share = 1;
    if (yr < s.years) {
      const before = yr === 0 ? 0 : s.ramp[yr - 1]!;
      share = before + ((s.ramp[yr]! - before) * ((m % 12) + 1)) / 12;
    }
    const y = yr < s.years ? yr : s.years - 1;
    let movableTotal = 0;
    let gapTotal = 0;
    for (let i = 0; i < n; i++) {
      const e = s.from[i]! + (s.to[i]! - s.from[i]!) * share;
      est[i] = e;
      const aim = e * (1 - v);
      const l = (inPost[i]! * s.turnover[i]! * scaleTurnover) / 12;
      leaving[i] = l;
      const after = inPost[i]! - l;
      surplus[i] = after > aim ? after - aim : 0;
      gap[i] = aim > after ? aim - after : 0;
      if (aimBefore[i]! > aim) pool[i]! += s.redeployable[i]! * (aimBefore[i]! - aim);
      aimBefore[i] = aim;
      movable[i] = surplus[i]! < pool[i]! ? surplus[i]! : pool[i]!;
      movableTotal += movable[i]!;
      gapTotal += gap[i]!;
    }
    const moved = movableTotal < gapTotal ? movableTotal : gapTotal;
    let wantedTotal = 0;
    for (let i = 0; i < n; i++) {
      outOf[i] = movableTotal > 0 ? (moved * movable[i]!) / movableTotal : 0;
      into[i] = gapTotal > 0 ? (moved * gap[i]!) / gapTotal : 0;
      pool[i]! -= outOf[i]!;
      let want = 0;
      let conv = 0;
      if (gap[i]! > 0) {
        const left = gap[i]! - into[i]!;
        const extra = left - leaving[i]! > 0 ? left - leaving[i]! : 0;
        conv = extra * convert;
        want = (left < leaving[i]! ? left : leaving[i]!) + (extra - conv) / s.monthsToFill;
      }
      converted[i] = conv;
      wanted[i] = want;
      wantedTotal += want;
    }
    const scale = wantedTotal > capacity ? capacity / wantedTotal : 1;
    for (let i = 0; i < n; i++) {
      const start = wanted[i]! * scale + converted[i]!;
      const redundant = m === s.redundancyMonth ? surplus[i]! - outOf[i]! : 0;
      const close = inPost[i]! - leaving[i]! - outOf[i]! + into[i]! + start - redundant;
      inPost[i] = close;
      const aim = est[i]! * (1 - v);
      if (close > aim) out[y]! += ((close - aim) * s.employed[i]!) / 12;
      const vacant = est[i]! - close > 0 ? est[i]! - close : 0;
      const over = vacant * s.cover - est[i]! * v * s.cover;
      if (over > 0) out[s.years + y]! += (over * s.agencyPremium[i]!) / 12;
      if (start - converted[i]! > leaving[i]!) out[2 * s.years + y]! += (start - converted[i]! - leaving[i]!) * s.recruitmentPerPost;
      out[3 * s.years + y]! += redundant * s.redundancy[i]!;
      out[4 * s.years + y]! += redundant * s.strain[i]!;
    }
  }
}

/** The Blueprint's move on Leeds, as the CLI runs it (one basis). */
function leeds(): { baseline: Scenario; option: Scenario } {
  const baseline = onCouncil(loadPreset("traditional"), "leeds");
  return { baseline, option: onBaselineBasis(baseline, onCouncil(loadPreset("blueprint"), "leeds")).option };
}

export function flowsBenchmark(): string {
  const { baseline, option } = leeds();
  const model = compileComparison(baseline, option);
  const state: ComparisonState = model.evaluate(model.baseline.inputs, model.option.inputs, model.newState());
  const flows = state.flows!;
  const p = model.option.inputs;
  const slot = (key: string) => p[model.option.slotOf(key)!]!;
  const s: Settings = {
    n: flows.buffers.n,
    months: flows.buffers.months,
    years: model.years,
    from: flows.tiers.from,
    to: flows.tiers.to,
    redeployable: flows.tiers.redeployable,
    ramp: flows.ramp,
    turnover: flows.tiers.turnover,
    turnoverChange: slot("transition.retention.turnoverChange"),
    turnoverPhaseYears: slot("transition.retention.phaseInYears"),
    conversion: slot("transition.workforce.agencyConversion"),
    vacancy: slot("council.vacancyRate"),
    cover: slot("council.agencyCoverShare"),
    starters: slot("council.startersPerYear"),
    monthsToFill: slot("transition.workforce.monthsToFill"),
    redundancyMonth: slot("transition.workforce.redundancyMonth"),
    employed: flows.unit.employed,
    agencyPremium: flows.unit.agencyPremium,
    redundancy: flows.unit.redundancy,
    strain: flows.unit.strain,
    recruitmentPerPost: slot("transition.recruitmentPerPost"),
  };
  const row = () => new Float64Array(s.n);
  const scratch: Scratch = { inPost: row(), aimBefore: row(), pool: row(), gap: row(), movable: row(), surplus: row(), leaving: row(), outOf: row(), into: row(), wanted: row(), converted: row(), est: row() };
  const out = new Float64Array(5 * s.years);
  const engineFlows = () => {
    flowsCore(flows.buffers, flows.tiers, flows.ramp, flows.rates, true);
    flowCostsCore(flows.buffers, flows.unit, s.vacancy, s.cover, s.recruitmentPerPost, s.monthsToFill, s.conversion, flows.costs);
  };

  // The kernel must compute what the engine computes, or the ratio means nothing.
  handKernel(s, out, scratch);
  engineFlows();
  const rows = [flows.costs.doubleRunning, flows.costs.agencyBridging, flows.costs.recruitment, flows.costs.redundancy, flows.costs.pensionStrain];
  rows.forEach((r, c) =>
    r.forEach((value, y) => {
      const k = out[c * s.years + y]!;
      if (Math.abs(k - value) > 1e-6 * Math.max(1, Math.abs(value))) throw new Error(`kernel and engine disagree on flow cost ${c}, year ${y}: ${k} against ${value}`);
    }),
  );

  const timings = measure(
    [
      { name: "hand-written Float64Array corkscrew", run: (n) => { for (let i = 0; i < n; i++) handKernel(s, out, scratch); } },
      { name: "engine: flows and their costs (every month kept)", run: (n) => { for (let i = 0; i < n; i++) engineFlows(); } },
    ],
    { iterations: 2000, rounds: 15 },
  );
  const kernelNs = timings[0]!.nsPerOp;
  const engineNs = timings[1]!.nsPerOp;

  const typedOption = applySettings(option, { "transition.workforce.fromFlows": false });
  const typed = compileComparison(baseline, typedOption);
  const typedState = typed.newState();
  const whole = measure(
    [
      { name: "comparison, workforce from the shares typed in", run: (n) => { for (let i = 0; i < n; i++) typed.evaluate(typed.baseline.inputs, typed.option.inputs, typedState); } },
      { name: "comparison, workforce from the flows", run: (n) => { for (let i = 0; i < n; i++) model.evaluate(model.baseline.inputs, model.option.inputs, state); } },
    ],
    { iterations: 2000, rounds: 15 },
  );
  return [
    report(
      `Workforce flows: the Blueprint's move on Leeds, ${s.n} tiers × ${s.months} months (one comparison's flows and their costs)`,
      timings,
      "hand-written Float64Array corkscrew",
      [`goal: within 2× the kernel: ${engineNs <= 2 * kernelNs ? "met" : "not met"} (${(engineNs / kernelNs).toFixed(2)}×)`],
    ),
    report("  the whole comparison (both scenarios, transition, appraisal), per evaluation", whole, "comparison, workforce from the shares typed in"),
  ].join("\n");
}
