import type { Controller } from "../controller.js";
import { refName } from "../model/library.js";
import type { PaneState } from "../store.js";
import { MessageBar, ProgressBar, Section } from "./common.js";

export function WriteView(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const { live, progress, report, error } = state.write;
  const refs = state.library.compare;
  const ready = refs.length >= 2;
  return (
    <div class="view">
      <Section title="Write the comparison to the workbook" id="write">
        {ready ? (
          <p>
            Compares <strong>{refs.slice(1).map((r) => refName(state.library, r)).join(", ")}</strong> against <strong>{refName(state.library, refs[0]!)}</strong>. Change the choice on the Compare tab.
          </p>
        ) : (
          <MessageBar kind="info">Choose a baseline and at least one option on the Compare tab first.</MessageBar>
        )}
        <ul class="plain">
          <li>
            <strong>SC Comparison</strong>: every figure side by side with its change, as an Excel table with currency and percentage formats; the appraisal; transition by year and category; cash flows; the checks; and native Excel charts (transition stacked by category, run cost by tier, cumulative cash flow with the payback point).
          </li>
          <li>
            <strong>SC Inputs</strong>: every assumption of each scenario with its unit and source.
          </li>
        </ul>
        <p class="hint">Both sheets are replaced if they are already there.</p>
        <label class="checkbox block">
          <input type="checkbox" checked={live} onChange={(e) => c.setLive((e.target as HTMLInputElement).checked)} />
          <span>
            Write live formulas: each scenario's figures as <code>=SOCIALCARE.SCENARIO(…)</code> on the SC Inputs sheet's values, so a change to an input flows through.
          </span>
        </label>
        <button type="button" class="button primary" disabled={!ready || progress !== null} onClick={() => void c.writeToWorkbook()}>
          Write to workbook
        </button>
        {c.workbook.host === "none" ? <p class="hint">Open this pane in Excel to write to a workbook.</p> : null}
        {progress ? <ProgressBar progress={progress} label="Writing" /> : null}
        {error ? <MessageBar kind="error">{error}</MessageBar> : null}
        {report ? (
          <MessageBar kind="success">
            Wrote {report.sheets.join(" and ")}: {report.tables} tables and {report.charts} charts, in {report.syncs} requests to Excel.
          </MessageBar>
        ) : null}
      </Section>
    </div>
  );
}
