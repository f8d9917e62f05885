import { ScenarioError } from "../errors.js";
import { loadScenario } from "../scenario/load.js";
import { toScenarioInput } from "../scenario/settings.js";
import type { Scenario } from "../scenario/types.js";

/**
 * One price base, one council. A comparison's two sides must be costed on the same council in the same
 * year's prices, or the difference mixes the structure with the place and the year. An option stated on
 * another council or year is rebased: run on the baseline's council and with the baseline's finance, so
 * its salaries (stated at the same salary year) are carried to the baseline's year by the baseline's pay
 * awards and its non-pay costs take the baseline's year's figures. Its structure, time use and transition
 * stay its own.
 */

export interface Rebased {
  /** The option as compared: rebased where it needed to be, or as given. */
  option: Scenario;
  /** What was moved, in words; null when the option was already on the baseline's council and year. */
  rebased: string | null;
}

/** Whether two scenarios are on one council and one year's prices. */
export function onOneBasis(baseline: Scenario, option: Scenario): boolean {
  return baseline.council.name === option.council.name && baseline.finance.year === option.finance.year;
}

export function onBaselineBasis(baseline: Scenario, option: Scenario): Rebased {
  if (onOneBasis(baseline, option)) return { option, rebased: null };
  if (baseline.finance.salaryYear !== option.finance.salaryYear) {
    // salaries stated at another year's pay cannot be carried by the baseline's awards: say how to run it
    throw new ScenarioError([
      {
        path: "finance.salaryYear",
        reason: `${option.id} states salaries at ${option.finance.salaryYear} pay and ${baseline.id} at ${baseline.finance.salaryYear}, so ${option.id} cannot be moved onto ${baseline.id}'s year; state both at one salary year, or compare them as given`,
      },
    ]);
  }
  const moved: string[] = [];
  if (baseline.council.name !== option.council.name) moved.push(`on ${baseline.council.name} (not ${option.council.name})`);
  if (baseline.finance.year !== option.finance.year) moved.push(`in ${baseline.finance.year} prices (not ${option.finance.year})`);
  const input = toScenarioInput(option, { withSources: true });
  const base = toScenarioInput(baseline, { withSources: true });
  const rebased = loadScenario({ ...input, council: base.council, finance: base.finance }, { id: option.id });
  return { option: rebased, rebased: `${option.id} is run ${moved.join(" and ")}, as ${baseline.id} is, so that the comparison has one council and one price base` };
}
