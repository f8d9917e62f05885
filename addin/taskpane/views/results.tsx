import { allocateWholePounds, componentLabel, RUN_COST_COMPONENTS, toWholePounds, type Result } from "../../../engine/index.js";
import type { Controller } from "../controller.js";
import { findUser, refName, type ScenarioRef } from "../model/library.js";
import { checkDraft } from "../model/draft.js";
import { formatValue, money, pounds } from "../model/format.js";
import type { PaneState } from "../store.js";
import { FigureButton, MessageBar, ProgressBar, Section } from "./common.js";
import { ScenarioPicker } from "./picker.js";

/** The headline cards: caseload, direct contact, run cost, management layers. */
export function Headlines(props: { c: Controller; result: Result; ref_: ScenarioRef; compact?: boolean }) {
  const { c, result, ref_ } = props;
  const explain = (title: string, figure: string) => () => void c.explain(title, figure, ref_);
  return (
    <div class={`cards ${props.compact ? "compact" : ""}`}>
      <FigureButton class="card" label="Children per case-holder" onExplain={explain("Children per case-holder", "caseload.childrenPerCaseHolder")}>
        <span class="card-label">Children per case-holder</span>
        <span class="card-value">{formatValue(result.caseload.childrenPerCaseHolder, "ratio")}</span>
        <span class="card-note">{formatValue(result.caseload.caseHoldingFte, "FTE")} case-holding FTE</span>
      </FigureButton>
      <FigureButton class="card" label="Direct contact share of the week" onExplain={explain("Direct contact share of the week", "time.directContactShare")}>
        <span class="card-label">Direct contact</span>
        <span class="card-value">{formatValue(result.time.directContactShare, "share")}</span>
        <span class="card-note">{formatValue(result.time.directContactHoursPerChildPerWeek, "hours a week")} hours per child a week</span>
      </FigureButton>
      <FigureButton class="card" label="Run cost" onExplain={explain("Run cost", "runCost.total")}>
        <span class="card-label">Run cost a year</span>
        <span class="card-value">{money(result.runCost.total)}</span>
        <span class="card-note">{formatValue(result.structure.totalFte, "FTE")} FTE in all</span>
      </FigureButton>
      <FigureButton class="card" label="Management layers" onExplain={explain("Management layers", "structure.layers")}>
        <span class="card-label">Management layers</span>
        <span class="card-value">{formatValue(result.structure.layers, "layers")}</span>
        <span class="card-note">span of control {formatValue(result.structure.spanOfControl, "ratio")}</span>
      </FigureButton>
    </div>
  );
}

/**
 * A scenario being edited that has problems is never shown quietly as its last valid version: a banner
 * says so, how many, and takes the user to them.
 */
function DraftProblems(props: { c: Controller; state: PaneState }) {
  const user = findUser(props.state.library, props.state.selected);
  if (!user) return null;
  const { issues } = checkDraft(user.input);
  if (issues.length === 0) return null;
  return (
    <div data-draft-problems={issues.length}>
      <MessageBar kind="warning" action={{ label: "Fix on Edit", run: () => props.c.show("edit") }}>
        {user.name} has {issues.length === 1 ? "a problem" : `${issues.length} problems`} to fix on the Edit tab. These results are of its last version without problems.
      </MessageBar>
    </div>
  );
}

export function ResultsView(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const ref = state.selected;
  const { analysis, progress, error } = state.results;
  const found = analysis?.results.find((r) => r.ref === ref);
  const failed = analysis?.errors.find((e) => e.ref === ref);
  const result = found?.result;
  const explain = (title: string, figure: string) => () => void c.explain(title, figure, ref);
  // Whole pounds that add up: the tiers and the components each allocated under the run cost.
  const tierPounds = result ? allocateWholePounds(result.structure.tiers.map((t) => t.annualCost), result.runCost.total) : [];
  const componentPounds = result ? allocateWholePounds(RUN_COST_COMPONENTS.map((k) => result.runCost.components[k]), result.runCost.total) : [];
  return (
    <div class="view">
      <ScenarioPicker c={c} state={state} id="results-pick" label="Scenario" value={ref} onChange={(r) => c.select(r)} />
      {progress ? <ProgressBar progress={progress} label="Computing" /> : null}
      {error ? <MessageBar kind="error">{error}</MessageBar> : null}
      {failed ? <MessageBar kind="error">{failed.message}</MessageBar> : null}
      <DraftProblems c={c} state={state} />
      {result ? (
        <>
          <h2 class="view-title">{refName(state.library, ref)}</h2>
          <p class="hint">
            {result.scenario.council} · {result.scenario.structure} · {result.scenario.year}. Select any figure to see how it was computed.
          </p>
          <Headlines c={c} result={result} ref_={ref} />
          <Section title="Structure by tier" id="tiers">
            <table class="data" aria-label="Tiers with FTE and cost">
              <thead>
                <tr>
                  <th scope="col">Tier</th>
                  <th scope="col" class="numeric">FTE</th>
                  <th scope="col" class="numeric">Cost a year</th>
                </tr>
              </thead>
              <tbody>
                {result.structure.tiers.map((t, i) => (
                  <tr>
                    <th scope="row">
                      {t.name}
                      {t.holdsCases ? <span class="tag">cases</span> : null}
                    </th>
                    <td class="numeric">
                      <FigureButton label={`${t.name}: FTE`} onExplain={explain(`${t.name}: FTE`, `structure.tiers.${t.id}.fte`)}>
                        {formatValue(t.fte, "FTE")}
                      </FigureButton>
                    </td>
                    <td class="numeric">
                      <FigureButton label={`${t.name}: annual cost`} onExplain={explain(`${t.name}: annual cost`, `structure.tiers.${t.id}.annualCost`)}>
                        {pounds(tierPounds[i]!)}
                      </FigureButton>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td class="numeric">
                    <FigureButton label="Total FTE" onExplain={explain("Total FTE", "structure.totalFte")}>
                      {formatValue(result.structure.totalFte, "FTE")}
                    </FigureButton>
                  </td>
                  <td class="numeric">
                    <FigureButton label="Run cost" onExplain={explain("Run cost", "runCost.total")}>
                      {pounds(toWholePounds(result.runCost.total))}
                    </FigureButton>
                  </td>
                </tr>
              </tfoot>
            </table>
          </Section>
          <Section title="Run cost by component" id="components">
            <table class="data" aria-label="Run cost by component">
              <tbody>
                {RUN_COST_COMPONENTS.map((k, i) => (
                  <tr>
                    <th scope="row">{componentLabel(k)}</th>
                    <td class="numeric">
                      <FigureButton label={componentLabel(k)} onExplain={explain(componentLabel(k), `runCost.components.${k}`)}>
                        {pounds(componentPounds[i]!)}
                      </FigureButton>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Run cost</th>
                  <td class="numeric">
                    <FigureButton label="Run cost (components)" onExplain={explain("Run cost", "runCost.total")}>
                      {pounds(toWholePounds(result.runCost.total))}
                    </FigureButton>
                  </td>
                </tr>
              </tfoot>
            </table>
          </Section>
          <Checks checks={result.checks} />
        </>
      ) : null}
    </div>
  );
}

export function Checks(props: { checks: { name: string; ok: boolean; detail?: string }[]; title?: string }) {
  const failed = props.checks.filter((k) => !k.ok);
  const passed = props.checks.filter((k) => k.ok);
  return (
    <Section title={props.title ?? "Checks"} id="checks">
      <p class={`check-summary ${failed.length ? "fail" : "pass"}`}>{failed.length ? `${failed.length} of ${props.checks.length} checks fail` : `All ${props.checks.length} checks pass`}</p>
      {failed.length ? (
        <ul class="checks">
          {failed.map((k) => (
            <li class="fail">
              <span aria-hidden="true">✗</span> <span class="visually-hidden">Fail:</span> {k.name}
              {k.detail ? <span class="detail"> ({k.detail})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {passed.length ? (
        <details class="passed-checks">
          <summary>{failed.length ? `The ${passed.length} that pass` : "Show them"}</summary>
          <ul class="checks">
            {passed.map((k) => (
              <li class="pass">
                <span aria-hidden="true">✓</span> <span class="visually-hidden">Pass:</span> {k.name}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Section>
  );
}
