import type { Setting } from "../scenario/settings.js";
import type { Distribution } from "./distributions.js";

/**
 * Every assumption carries its doubt. A setting stated as a modelling assumption (`assumption:`, no
 * published source) and given no distribution of its own gets a default spread by kind, so that the
 * Monte Carlo, the tornado and the break-even values cover the structural ratios a verdict rests on:
 *
 * - money (a salary, overheads per FTE, a unit cost): triangular, ±20% about the value. Council pay for
 *   one grade varies by about this much between councils (a spine band is some ±5%, and market
 *   supplements and regional weighting add more), and a unit cost guessed from one year has no better
 *   claim;
 * - any other quantity (a span of control, a team size, an FTE, a ratio, a rate): triangular, ±25%.
 *   A structural ratio no source gives (one enabler per two teams, a strategy team of four) is a design
 *   choice a council could make a quarter either way without changing the model it follows.
 *
 * Each spread is cut to the setting's own limits (a share stays inside 0 to 1). The widths are
 * themselves assumptions, said here and in docs/model.md; a scenario that gives a setting its own
 * distribution keeps it, and the defaults can be turned off (`defaultSpreads: false`, --no-default-spreads).
 *
 * Not given a default spread, because varying it alone is not a doubt about a quantity:
 * - whole numbers (a horizon in years, a retirement age) and what fixes the model's shape;
 * - the shares of one whole (the time-use shares of a week, a tier's share of the children, the
 *   leavers' shares), which must keep their sum;
 * - the phasing of transition spend (profiles and ramps), which only moves money between years;
 * - the analysis's own choices (the cost-neutral tolerance, the price base year);
 * - the FTE a span brings (span.fte), which with span.per states one ratio: span.per carries its doubt;
 * - a value of 0 (a lever left off: no team budget);
 * - a value the scenario left out and the schema filled with its default ("default: …").
 */

export const DEFAULT_SPREAD_WIDTH = { money: 0.2, other: 0.25 } as const;

const MONEY_UNITS = new Set(["£", "£ a year"]);

/** Settings never given a default spread, by key pattern, with why. */
const NOT_SPREAD: [RegExp, string][] = [
  [/^timeUse\.(directContact|recording|administration|travel|meetingsAndReporting|supervision|learning)$/, "a share of the starting week: the shares must sum to one"],
  [/\.shareOfChildren$/, "a share of the children: the tiers' shares must not pass one"],
  [/^transition\.leavers\.\d+\.share$/, "a share of the leavers: the shares must sum to one"],
  [/^transition\.(profile|ramp|categoryProfiles)\b/, "the phasing of spend over the years"],
  [/^finance\.appraisal\.(costNeutralTolerance|priceBaseYear|horizonYears)$/, "a choice of the analysis, not an estimate"],
  [/^correlations\./, "a rank correlation between inputs, not an input"],
  [/\.span\.fte$/, "the FTE a span brings: with span.per it states one ratio, whose doubt span.per carries"],
];

/** Why a setting gets no default spread, or undefined when it may have one. */
export function noDefaultSpread(setting: Setting): string | undefined {
  if (setting.kind !== "number") return "not a number";
  if (setting.integer) return "a whole number";
  if (!setting.provenance?.assumption || setting.provenance.source) return "not a labelled assumption";
  // a value the scenario left out, filled by the schema's default, is not an assumption the scenario made
  if (setting.provenance.assumption.startsWith("default:")) return "a default the scenario left in place";
  return NOT_SPREAD.find(([pattern]) => pattern.test(setting.key))?.[1];
}

/** The default spread of an assumption, or null where it gets none (see noDefaultSpread). */
export function defaultSpread(setting: Setting): Distribution | null {
  const value = setting.value;
  if (typeof value !== "number" || !Number.isFinite(value) || value === 0 || noDefaultSpread(setting)) return null;
  const width = MONEY_UNITS.has(setting.unit ?? "") ? DEFAULT_SPREAD_WIDTH.money : DEFAULT_SPREAD_WIDTH.other;
  // to 12 significant figures, so 0.8 × 0.75 reads 0.6 rather than 0.6000000000000001
  const tidy = (x: number) => Number(x.toPrecision(12));
  let min = tidy(Math.min(value * (1 - width), value * (1 + width)));
  let max = tidy(Math.max(value * (1 - width), value * (1 + width)));
  // inside the setting's own limits; an exclusive limit is kept just inside
  const inside = (x: number) => Math.abs(x) * 1e-9 || 1e-12;
  if (setting.min !== undefined && min <= setting.min) min = setting.minExclusive ? setting.min + inside(setting.min) : setting.min;
  if (setting.max !== undefined && max >= setting.max) max = setting.maxExclusive ? setting.max - inside(setting.max) : setting.max;
  if (!(min < value && value < max)) return null;
  return {
    type: "triangular",
    min,
    mode: value,
    max,
    assumption: `default spread of an assumption: ±${Math.round(width * 100)}% about the value, triangular (engine/uncertainty/defaultSpreads.ts)`,
  };
}
