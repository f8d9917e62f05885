import type { Controller } from "../controller.js";
import { refName } from "../model/library.js";
import type { PaneState } from "../store.js";
import { MessageBar, ProgressBar, saveFile, Section, XLSX_TYPE } from "./common.js";

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
            Write live formulas: each scenario's figures as <code>=SOCIALCARE.SCENARIO(…)</code> on the SC Inputs sheet's values, and the appraisal and transition from the tables <code>=SOCIALCARE.COMPARE(…)</code> and <code>=SOCIALCARE.TRANSITION(…)</code> spill there, so a change to an input flows through.
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
            Wrote {report.sheets.join(" and ")}: {report.tables} tables and {report.charts} charts, into this workbook.
          </MessageBar>
        ) : null}
      </Section>
      <DownloadSection c={c} state={state} />
    </div>
  );
}

/** "Download workbook": the formula-transparent .xlsx of the comparison (or of one scenario), built on request. */
function DownloadSection(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const d = state.download;
  const refs = state.library.compare;
  return (
    <Section title="Download a workbook" id="download">
      <p>
        An .xlsx file of live formulas in standard Excel functions (Inputs, Calculations, Rounding, Outputs, Checks), for councils that cannot install the add-in and for auditors who trace every figure. It needs no add-in to recalculate.
      </p>
      <fieldset class="choice">
        <legend class="field-label">Put in the workbook</legend>
        <label class="checkbox block">
          <input type="radio" name="download-scope" checked={d.scope === "comparison"} onChange={() => c.setDownloadScope("comparison")} />
          <span>
            The comparison{refs.length >= 2 ? `: ${refs.slice(1).map((r) => refName(state.library, r)).join(", ")} against ${refName(state.library, refs[0]!)}` : " (choose it on the Compare tab)"}
          </span>
        </label>
        <label class="checkbox block">
          <input type="radio" name="download-scope" checked={d.scope === "scenario"} onChange={() => c.setDownloadScope("scenario")} />
          <span>One scenario: {refName(state.library, state.selected)} (the one on the Results tab)</span>
        </label>
      </fieldset>
      <button type="button" class="button" disabled={d.progress !== null} onClick={() => void c.downloadWorkbook((bytes, fileName) => saveFile(bytes as Uint8Array<ArrayBuffer>, fileName, XLSX_TYPE))}>
        Download workbook
      </button>
      <p class="hint">The workbook writer loads the first time (about a quarter of a megabyte), then the file is built off the page.</p>
      {d.progress ? <ProgressBar progress={d.progress} label="Building the workbook" /> : null}
      {d.error ? <MessageBar kind="error">{d.error}</MessageBar> : null}
      {d.saved ? (
        <MessageBar kind="success">
          Downloaded {d.saved.fileName} ({Math.round(d.saved.bytes / 1024).toLocaleString("en-GB")} KB).
        </MessageBar>
      ) : null}
    </Section>
  );
}
