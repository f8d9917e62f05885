import type { Council, Demand } from "../scenario/types.js";

/**
 * The demand lever's change in the children the case-holders hold, once phased in: each group's change
 * weighted by its share of the children.
 *
 *   change = (1 − on a plan − looked after) × in need change + on a plan × plan change + looked after × looked-after change
 *
 * The shares are the council's (council.childProtectionShare, council.lookedAfterShare), taken as shares
 * of the children held (the DfE's cases). A council that states no share of a group cannot weigh that
 * group on its own: its children then move with the other children in need, and the note says so (a
 * published council states no children on a plan: the workforce files hold no plan counts).
 */
export interface ChildrenHeldChange {
  /** Relative change in the children held once phased in. */
  change: number;
  /** Why a group moves with the children in need rather than by its own change, or null. */
  note: string | null;
}

export function childrenHeldChange(council: Pick<Council, "name" | "childProtectionShare" | "lookedAfterShare">, demand: Pick<Demand, "inNeedChange" | "onPlanChange" | "lookedAfterChange">): ChildrenHeldChange {
  const cp = council.childProtectionShare ?? NaN;
  const la = council.lookedAfterShare ?? NaN;
  const notes: string[] = [];
  const say = (share: number, own: number, what: string) => {
    if (Number.isNaN(share) && own !== demand.inNeedChange) {
      const theirs = own === 0 ? "though no change was set for them" : `not by their own change (${pct(own)})`;
      notes.push(`${council.name} states no share of children ${what}, so they move with the other children in need (${pct(demand.inNeedChange)}), ${theirs}`);
    }
  };
  say(cp, demand.onPlanChange, "on a child protection plan");
  say(la, demand.lookedAfterChange, "looked after");
  return { change: childrenHeldChangeCore(cp, la, demand.inNeedChange, demand.onPlanChange, demand.lookedAfterChange), note: notes.length > 0 ? `${notes.join("; ")}.` : null };
}

/** The rule above on numbers, a share NaN where the council states none (the comparison model runs it for each draw). */
export function childrenHeldChangeCore(onPlanShare: number, lookedAfterShare: number, inNeedChange: number, onPlanChange: number, lookedAfterChange: number): number {
  let rest = 1;
  let change = 0;
  if (!Number.isNaN(onPlanShare)) {
    change += onPlanShare * onPlanChange;
    rest -= onPlanShare;
  }
  if (!Number.isNaN(lookedAfterShare)) {
    change += lookedAfterShare * lookedAfterChange;
    rest -= lookedAfterShare;
  }
  return change + rest * inNeedChange;
}

function pct(x: number): string {
  return `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.round(Math.abs(x) * 1000) / 10}%`;
}
