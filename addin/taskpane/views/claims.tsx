import { CLAIM_KIND_WORDS, CLAIMS_NOTE, type ClaimRow } from "../../../engine/claims/claims.js";
import type { OptionAnalysis } from "../compute/jobs.js";
import { formatPct, money } from "../model/format.js";
import type { Claims } from "../store.js";
import { MessageBar, ScrollTable, Section } from "./common.js";

/**
 * The claims card: for each option, the Blueprint's headline claims beside what the model computes for
 * each (on the baseline's council and prices), whether that is an output of drivers or an input
 * restated, whether it holds by its stated test, and the chance it holds. The engine's claims table
 * (engine/claims/claims.ts), shown as it comes from the worker.
 */
export function ClaimsSection(props: { comparisons: OptionAnalysis[]; claims: Record<string, Claims> | undefined }) {
  return (
    <Section title="The Blueprint's claims, tested" id="claims">
      <p class="hint">{CLAIMS_NOTE}</p>
      {props.comparisons.map((o) => (
        <ClaimsCard o={o} claims={props.claims?.[o.ref]} />
      ))}
    </Section>
  );
}

/** A change as a signed percentage (+72.9%), a share as a plain one (27.7%), money in pounds. */
function shown(r: ClaimRow): string {
  if (r.unit === "£") return money(r.value);
  return r.figure.startsWith("change.") ? formatPct(r.value) : `${(r.value * 100).toFixed(1)}%`;
}

function ClaimsCard(props: { o: OptionAnalysis; claims: Claims | undefined }) {
  const { o, claims } = props;
  if (!claims || claims.state === "running") {
    return (
      <article class="claims-card" data-option={o.ref} data-claims="running">
        <h3>{o.name}</h3>
        <p class="hint" aria-live="polite">
          Testing the claims…
        </p>
      </article>
    );
  }
  if (claims.state === "failed") {
    return (
      <article class="claims-card" data-option={o.ref} data-claims="failed">
        <h3>{o.name}</h3>
        <MessageBar kind="error">The claims cannot be tested: {claims.message}</MessageBar>
      </article>
    );
  }
  const t = claims.table;
  return (
    <article class="claims-card" data-option={o.ref} data-claims="done">
      <h3>{o.name}</h3>
      <p class="hint">
        Against {t.baseline} on {t.council}, in {t.year} prices; chances from {t.draws.toLocaleString("en-GB")} runs with the uncertain inputs varied.
      </p>
      <ScrollTable label={`The Blueprint's claims for ${o.name}`}>
        <table class="data claims">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">The model gives</th>
              <th scope="col">Is it</th>
              <th scope="col">Holds</th>
              <th scope="col">Chance it holds</th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr data-claim={r.id} data-kind={r.kind}>
                <th scope="row" title={`Holds when ${r.test}. ${r.drivers}.`}>
                  {r.claim}
                </th>
                <td class="num">{shown(r)}</td>
                <td>{CLAIM_KIND_WORDS[r.kind]}</td>
                <td>{r.holds ? "yes" : "no"}</td>
                <td class="num">{r.chance === null ? "nothing varies" : `${Math.round(r.chance * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </article>
  );
}
