import { useRef, useState } from "preact/hooks";
import { formatHealthValue, healthCheckCatalogue, type HealthCheck, type MetricResult, type Rating } from "../../../engine/index.js";
import type { Controller } from "../controller.js";
import { fieldKey } from "../model/healthDraft.js";
import { formatValue, formatChange } from "../model/format.js";
import type { PaneState } from "../store.js";
import { IssueList, MessageBar, ProgressBar, Section } from "./common.js";

/**
 * The workforce health check and the team-design indicators: a council's metrics entered (or
 * imported from the CSV or JSON file `socialcare healthcheck` reads) for several years and saved in
 * the workbook; the engine's scorecard by area with red, amber and green ratings, missing metrics
 * shown as missing, the England figure and the trend; and the team-design indicators of the
 * scenarios being compared, side by side.
 */

const RATING_TEXT: Record<Rating, string> = { green: "Green", amber: "Amber", red: "Red", missing: "Missing" };

export function RatingBadge(props: { rating: Rating }) {
  return (
    <span class={`rating ${props.rating}`} data-rating={props.rating}>
      {RATING_TEXT[props.rating]}
    </span>
  );
}

function Scorecard(props: { check: HealthCheck }) {
  const { check } = props;
  const byArea = new Map(check.areas.map((a) => [a.area, check.metrics.filter((m) => m.area === a.area)]));
  return (
    <div class="scorecard">
      <p class="scorecard-overall">
        {check.council ? `${check.council}, ` : ""}
        {check.latestYear}: overall <RatingBadge rating={check.overall} />
        {check.missing.length ? <span class="hint"> · {check.missing.length} of {check.metrics.length} metrics missing</span> : null}
      </p>
      <p class="hint">
        {check.framework.name}. The latest year is rated; earlier years show the trend. A missing metric is never scored as good: it keeps its area from green.
      </p>
      {check.areas.map((a) => (
        <section class="area" data-area={a.area} aria-labelledby={`area-${a.area}`}>
          <h3 class="area-title" id={`area-${a.area}`}>
            <span>{a.name}</span> <RatingBadge rating={a.rating} />
          </h3>
          <ul class="metrics">
            {byArea.get(a.area)!.map((m) => (
              <MetricLine m={m} years={check.years} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

const POSITION_TEXT = { better: "better than England", worse: "worse than England", level: "level with England" } as const;

function MetricLine(props: { m: MetricResult; years: string[] }) {
  const { m } = props;
  const show = (v: number | null) => (v === null ? "missing" : formatHealthValue(v, m.unit));
  return (
    <li class={`metric ${m.rating}`} data-metric={m.metric}>
      <div class="metric-head">
        <span class="metric-label">{m.label}</span>
        <RatingBadge rating={m.rating} />
      </div>
      <div class="metric-figures">
        <span class="metric-value">{m.value === null ? "Missing" : formatHealthValue(m.value, m.unit)}</span>
        {m.value !== null && m.unit !== "share" ? <span class="unit"> {m.unit}</span> : null}
        {m.england !== null ? (
          <span class="metric-england">
            {" "}
            · England {formatHealthValue(m.england, m.unit)}
            {m.englandYear && m.englandYear !== m.year.slice(0, 4) ? ` (${m.englandYear})` : ""}
            {m.position ? `, ${POSITION_TEXT[m.position]}` : ""}
          </span>
        ) : (
          <span class="metric-england"> · no England figure</span>
        )}
      </div>
      {props.years.length > 1 ? (
        <div class="metric-trend" data-trend={m.direction ?? "none"}>
          Trend: {m.trend.every((t) => t.value === null) ? "no figures given" : m.trend.map((t) => `${t.year} ${show(t.value)}`).join(" → ")}
          {m.direction ? ` (${m.direction})` : ""}
        </div>
      ) : null}
      <div class="field-info">Thresholds: {m.thresholds.text}.</div>
    </li>
  );
}

function Entry(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const h = state.health;
  const draft = h.draft;
  const [year, setYear] = useState("");
  const [yearProblem, setYearProblem] = useState<string | null>(null);
  const catalogue = healthCheckCatalogue();
  const add = () => {
    const problem = c.addHealthYear(year);
    setYearProblem(problem);
    if (!problem) setYear("");
  };
  return (
    <div class="health-entry">
      <div class="field">
        <label class="field-label" for="health-council">
          Council
        </label>
        <input id="health-council" class="input" value={draft.council} onInput={(e) => c.setHealthCouncil((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <span class="field-label" id="health-years-label">
          Years
        </span>
        <ul class="year-list" aria-labelledby="health-years-label">
          {draft.years.map((y) => (
            <li class="year-chip">
              {y}
              <button type="button" class="button subtle icon" aria-label={`Remove ${y}`} onClick={() => c.removeHealthYear(y)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
        <div class="row">
          <input
            id="health-add-year"
            class="input year-input"
            aria-label="Year to add"
            placeholder="2025 or 2025/26"
            value={year}
            onInput={(e) => setYear((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") add();
            }}
          />
          <button type="button" class="button" onClick={add}>
            Add year
          </button>
        </div>
        {yearProblem ? <span class="field-error">{yearProblem}</span> : <span class="field-info">A year is the DfE collection at 30 September (2025), or a financial year (2025/26).</span>}
      </div>
      {h.otherProblems.length ? (
        <MessageBar kind="error">
          The metrics have problems: <IssueList issues={h.otherProblems} />
        </MessageBar>
      ) : null}
      {draft.years.length === 0 ? (
        <p class="hint">Add a year (or import a file) to enter the metrics.</p>
      ) : (
        catalogue.areas.map((a) => (
          <fieldset class="metric-group" data-area={a.id}>
            <legend>{a.name}</legend>
            {a.metrics.map((id) => {
              const m = catalogue.metrics.find((x) => x.id === id)!;
              return (
                <div class="metric-entry" data-metric={m.id}>
                  <div class="field-label">
                    {m.label} <span class="unit">({m.unit === "share" ? "% or share" : m.unit})</span>
                  </div>
                  <div class="year-inputs">
                    {draft.years.map((y) => {
                      const problem = h.problems[fieldKey(m.id, y)];
                      const id = `hc-${m.id}-${y.replace("/", "-")}`;
                      return (
                        <div class={`year-field ${problem ? "invalid" : ""}`}>
                          <label for={id} class="year-label">
                            {y}
                          </label>
                          <input
                            id={id}
                            class="input"
                            aria-label={`${m.label}, ${y}`}
                            aria-invalid={problem ? "true" : "false"}
                            aria-describedby={problem ? `${id}-error` : undefined}
                            value={draft.values[m.id]?.[y] ?? ""}
                            placeholder="missing"
                            onInput={(e) => c.editHealthValue(m.id, y, (e.target as HTMLInputElement).value)}
                          />
                          {problem ? (
                            <span class="field-error" id={`${id}-error`}>
                              {problem}
                            </span>
                          ) : null}
                        </div>
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))
      )}
    </div>
  );
}

function TeamDesignTable(props: { state: PaneState }) {
  const t = props.state.teamDesign;
  const side = t.outcome?.side;
  if (!side || side.designs.length === 0) return null;
  const first = side.scenarios[0]!;
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label="Team-design indicators side by side">
      <table class="data compact team-design">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            {side.scenarios.map((s, i) => (
              <th scope="col">
                {s.name}
                {i === 0 && side.scenarios.length > 1 ? <span class="tag">baseline</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {side.rows.map((r) => (
            <tr data-indicator={r.indicator}>
              <th scope="row">
                {r.label} <span class="unit">{r.unit === "share" || r.unit === "£ a year" ? "" : r.unit}</span>
              </th>
              {r.values.map((v, i) => {
                const note = side.designs[i]!.indicators.find((x) => x.indicator === r.indicator)?.note;
                const change = r.changes[i];
                return (
                  <td class="numeric" title={note ?? side.designs[i]!.indicators.find((x) => x.indicator === r.indicator)?.formula}>
                    {v === null ? (
                      note ? (
                        // The reason opens by keyboard or touch as well as by mouse: never a hover alone.
                        <details class="why">
                          <summary class="not-stated">not stated</summary>
                          <span class="why-text">{note}</span>
                        </details>
                      ) : (
                        <span class="not-stated">not stated</span>
                      )
                    ) : (
                      formatValue(v, r.unit)
                    )}
                    {i > 0 && change !== null && change !== undefined ? <span class={`change ${change === 0 ? "none" : change > 0 ? "up" : "down"}`}>{formatChange(change, r.unit)}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">Compared with {first.name}. “Not stated”: the scenario does not give what the indicator needs (select it to see why).</p>
    </div>
  );
}

export function HealthView(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const h = state.health;
  const fileInput = useRef<HTMLInputElement>(null);
  const saveText = c.workbook.host === "none" ? "Not in Excel: the metrics last for this page only" : h.save === "saved" ? "Saved in this workbook" : h.save === "failed" ? "Not saved" : "Saving…";
  return (
    <div class="view health">
      <Section title="Workforce health check" id="health">
        <p class="hint">
          Enter your council's figures for one or more years, or import a CSV or JSON file of them (one row a measure, one column a year). Leave a figure blank when it is not known: it shows as missing.
        </p>
        <div class="row">
          <button type="button" class="button" onClick={() => fileInput.current?.click()}>
            Import a CSV or JSON file…
          </button>
          <input
            ref={fileInput}
            tabIndex={-1}
            aria-label="Import a health check file"
            data-testid="health-import"
            class="visually-hidden"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={async (e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) c.importHealthFile(await file.text(), file.name);
              input.value = "";
            }}
          />
          {h.draft.years.length ? (
            <button type="button" class="button subtle" onClick={() => c.clearHealth()}>
              Clear
            </button>
          ) : null}
        </div>
        <p class="save-state" data-health-save={h.save}>
          {saveText}
        </p>
        {h.progress ? <ProgressBar progress={h.progress} label="Rating" /> : null}
        {h.error ? <MessageBar kind="error">{h.error}</MessageBar> : null}
        {h.outcome ? <Scorecard check={h.outcome.check} /> : null}
      </Section>
      <details class="group" data-group="health-entry" open={!h.outcome}>
        <summary>
          <h2 class="group-title">Enter the metrics</h2>
        </summary>
        <div class="group-body">
          <Entry c={c} state={state} />
        </div>
      </details>
      <Section title="Team design of the compared scenarios" id="team-design">
        <p class="hint">The traits successful teams share, for each scenario ticked for comparison (Scenarios or Compare tab).</p>
        {state.teamDesign.progress ? <ProgressBar progress={state.teamDesign.progress} label="Computing" /> : null}
        {state.teamDesign.error ? <MessageBar kind="error">{state.teamDesign.error}</MessageBar> : null}
        {state.teamDesign.outcome?.errors.map((e) => (
          <MessageBar kind="error">
            {e.name}: {e.message}
          </MessageBar>
        ))}
        {state.library.compare.length === 0 ? <MessageBar kind="info">Tick scenarios to compare on the Scenarios tab.</MessageBar> : null}
        <TeamDesignTable state={state} />
      </Section>
    </div>
  );
}
