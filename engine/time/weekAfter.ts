import { between, atLeast } from "../check.js";

/**
 * The week after: a case-holder's starting week (the activities as measured, shares summing to 1)
 * changed by the structure's drivers. The Blueprint's direct contact share is an output of this rule,
 * never typed in.
 *
 * - administration: the share handed to support staff leaves the case-holder's week;
 * - meetings and reporting to managers: fall by `reportingCutPerLayer` for each management layer the
 *   structure has fewer than the one the week was measured in (rise for each it has more), never
 *   below none;
 * - travel: falls by `travelCut` (neighbourhood patches);
 * - supervision: changes by `supervisionChange` (group supervision added or replacing individual).
 *
 * The hours those changes free (negative: add) are shared out: `freedToDirectContact` of them to
 * direct contact, the rest to learning and other work, so the week still sums to 1. Last, the direct
 * payments lever moves its care-management time (a share of the week, `directPaymentsShare`) from
 * administration to direct contact.
 *
 * Writes the week after into `out` in TIME_USE_SHARES order (direct contact, recording,
 * administration, travel, meetings and reporting, supervision, learning and other) and returns the
 * share of the week the changes freed. The spreadsheet writes the same operations in the same order.
 */
export function weekAfterCore(
  directContact: number,
  recording: number,
  administration: number,
  travel: number,
  meetingsAndReporting: number,
  supervision: number,
  learning: number,
  administrationToSupport: number,
  layersRemoved: number,
  reportingCutPerLayer: number,
  travelCut: number,
  supervisionChange: number,
  freedToDirectContact: number,
  directPaymentsShare: number,
  out: Float64Array | number[],
): number {
  const administrationKept = administration * (1 - administrationToSupport);
  const reportingAfter = meetingsAndReporting * Math.max(0, 1 - reportingCutPerLayer * layersRemoved);
  const travelAfter = travel * (1 - travelCut);
  const supervisionAfter = supervision * (1 + supervisionChange);
  const freed = administration - administrationKept + (meetingsAndReporting - reportingAfter) + (travel - travelAfter) + (supervision - supervisionAfter);
  out[0] = directContact + freedToDirectContact * freed + directPaymentsShare;
  out[1] = recording;
  out[2] = administrationKept - directPaymentsShare;
  out[3] = travelAfter;
  out[4] = reportingAfter;
  out[5] = supervisionAfter;
  out[6] = learning + (1 - freedToDirectContact) * freed;
  return freed;
}

/** The starting week and the changes, by name, for callers outside the model's hot loop. */
export interface WeekChanges {
  administrationToSupport?: number;
  /** Management layers the week was measured in, less the structure's own. */
  layersRemoved?: number;
  reportingCutPerLayer?: number;
  travelCut?: number;
  supervisionChange?: number;
  freedToDirectContact?: number;
  /** Care-management time direct payments free, as a share of the week. */
  directPaymentsShare?: number;
}

export interface Week {
  directContact: number;
  recording: number;
  administration: number;
  travel: number;
  meetingsAndReporting: number;
  supervision: number;
  learning: number;
}

/** The week after, checked: each share of the starting week in [0, 1], each change in its range. */
export function weekAfter(week: Week, changes: WeekChanges = {}): Week & { freed: number } {
  for (const [k, v] of Object.entries(week)) between(k, v, 0, 1);
  const a = changes.administrationToSupport ?? 0;
  const f = changes.freedToDirectContact ?? 1;
  between("administrationToSupport", a, 0, 1);
  between("freedToDirectContact", f, 0, 1);
  between("reportingCutPerLayer", changes.reportingCutPerLayer ?? 0, 0, 1);
  between("travelCut", changes.travelCut ?? 0, -1, 1);
  atLeast("supervisionChange", changes.supervisionChange ?? 0, -1);
  const out = new Float64Array(7);
  const freed = weekAfterCore(
    week.directContact, week.recording, week.administration, week.travel, week.meetingsAndReporting, week.supervision, week.learning,
    a, changes.layersRemoved ?? 0, changes.reportingCutPerLayer ?? 0, changes.travelCut ?? 0, changes.supervisionChange ?? 0, f,
    changes.directPaymentsShare ?? 0,
    out,
  );
  return {
    directContact: out[0]!,
    recording: out[1]!,
    administration: out[2]!,
    travel: out[3]!,
    meetingsAndReporting: out[4]!,
    supervision: out[5]!,
    learning: out[6]!,
    freed,
  };
}
