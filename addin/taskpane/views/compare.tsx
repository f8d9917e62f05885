import { allocateTableWholePounds, CATEGORY_LABELS, TRANSITION_CATEGORIES, wholePoundsChange, type Comparison, type FigureChange } from "../../../engine/index.js";
import type { Controller } from "../controller.js";
import type { OptionAnalysis, ScenarioAnalysis } from "../compute/jobs.js";
import { MAX_COMPARED, type ScenarioRef } from "../model/library.js";
import { formatChange, formatPct, formatValue, money, pounds, poundsChange } from "../model/format.js";
import type { PaneState } from "../store.js";
import { CashFlowChart, SERIES_COLOURS, TierCostChart, TransitionChart, WorkforceChart } from "./charts.js";
import { FigureButton, MessageBar, ProgressBar, ScenarioName, ScrollTable, Section } from "./common.js";
import { ScenarioPicker } from "./picker.js";
import { Checks } from "./results.js";
import { VERDICT_WORDS, VerdictSection } from "./verdict.js";
import type { Chance, Claims } from "../store.js";
import { ClaimsSection } from "./claims.js";

/** The figures of the headline comparison, in the order a director reads them. */
const HEADLINE_FIGURES = [
  "caseload.childrenPerCaseHolder",
  "time.directContactShare",
  "time.directContactHoursPerChildPerWeek",
  "runCost.total",
  "structure.totalFte",
  "caseload.caseHoldingFte",
  "structure.layers",
];

function shortValue(value: number | null, unit: string): string {
  if (value === null) return "—";
  return formatValue(value, unit);
}

const isMoney = (unit: string) => unit === "£" || unit === "£ a year";

/**
 * A figure's change against the baseline. Money in whole pounds is the shown option less the shown
 * baseline (the engine's wholePoundsChange), so the three numbers on screen agree; with `pence` the
 * table shows pennies, where the engine's change already agrees.
 */
function ChangeLine(props: { f: FigureChange; pence?: boolean }) {
  const { f } = props;
  const shownChange = f.change !== null && isMoney(f.unit) && !props.pence && f.baseline !== null && f.option !== null ? wholePoundsChange(f.baseline, f.option) : f.change;
  if (shownChange === null || shownChange === 0) return <span class="change none">{shownChange === 0 ? "no change" : ""}</span>;
  const dir = shownChange > 0 ? "up" : "down";
  const amount = isMoney(f.unit) && !props.pence ? poundsChange(shownChange) : formatChange(shownChange, f.unit, { pence: props.pence });
  return (
    <span class={`change ${dir}`}>
      {amount}
      {f.changePct !== null && f.unit !== "share" ? ` (${formatPct(f.changePct)})` : ""}
    </span>
  );
}

function Pickers(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const compare = state.library.compare;
  const options = compare.slice(1);
  return (
    <div class="pickers">
      <ScenarioPicker c={c} state={state} id="compare-baseline" label="Baseline" value={compare[0] ?? ""} allowNone={compare[0] ? undefined : "Choose the baseline"} onChange={(r) => c.setCompared(0, r)} />
      {options.map((ref, k) => (
        <div class="picker-row">
          <ScenarioPicker c={c} state={state} id={`compare-option-${k + 1}`} label={`Option ${k + 1}`} value={ref} exclude={compare} onChange={(r) => c.setCompared(k + 1, r)} />
          <button type="button" class="button subtle icon" aria-label={`Remove option ${k + 1}`} onClick={() => c.setCompared(k + 1, null)}>
            ✕
          </button>
        </div>
      ))}
      {compare.length < MAX_COMPARED ? (
        <ScenarioPicker c={c} state={state} id={`compare-option-${options.length + 1}`} label={`Add option ${options.length + 1}`} value="" allowNone="Choose a scenario to add" exclude={compare} onChange={(r) => r && c.setCompared(compare.length, r)} />
      ) : null}
    </div>
  );
}

export function CompareView(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const { analysis, progress, error } = state.comparison;
  const refs = state.library.compare;
  return (
    <div class="view compare">
      {/* Past the pickers and the figure buttons, straight to the answer and the appraisal. */}
      {analysis && analysis.comparisons.length > 0 ? (
        <div class="skip-links">
          <a class="skip-link" href="#verdict-title">
            Skip to the answer
          </a>
          <a class="skip-link" href="#appraisal-title">
            Skip to the appraisal
          </a>
        </div>
      ) : null}
      <Pickers c={c} state={state} />
      {refs.length < 2 ? <MessageBar kind="info">Choose a baseline and at least one option: up to four scenarios side by side.</MessageBar> : null}
      {progress ? <ProgressBar progress={progress} label="Comparing" /> : null}
      {error ? <MessageBar kind="error">{error}</MessageBar> : null}
      {analysis?.errors.map((e) => (
        <MessageBar kind="error">
          {e.name}: {e.message}
        </MessageBar>
      ))}
      {analysis && analysis.results.length >= 2 && analysis.comparisons.length > 0 ? <ComparisonBody c={c} results={analysis.results} comparisons={analysis.comparisons} chances={state.comparison.chances} claims={state.comparison.claims} /> : null}
    </div>
  );
}

function ComparisonBody(props: { c: Controller; results: ScenarioAnalysis[]; comparisons: OptionAnalysis[]; chances: Record<string, Chance> | undefined; claims: Record<string, Claims> | undefined }) {
  const { c, results, comparisons } = props;
  const baseline = results[0]!;
  const baseRef = baseline.ref as ScenarioRef;
  const explainOption = (o: OptionAnalysis, figure: string, label: string) => () => void c.explain(`${o.name}: ${label}`, figure, o.ref as ScenarioRef, baseRef);
  const explainBaseline = (figure: string, label: string) => () => void c.explain(`${baseline.name}: ${label}`, figure, baseRef);
  const figuresOf = (cmp: Comparison) => new Map(cmp.figures.map((f) => [f.figure, f]));
  const maps = comparisons.map((o) => figuresOf(o.comparison));
  const first = maps[0]!;
  return (
    <>
      <VerdictSection comparisons={comparisons} baselineName={baseline.name} chances={props.chances} />
      <Section title="Side by side" id="side">
        <p class="hint">Changes are against the baseline, {baseline.name}. Select a figure to see how it was computed.</p>
        <ScrollTable label="Headline figures side by side">
          <table class="data side-by-side">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">
                  <ScenarioName name={baseline.name} shortName={baseline.shortName} />
                  <span class="tag">baseline</span>
                </th>
                {comparisons.map((o) => (
                  <th scope="col">
                    <ScenarioName name={o.name} shortName={o.shortName} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {HEADLINE_FIGURES.map((name) => {
                const f = first.get(name);
                if (!f) return null;
                return (
                  <tr data-figure={name}>
                    <th scope="row">{f.label}</th>
                    <td>
                      <FigureButton label={`${baseline.name}: ${f.label}`} onExplain={explainBaseline(name, f.label)}>
                        {shortValue(f.baseline, f.unit)}
                      </FigureButton>
                    </td>
                    {comparisons.map((o, k) => {
                      const fo = maps[k]!.get(name)!;
                      return (
                        <td>
                          <FigureButton label={`${o.name}: ${f.label}`} onExplain={explainOption(o, `option.${name}`, f.label)}>
                            {shortValue(fo.option, fo.unit)}
                          </FigureButton>
                          <ChangeLine f={fo} />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      </Section>
      <ClaimsSection comparisons={comparisons} claims={props.claims} />
      <Section title="Appraisal" id="appraisal">
        <ScrollTable label="Appraisal of each option">
          <table class="data appraisal">
            <thead>
              <tr>
                <th scope="col">
                  Against <ScenarioName name={baseline.name} shortName={baseline.shortName} />
                </th>
                {comparisons.map((o) => (
                  <th scope="col">
                    <ScenarioName name={o.name} shortName={o.shortName} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <AppraisalRow label="Change in run cost a year" figure="change.runCost" comparisons={comparisons} explain={explainOption} value={(x) => `${poundsChange(wholePoundsChange(x.baseline.runCost.total, x.option.runCost.total))} (${formatPct(x.change.runCostPct)})`} />
              <AppraisalRow label="Run cost verdict" figure="costNeutral" comparisons={comparisons} explain={explainOption} value={(x) => VERDICT_WORDS[x.verdict].badge} tone={(x) => VERDICT_WORDS[x.verdict].tone} />
              <AppraisalRow label="Transition spend" figure="transition.total" comparisons={comparisons} explain={explainOption} value={(x) => money(x.transition.total)} />
              <AppraisalRow label="With optimism bias" figure="appraisal.transitionWithOptimismBias" comparisons={comparisons} explain={explainOption} value={(x) => money(x.appraisal.transitionWithOptimismBias)} />
              <AppraisalRow label="Optimism bias on the run cost change" figure="appraisal.runCostOptimismBias" comparisons={comparisons} explain={explainOption} value={(x) => money(x.appraisal.runCostOptimismBias)} />
              {comparisons.some((x) => x.comparison.appraisal.retention !== 0) && (
                <AppraisalRow label="Retention saving (turnover and vacancies)" figure="appraisal.retention" comparisons={comparisons} explain={explainOption} value={(x) => money(x.appraisal.retention)} />
              )}
              <AppraisalRow label={`Net present value (${comparisons[0]!.comparison.appraisal.horizonYears} years)`} figure="appraisal.npv" comparisons={comparisons} explain={explainOption} value={(x) => money(x.appraisal.npv)} tone={(x) => (x.appraisal.npv >= 0 ? "good" : "bad")} />
              {comparisons.some((x) => x.comparison.demand?.unitCost) && (
                <>
                  <AppraisalRow label="NPV with cashable benefits (fewer children looked after)" figure="appraisal.npvWithBenefits" comparisons={comparisons} explain={explainOption} value={(x) => (x.demand?.unitCost ? money(x.appraisal.npvWithBenefits) : "No unit cost")} />
                  <AppraisalRow label="Fewer children looked after that would pay for the move" figure="demand.fewerLookedAfterToBreakEven" comparisons={comparisons} explain={explainOption} value={(x) => (x.demand?.fewerLookedAfterToBreakEven == null ? "No unit cost" : x.demand.fewerLookedAfterToBreakEven.toLocaleString("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 }))} />
                </>
              )}
              {comparisons.some((x) => x.comparison.demand && x.comparison.demand.childrenHeldChange !== 0) && (
                <AppraisalRow label="Children per case-holder at work after the demand change" figure="demand.caseloadAfterDemand" comparisons={comparisons} explain={explainOption} value={(x) => (x.demand ? x.demand.caseloadAfterDemand.toLocaleString("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 }) : "No change")} />
              )}
              <AppraisalRow label="Payback year" figure="appraisal.paybackYear" comparisons={comparisons} explain={explainOption} value={(x) => x.appraisal.paybackYear ?? "Not within the appraisal"} />
            </tbody>
          </table>
        </ScrollTable>
      </Section>
      <Section title="Transition spend by year and category" id="transition">
        {comparisons.map((o) => (
          <TransitionBlock o={o} explain={explainOption} />
        ))}
      </Section>
      <Section title="Run cost by tier" id="tiercost">
        <TierCosts results={results} />
      </Section>
      <Section title="Cumulative cash flow" id="cashflow">
        <CashFlows comparisons={comparisons} />
      </Section>
      <details class="group" data-group="all-figures">
        <summary>
          <h2 class="group-title">Every figure, in pounds and pence</h2>
        </summary>
        <AllFigures c={c} baseline={baseline} comparisons={comparisons} explainOption={explainOption} />
      </details>
      <Checks title="Checks" checks={comparisons.flatMap((o) => o.comparison.checks.map((k) => ({ ...k, name: comparisons.length > 1 ? `${o.name}: ${k.name}` : k.name })))} />
    </>
  );
}

function AppraisalRow(props: {
  label: string;
  figure: string;
  comparisons: OptionAnalysis[];
  explain: (o: OptionAnalysis, figure: string, label: string) => () => void;
  value: (c: Comparison) => string;
  tone?: (c: Comparison) => "good" | "neutral" | "bad";
}) {
  return (
    <tr data-figure={props.figure}>
      <th scope="row">{props.label}</th>
      {props.comparisons.map((o) => (
        <td class={props.tone ? `tone-${props.tone(o.comparison)}` : ""}>
          <FigureButton label={`${o.name}: ${props.label}`} onExplain={props.explain(o, props.figure, props.label)}>
            {props.value(o.comparison)}
          </FigureButton>
        </td>
      ))}
    </tr>
  );
}

function TransitionBlock(props: { o: OptionAnalysis; explain: (o: OptionAnalysis, figure: string, label: string) => () => void }) {
  const { o } = props;
  const t = o.comparison.transition;
  if (t.years.length === 0) return <p class="hint">{o.name}: no transition drivers, so no transition spend.</p>;
  // Whole pounds in which every row, column and the total add up (the engine's controlled rounding).
  const shown = allocateTableWholePounds(t.table);
  return (
    <div class="transition-block" data-option={o.ref}>
      <TransitionChart title={`${o.shortName}: ${pounds(shown.total)} over ${t.years.length} years`} years={t.years} categories={TRANSITION_CATEGORIES.map((cat, i) => ({ label: CATEGORY_LABELS[cat] ?? cat, values: t.table[i]!, shown: shown.cells[i]! }))} yearTotals={shown.columnTotals} />
      {o.workforce ? (
        <>
          <WorkforceChart title={`${o.shortName}: the workforce through the move`} years={o.workforce.years} inPost={o.workforce.inPost} agency={o.workforce.agency} uncovered={o.workforce.uncovered} />
          <p class="hint" data-workforce-note>
            {o.workforce.monthsToFullStaffing === null ? "Not fully staffed within the appraisal" : `Fully staffed by month ${o.workforce.monthsToFullStaffing}`}, with the council's turnover and starters{o.comparison.transition.workforce ? "; the transition's double running, agency bridging, recruitment and redundancy are costed from these flows." : "; the transition's workforce costs come from the shares typed in."}
          </p>
        </>
      ) : null}
      <ScrollTable label={`${o.name}: transition spend by year and category`} class="keeps-total">
        <table class="data compact">
          <thead>
            <tr>
              <th scope="col">Category</th>
              {t.years.map((y) => (
                <th scope="col" class="numeric">
                  {y}
                </th>
              ))}
              <th scope="col" class="numeric">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {TRANSITION_CATEGORIES.map((cat, i) => (
              <tr>
                <th scope="row">{CATEGORY_LABELS[cat]}</th>
                {shown.cells[i]!.map((v) => (
                  <td class="numeric">{pounds(v)}</td>
                ))}
                <td class="numeric">
                  <FigureButton label={`${o.name}: ${CATEGORY_LABELS[cat]}`} onExplain={props.explain(o, `transition.byCategory.${cat}`, `Transition: ${CATEGORY_LABELS[cat]}`)}>
                    {pounds(shown.rowTotals[i]!)}
                  </FigureButton>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {t.byYear.map((y, j) => (
                <td class="numeric">
                  <FigureButton label={`${o.name}: transition spend in ${y.year}`} onExplain={props.explain(o, `transition.byYear.${y.year}`, `Transition spend in ${y.year}`)}>
                    {pounds(shown.columnTotals[j]!)}
                  </FigureButton>
                </td>
              ))}
              <td class="numeric">
                <FigureButton label={`${o.name}: transition spend`} onExplain={props.explain(o, "transition.total", "Transition spend")}>
                  {pounds(shown.total)}
                </FigureButton>
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollTable>
    </div>
  );
}

function TierCosts(props: { results: ScenarioAnalysis[] }) {
  const order: { id: string; name: string }[] = [];
  for (const r of props.results) for (const t of r.result.structure.tiers) if (!order.some((x) => x.id === t.id)) order.push({ id: t.id, name: t.name });
  return (
    <TierCostChart
      tiers={order.map((t) => t.name)}
      series={props.results.map((r) => ({ name: r.shortName, values: order.map((t) => r.result.structure.tiers.find((x) => x.id === t.id)?.annualCost ?? 0) }))}
    />
  );
}

function CashFlows(props: { comparisons: OptionAnalysis[] }) {
  const years: string[] = [];
  for (const o of props.comparisons) for (const f of o.comparison.appraisal.cashFlows) if (!years.includes(f.year)) years.push(f.year);
  years.sort();
  return (
    <CashFlowChart
      years={years}
      series={props.comparisons.map((o, k) => ({
        name: o.shortName,
        colour: SERIES_COLOURS[(k + 1) % SERIES_COLOURS.length]!,
        values: years.map((y) => o.comparison.appraisal.cashFlows.find((f) => f.year === y)?.cumulative ?? null),
        payback: o.comparison.appraisal.paybackYear === null ? null : years.indexOf(o.comparison.appraisal.paybackYear),
      }))}
    />
  );
}

function AllFigures(props: { c: Controller; baseline: ScenarioAnalysis; comparisons: OptionAnalysis[]; explainOption: (o: OptionAnalysis, figure: string, label: string) => () => void }) {
  const { comparisons } = props;
  const names: string[] = [];
  const meta = new Map<string, FigureChange>();
  for (const o of comparisons) for (const f of o.comparison.figures) if (!meta.has(f.figure)) { meta.set(f.figure, f); names.push(f.figure); }
  const maps = comparisons.map((o) => new Map(o.comparison.figures.map((f) => [f.figure, f])));
  return (
    <ScrollTable label="Every figure side by side">
      <table class="data compact all-figures">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">
              <ScenarioName name={props.baseline.name} shortName={props.baseline.shortName} />
            </th>
            {comparisons.map((o) => (
              <th scope="col">
                <ScenarioName name={o.name} shortName={o.shortName} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const m = meta.get(name)!;
            return (
              <tr data-figure={name}>
                <th scope="row">{m.label}</th>
                <td class="numeric">{formatValue(m.baseline, m.unit, { pence: true })}</td>
                {comparisons.map((o, k) => {
                  const f = maps[k]!.get(name);
                  return (
                    <td class="numeric">
                      {f ? (
                        <>
                          <FigureButton label={`${o.name}: ${m.label}`} onExplain={props.explainOption(o, `option.${name}`, m.label)}>
                            {formatValue(f.option, f.unit, { pence: true })}
                          </FigureButton>
                          <ChangeLine f={f} pence />
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
