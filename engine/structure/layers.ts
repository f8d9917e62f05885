import type { Tier } from "../scenario/types.js";

/**
 * Management layers: the number of management tiers above the front line on the longest reporting
 * chain from a case-holding tier to the top. A case-holding lead (a cluster's senior practitioner, a
 * unit's consultant social worker) is practice, not a management layer; a tier whose role is
 * "manager" and holds no cases is one.
 */
export function managementLayers(tiers: readonly Tier[]): number {
  const byId = new Map(tiers.map((t) => [t.id, t]));
  let most = 0;
  for (const tier of tiers) {
    if (!tier.holdsCases) continue;
    let layers = 0;
    let up = tier.reportsTo === null ? undefined : byId.get(tier.reportsTo);
    const seen = new Set<string>();
    while (up && !seen.has(up.id)) {
      seen.add(up.id);
      if (up.role === "manager" && !up.holdsCases) layers++;
      up = up.reportsTo === null ? undefined : byId.get(up.reportsTo);
    }
    most = Math.max(most, layers);
  }
  return most;
}

/** The ids of the tiers that report directly to each tier. */
export function directReports(tiers: readonly Tier[]): Map<string, string[]> {
  const reports = new Map<string, string[]>(tiers.map((t) => [t.id, []]));
  for (const tier of tiers) if (tier.reportsTo !== null) reports.get(tier.reportsTo)?.push(tier.id);
  return reports;
}
