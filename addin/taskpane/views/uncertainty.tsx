import type { FigureDistribution, SimulationResult } from "../../../engine/index.js";
import type { Controller } from "../controller.js";
import { formatValue, money } from "../model/format.js";
import type { PaneState } from "../store.js";
import { MessageBar, ProgressBar, Section } from "./common.js";
import { ScenarioPicker } from "./picker.js";
import { Histogram, SCurve, TornadoChart } from "./uncertaintyCharts.js";

/**
 * Uncertainty: a Monte Carlo run of one figure in the engine worker (in chunks, with progress and
 * Cancel, so the pane never freezes), its histogram or S-curve with P5/P50/P95 marked, the
 * probabilities a director asks about, and the tornado of which inputs move the figure most.
 */

/** The figures offered: an option's against a baseline, or one scenario's own. */
export const COMPARISON_FIGURES: { figure: string; label: string }[] = [
  { figure: "appraisal.npv", label: "Net present value" },
  { figure: "change.runCost", label: "Change in run cost a year" },
  { figure: "transition.total", label: "Transition spend" },
  { figure: "appraisal.transitionWithOptimismBias", label: "Transition spend with optimism bias" },
  { figure: "option.runCost.total", label: "Run cost a year (the scenario)" },
];
export const SCENARIO_FIGURES: { figure: string; label: string }[] = [
  { figure: "runCost.total", label: "Run cost a year" },
  { figure: "caseload.childrenPerCaseHolder", label: "Children per case-holder" },
  { figure: "time.directContactHoursPerChildPerWeek", label: "Direct contact hours per child a week" },
];

function TextField(props: { id: string; label: string; value: string; problem?: string; hint?: string; onInput: (text: string) => void; disabled?: boolean }) {
  return (
    <div class={`field ${props.problem ? "invalid" : ""}`} data-field={props.id}>
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        class="input"
        inputMode="numeric"
        value={props.value}
        aria-invalid={props.problem ? "true" : "false"}
        aria-describedby={props.problem ? `${props.id}-error` : undefined}
        disabled={props.disabled}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {props.problem ? (
        <span class="field-error" id={`${props.id}-error`}>
          {props.problem}
        </span>
      ) : props.hint ? (
        <span class="field-info">{props.hint}</span>
      ) : null}
    </div>
  );
}

const percent = (p: number) => `${(p * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`;

function value(x: number, unit: string): string {
  return unit === "£" || unit === "£ a year" ? money(x) : formatValue(x, unit);
}

/** A percentile in words first, its short name after: "Low: 1 run in 20 comes out below this (P5)". */
export function percentileWords(p: number): string {
  if (p === 50) return "Middle: half the runs come out below this (median, P50)";
  const below = p < 50;
  const share = below ? p : 100 - p;
  const oneIn = 100 / share;
  const odds = Number.isInteger(oneIn) ? `1 run in ${oneIn}` : `${share}% of runs`;
  return `${below ? "Low" : "High"}: ${odds} comes out ${below ? "below" : "above"} this (P${p})`;
}

function Summary(props: { figure: FigureDistribution }) {
  const f = props.figure;
  const rows: [string, number, string][] = [
    ["Central case (every input at its central value)", f.central, "central"],
    ["Mean of the draws", f.mean, "mean"],
    ...f.percentiles.map((p): [string, number, string] => [percentileWords(p.percentile), p.value, `p${p.percentile}`]),
  ];
  return (
    <table class="data compact" aria-label={`${f.label}: summary of the draws`}>
      <tbody>
        {rows.map(([label, v, key]) => (
          <tr data-stat={key}>
            <th scope="row">{label}</th>
            <td class="numeric">{value(v, f.unit)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Probabilities(props: { simulation: SimulationResult }) {
  const p = props.simulation.probabilities;
  if (!p) return null;
  return (
    <ul class="probabilities" aria-label="Probabilities">
      <li data-probability="costNeutral">
        <span class="probability-value">{percent(p.costNeutral)}</span>
        <span>chance the option is cost neutral</span>
      </li>
      <li data-probability="npvPositive">
        <span class="probability-value">{percent(p.npvPositive)}</span>
        <span>chance the net present value is above £0</span>
      </li>
      {p.transitionOverBudget ? (
        <li data-probability="transitionOverBudget">
          <span class="probability-value">{percent(p.transitionOverBudget.probability)}</span>
          <span>chance transition spend exceeds the budget of {money(p.transitionOverBudget.budget)}</span>
        </li>
      ) : null}
    </ul>
  );
}

export function UncertaintyView(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const u = state.uncertainty;
  const figures = u.baseline ? COMPARISON_FIGURES : SCENARIO_FIGURES;
  const outcome = u.outcome;
  const figure = outcome?.simulation.figures[0];
  return (
    <div class="view uncertainty">
      <Section title="Monte Carlo" id="mc">
        <p class="hint">
          The model is run many times, each run with every uncertain input picked from its range (set in the scenario file beside its value): how the figure spreads over the runs is how sure it is.
        </p>
        <ScenarioPicker c={c} state={state} id="mc-scenario" label="Scenario" value={u.scenario} onChange={(r) => c.setUncertainty({ scenario: r })} />
        {u.problems.scenario ? <span class="field-error">{u.problems.scenario}</span> : null}
        <ScenarioPicker c={c} state={state} id="mc-baseline" label="Compared with (baseline)" value={u.baseline} allowNone="Nothing: the scenario's own figures" onChange={(r) => c.setUncertainty({ baseline: r })} />
        {u.problems.baseline ? <span class="field-error">{u.problems.baseline}</span> : null}
        <div class="field">
          <label class="field-label" for="mc-figure">
            Figure
          </label>
          <select id="mc-figure" class="select" value={u.figure} onChange={(e) => c.setUncertainty({ figure: (e.target as HTMLSelectElement).value })}>
            {figures.map((f) => (
              <option value={f.figure}>{f.label}</option>
            ))}
          </select>
        </div>
        {/* How many runs and the seed are an analyst's settings: folded away unless one has a problem. */}
        <details class="advanced" open={u.problems.draws !== undefined || u.problems.seed !== undefined ? true : undefined}>
          <summary>How many runs, and the seed</summary>
          <div class="field-pair">
            <TextField id="mc-draws" label="Draws" value={u.draws} problem={u.problems.draws} hint="Runs of the model: more are steadier, and slower." onInput={(t) => c.setUncertainty({ draws: t })} disabled={u.running} />
            <TextField id="mc-seed" label="Seed" value={u.seed} problem={u.problems.seed} hint="The same seed always gives the same figures." onInput={(t) => c.setUncertainty({ seed: t })} disabled={u.running} />
          </div>
        </details>
        {u.baseline ? (
          <TextField id="mc-budget" label="Transition budget (£)" value={u.budget} problem={u.problems.budget} hint="Optional: the chance transition spend exceeds it." onInput={(t) => c.setUncertainty({ budget: t })} disabled={u.running} />
        ) : null}
        <div class="row">
          <button type="button" class="button primary" disabled={u.running} onClick={() => void c.runSimulation()}>
            Run
          </button>
          {u.running ? (
            <button type="button" class="button" onClick={() => c.cancelSimulation()}>
              Cancel
            </button>
          ) : null}
        </div>
        {u.progress ? <ProgressBar progress={u.progress} label="Simulating" /> : null}
        {u.cancelled ? <MessageBar kind="info">Cancelled: the figures below, if any, are from the last complete run.</MessageBar> : null}
        {u.error ? <MessageBar kind="error">{u.error}</MessageBar> : null}
      </Section>
      {outcome && figure ? (
        <>
          <Section title="Distribution" id="distribution">
            <p class="hint" data-run={`${outcome.simulation.seed}/${outcome.simulation.draws}`}>
              {figure.label} of {u.shown?.scenario}
              {u.shown?.baseline ? ` against ${u.shown.baseline}` : ""}: {outcome.simulation.draws.toLocaleString("en-GB")} draws, seed {outcome.simulation.seed}.
            </p>
            <div class="segmented" role="group" aria-label="Chart">
              <button type="button" class={`button ${u.chart === "histogram" ? "selected" : ""}`} aria-pressed={u.chart === "histogram"} onClick={() => c.setUncertainty({ chart: "histogram" })}>
                Histogram
              </button>
              <button type="button" class={`button ${u.chart === "scurve" ? "selected" : ""}`} aria-pressed={u.chart === "scurve"} onClick={() => c.setUncertainty({ chart: "scurve" })}>
                S-curve
              </button>
            </div>
            {u.chart === "histogram" ? <Histogram figure={figure} draws={outcome.simulation.draws} /> : <SCurve figure={figure} />}
            <Summary figure={figure} />
            <Probabilities simulation={outcome.simulation} />
          </Section>
          <Section title="What moves it most" id="tornado">
            {outcome.tornado ? <TornadoChart tornado={outcome.tornado} /> : <MessageBar kind="info">{outcome.tornadoError ?? "No tornado for this figure."}</MessageBar>}
          </Section>
          <details class="group" data-group="uncertain-inputs">
            <summary>
              <h2 class="group-title">Uncertain inputs ({outcome.simulation.inputs.length})</h2>
            </summary>
            <ul class="uncertain-inputs">
              {outcome.simulation.inputs.map((i) => (
                <li>
                  <strong>{i.label}</strong> ({i.side === "both" || i.side === "scenario" ? "" : `${i.side}, `}central {formatValue(i.central, i.unit)}): <code>{i.distribution}</code>
                  {i.correlated ? " · correlated" : ""}
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </div>
  );
}
