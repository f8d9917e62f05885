import { listSettings, type Scenario } from "../engine/index.js";
import { withUnit, wrap } from "./format.js";

/**
 * The council's figures a run or comparison rests on, each with its source, so a reader sees where the
 * place's numbers came from (a published council's publication and year, or an assumption) before the
 * results. The caseload shown is the council's own where it states one.
 */
const SHOWN = ["council.children", "council.caseload", "council.vacancyRate", "council.agencyCoverShare", "council.agencyPremium"];

export function councilInputsText(scenario: Scenario): string {
  const settings = listSettings(scenario).filter((s) => SHOWN.includes(s.key));
  settings.sort((a, b) => SHOWN.indexOf(a.key) - SHOWN.indexOf(b.key));
  const lines = [`Council inputs: ${scenario.council.name}`];
  for (const s of settings) {
    const said = s.provenance?.source ?? (s.provenance?.assumption ? `assumption: ${s.provenance.assumption}` : "no source given");
    lines.push(`  ${s.label} (${s.key}) = ${withUnit(s.value, s.unit)}`, wrap(said, 100, "      ", "      "));
  }
  return lines.join("\n");
}
