import { wholePoundsChange, type Comparison } from "../../../engine/index.js";
import type { OptionAnalysis } from "../compute/jobs.js";
import { formatPct, money, poundsChange } from "../model/format.js";
import type { Chance } from "../store.js";
import { MessageBar } from "./common.js";

/**
 * The answer first: for each option, what the move costs and over which years, what the run cost does
 * each year after (the engine's three-way verdict), the NPV and payback, and the chance it saves or
 * stays cost neutral. Every figure is the engine's; the card only puts them into sentences. Anything
 * that makes a comparison unsafe (the engine's basis warning) is a banner above the cards.
 */

/** The verdict in a director's words: a saving reads as a saving, never as a red "No". */
export const VERDICT_WORDS: Record<Comparison["verdict"], { badge: string; tone: "good" | "neutral" | "bad" }> = {
  saves: { badge: "Saves money", tone: "good" },
  neutral: { badge: "Cost neutral", tone: "neutral" },
  costs: { badge: "Costs more", tone: "bad" },
};

/** The banners above the verdict: one per option whose two sides do not stand on one price base. */
export function BasisBanners(props: { comparisons: OptionAnalysis[] }) {
  const unsafe = props.comparisons.filter((o) => o.comparison.basis.warning);
  if (unsafe.length === 0) return null;
  return (
    <div class="basis-banners" data-basis="unsafe">
      {unsafe.map((o) => (
        <MessageBar kind="warning">
          {/* The engine's words name the command line's --council; the pane has no such flag. */}
          <strong>Do not rely on this comparison yet{props.comparisons.length > 1 ? ` (${o.name})` : ""}.</strong> {o.comparison.basis.warning!.replace(/ \(for example with --council\)/, "")}
        </MessageBar>
      ))}
    </div>
  );
}

function yearsText(years: string[]): string {
  if (years.length === 0) return "";
  if (years.length === 1) return `in ${years[0]}`;
  return `over ${years.length} years, ${years[0]} to ${years[years.length - 1]}`;
}

function runCostSentence(c: Comparison): string {
  const change = wholePoundsChange(c.baseline.runCost.total, c.option.runCost.total);
  const amount = poundsChange(change).replace(/^[+−]/, "");
  const pct = formatPct(c.change.runCostPct).replace(/^[+−]/, "");
  const tolerance = `${(c.appraisal.costNeutralTolerance * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`;
  if (c.verdict === "saves") return `Each year after, the run cost falls by ${amount} (${pct}): a saving.`;
  if (c.verdict === "costs") return `Each year after, the run cost rises by ${amount} (${pct}): it costs more to run.`;
  if (change === 0) return `Each year after, the run cost stays the same: cost neutral.`;
  return `Each year after, the run cost ${change < 0 ? "falls" : "rises"} by ${amount} (${pct}), within the ${tolerance} the appraisal counts as cost neutral.`;
}

function chanceSentence(chance: Chance | undefined): { text: string; state: string } {
  if (!chance || chance.state === "running") return { text: "Working out how likely it is to save or stay cost neutral…", state: "running" };
  if (chance.state === "failed") return { text: `How likely it is to save or stay cost neutral cannot be worked out: ${chance.message}.`, state: "failed" };
  const pct = `${Math.round(chance.savesOrNeutral * 100)}%`;
  return { text: `Chance it saves or stays cost neutral: ${pct}, across ${chance.draws.toLocaleString("en-GB")} runs with the uncertain inputs varied.`, state: "done" };
}

export function VerdictCard(props: { o: OptionAnalysis; baselineName: string; chance: Chance | undefined }) {
  // The card has room for the full name: it wraps, where a table header cannot.
  const { o, chance } = props;
  const c = o.comparison;
  const words = VERDICT_WORDS[c.verdict];
  const t = c.transition;
  const a = c.appraisal;
  const transition = t.years.length === 0 || t.total === 0 ? "The move needs no one-off transition spend." : `The move costs ${money(t.total)} one-off ${yearsText(t.years)} (${money(a.transitionWithOptimismBias)} with optimism bias).`;
  const npv = `Over ${a.horizonYears} years its net present value is ${money(a.npv)}${a.npv >= 0 ? ", a net saving" : ", a net cost"}; ${a.paybackYear ? `it pays back by ${a.paybackYear}.` : `it does not pay back within the ${a.horizonYears} years.`}`;
  const odds = chanceSentence(chance);
  return (
    <article class={`verdict-card tone-${words.tone}`} data-verdict={c.verdict} data-option={o.ref} aria-labelledby={`verdict-${o.ref}`}>
      <header class="verdict-head">
        <h3 id={`verdict-${o.ref}`} class="verdict-title" title={o.name}>
          {o.name}
        </h3>
        <span class={`verdict-badge tone-${words.tone}`}>{words.badge}</span>
      </header>
      <p class="verdict-against">Against {props.baselineName}</p>
      <ul class="verdict-lines">
        <li data-line="transition">{transition}</li>
        <li data-line="runCost">{runCostSentence(c)}</li>
        <li data-line="npv">{npv}</li>
        <li data-line="chance" data-chance={odds.state} aria-live="polite">
          {odds.text}
        </li>
      </ul>
    </article>
  );
}

/** The top of Compare: banners for an unsafe basis, then one verdict card per option. */
export function VerdictSection(props: { comparisons: OptionAnalysis[]; baselineName: string; chances: Record<string, Chance> | undefined }) {
  return (
    <section class="section verdict" aria-labelledby="verdict-title" id="verdict">
      <h2 class="section-title" id="verdict-title" tabIndex={-1}>
        The answer
      </h2>
      <BasisBanners comparisons={props.comparisons} />
      {props.comparisons.map((o) => (
        <VerdictCard o={o} baselineName={props.baselineName} chance={props.chances?.[o.ref]} />
      ))}
    </section>
  );
}
