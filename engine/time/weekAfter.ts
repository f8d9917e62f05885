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

