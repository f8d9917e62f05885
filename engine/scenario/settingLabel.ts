import { CATEGORY_LABELS } from "../explain/figures.js";
import { addYears } from "../years.js";
import type { Setting } from "./settings.js";
import type { Scenario } from "./types.js";

/**
 * A setting's label as a person reads it: a tier's setting named by the tier, a year of a profile or
 * ramp by its number and financial year, a category's profile by the category, a discount band and a
 * leaver group by their number. The workbook's Inputs sheet and the task pane's editor both use it.
 */
export function settingLabel(setting: Setting, scenario: Scenario): string {
  const parts = setting.key.split(".");
  const label = setting.label;
  if (parts[0] === "structure" && parts[1] === "tiers") {
    const tier = scenario.structure.tiers.find((t) => t.id === parts[2]);
    return `${tier?.name ?? parts[2]}: ${label}`;
  }
  if (parts[0] === "finance" && parts[1] === "payAwards") {
    return parts.length === 3 ? `Pay award ${parts[2]}` : `Pay award ${parts[2]}: ${label}`;
  }
  if (parts[0] === "finance" && parts[2] === "discountSchedule") return `Discount band ${Number(parts[3]) + 1}: ${label}`;
  const year = (i: string) => `year ${Number(i) + 1} (${addYears(scenario.finance.year, Number(i))})`;
  if (parts[0] === "transition") {
    if (parts[1] === "profile" || parts[1] === "ramp") return `${label}: ${year(parts[2]!)}`;
    if (parts[1] === "categoryProfiles") return `Spend profile of ${(CATEGORY_LABELS[parts[2]!] ?? parts[2]!).toLowerCase()}: ${year(parts[3]!)}`;
    if (parts[1] === "leavers") return `Leaver group ${Number(parts[2]) + 1}: ${label}`;
    if (parts[1] === "redeployed") {
      const tier = scenario.structure.tiers.find((t) => t.id === parts[2]);
      return `${label}: ${tier?.name ?? parts[2]} (baseline tier ${parts[2]})`;
    }
  }
  return label;
}

