import { ScenarioError } from "../errors.js";
import { loadScenario } from "../scenario/load.js";
import { toScenarioInput } from "../scenario/settings.js";
import { TIME_USE_SHARES, type Scenario } from "../scenario/types.js";
import { managementLayers } from "../structure/layers.js";

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

/**
 * Whether the option's week should start from the baseline's: an option whose week its drivers change
 * (timeUse.changes) changes the week its council works today, which is the baseline's starting week, in
 * the baseline's management layers. An option that types its own week keeps it.
 */
export function startsFromBaselineWeek(baseline: Scenario, option: Scenario): boolean {
  const c = option.timeUse.changes;
  const changes = c.administrationToSupport !== 0 || c.reportingCutPerLayer !== 0 || c.travelCut !== 0 || c.supervisionChange !== 0;
  if (!changes) return false;
  const differs = TIME_USE_SHARES.some((k) => option.timeUse[k] !== baseline.timeUse[k]) || option.timeUse.hoursPerWeek !== baseline.timeUse.hoursPerWeek;
  return differs || c.managementLayersBefore !== managementLayers(baseline.structure.tiers);
}

export function onBaselineBasis(baseline: Scenario, option: Scenario): Rebased {
  const week = startsFromBaselineWeek(baseline, option);
  if (onOneBasis(baseline, option)) {
    if (!week) return { option, rebased: null };
    return { option: withBaselineWeek(baseline, option), rebased: `${option.id}'s week starts from ${baseline.id}'s (direct contact ${percent(baseline.timeUse.directContact)}), the week its drivers change` };
  }
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
  const onCouncil = loadScenario({ ...input, council: base.council, finance: base.finance }, { id: option.id });
  const rebased = week ? withBaselineWeek(baseline, onCouncil) : onCouncil;
  const weekText = week ? `, its week starting from ${baseline.id}'s (direct contact ${percent(baseline.timeUse.directContact)})` : "";
  return { option: rebased, rebased: `${option.id} is run ${moved.join(" and ")}, as ${baseline.id} is, so that the comparison has one council and one price base${weekText}` };
}

/** The option with the baseline's starting week, hours and management layers, its own changes kept. */
function withBaselineWeek(baseline: Scenario, option: Scenario): Scenario {
  const input = toScenarioInput(option, { withSources: true }) as { timeUse: Record<string, unknown> };
  const base = toScenarioInput(baseline, { withSources: true }) as { timeUse: Record<string, unknown> };
  const timeUse: Record<string, unknown> = { ...input.timeUse, hoursPerWeek: base.timeUse.hoursPerWeek };
  for (const k of TIME_USE_SHARES) timeUse[k] = base.timeUse[k];
  const changes = { ...(input.timeUse.changes as Record<string, unknown>) };
  changes.managementLayersBefore = { value: managementLayers(baseline.structure.tiers), source: `the management layers of ${baseline.id}, whose week this is` };
  timeUse.changes = changes;
  return loadScenario({ ...input, timeUse }, { id: option.id });
}

function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
