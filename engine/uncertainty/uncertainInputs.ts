import type { Issue } from "../errors.js";
import { closeMatches } from "../names.js";
import { correlationFactor, type Correlation } from "./correlation.js";
import type { Distribution } from "./distributions.js";

/**
 * Which settings may be uncertain, and whether a scenario's correlations make sense. Checked when a
 * scenario is validated, so a file with an impossible correlation fails to load with the path and
 * reason, like any other bad input.
 */

/**
 * Settings that fix the shape of the compiled model rather than a number in it: how many transition
 * years and appraisal years there are, where the discount bands start. The compiled model reads them
 * once, so a draw could not change them; and a correlation is about inputs, not an input itself.
 */
const FIXED_SHAPE: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /^transition\.years$/, why: "the number of transition years fixes the shape of the transition" },
  { pattern: /^finance\.appraisal\.horizonYears$/, why: "the appraisal horizon fixes the number of years appraised" },
  { pattern: /^finance\.appraisal\.discountSchedule\.\d+\.fromYear$/, why: "the years the discount bands start fix the shape of the schedule" },
  { pattern: /^correlations\./, why: "a correlation describes uncertain inputs; it cannot itself be one" },
];

/** Why a setting cannot carry a distribution, or undefined when it can. */
export function fixedShapeReason(key: string): string | undefined {
  return FIXED_SHAPE.find((f) => f.pattern.test(key))?.why;
}

/**
 * Checks a scenario's distributions and correlations, adding every problem to `issues`. A correlation
 * must name two numeric settings of the scenario; it acts whenever both are uncertain, so one whose
 * settings carry no distribution (a preset's, after a user states one of them as a known value) is
 * kept but inert. Correlations between settings that are both uncertain must be possible together.
 */
export function checkUncertainInputs(distributions: Readonly<Record<string, Distribution>>, correlations: readonly Correlation[], numbers: ReadonlySet<string>, issues: Issue[]): void {
  for (const key of Object.keys(distributions)) {
    const why = fixedShapeReason(key);
    if (why) issues.push({ path: `${key}.distribution`, reason: `cannot be uncertain: ${why}` });
  }
  if (correlations.length === 0) return;
  const before = issues.length;
  correlations.forEach((c, i) => {
    c.between.forEach((key, j) => {
      if (numbers.has(key) && !fixedShapeReason(key)) return;
      const near = closeMatches(key, [...numbers].filter((k) => !fixedShapeReason(k)));
      issues.push({ path: `correlations[${i}].between[${j}]`, reason: `"${key}" is not a numeric setting of this scenario${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""}` });
    });
  });
  if (issues.length > before) return;
  // Names, ranks and repeats of every correlation; possibility only of those whose inputs are both uncertain.
  const active = correlations.filter((c) => c.between.every((k) => k in distributions));
  const involved = [...new Set(correlations.flatMap((c) => c.between))];
  for (const issue of correlationFactor(involved, correlations).issues) {
    if (issue.index < 0) continue;
    issues.push({ path: `correlations[${issue.index}]${issue.field ? `.${issue.field}` : ""}`, reason: issue.reason });
  }
  if (issues.length > before || active.length === 0) return;
  for (const issue of correlationFactor([...new Set(active.flatMap((c) => c.between))], active).issues) {
    issues.push({ path: issue.index < 0 ? "correlations" : `correlations[${correlations.indexOf(active[issue.index]!)}]${issue.field ? `.${issue.field}` : ""}`, reason: issue.reason });
  }
}
