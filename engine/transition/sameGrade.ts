import type { Tier } from "../scenario/types.js";

/**
 * Posts deleted and created of the same grade: in a move, holders of deleted posts fill new posts of
 * their own grade (a tier's `grade`, such as "business support" for today's business support and the
 * Blueprint's enablers) before anyone is made redundant or recruited. For each grade both sides name:
 *
 *   same-grade moves = the lesser of the holders of its deleted posts and its new posts filled
 *                      (new posts × (1 − the option's vacancy rate)),
 *
 * shared among its deleted tiers in proportion to their holders. A tier's holders redeployed are then at
 * least its same-grade moves: the redeployed share typed in may say more (moves to other grades), never
 * less. Grades match ignoring case and spaces at either end.
 */

/** The grades both sides name: per grade, its baseline tiers and its option tiers (their indices). */
export interface SameGradeGroup {
  grade: string;
  base: number[];
  option: number[];
}

export function sameGradeGroups(baseTiers: readonly Pick<Tier, "grade">[], optionTiers: readonly Pick<Tier, "grade">[]): SameGradeGroup[] {
  const key = (t: Pick<Tier, "grade">) => t.grade?.trim().toLowerCase() || undefined;
  const groups = new Map<string, SameGradeGroup>();
  baseTiers.forEach((t, b) => {
    const g = key(t);
    if (g === undefined) return;
    let group = groups.get(g);
    if (!group) groups.set(g, (group = { grade: t.grade!.trim(), base: [], option: [] }));
    group.base.push(b);
  });
  optionTiers.forEach((t, o) => {
    const g = key(t);
    if (g !== undefined) groups.get(g)?.option.push(o);
  });
  return [...groups.values()].filter((g) => g.option.length > 0);
}

/**
 * The rule above into `out` (per baseline tier, its same-grade moves; 0 for a tier of no shared
 * grade), from the holders of deleted posts per baseline tier and the new posts per option tier.
 */
export function sameGradeCore(groups: readonly SameGradeGroup[], holders: ArrayLike<number>, newPosts: ArrayLike<number>, vacancyOption: number, out: Float64Array): void {
  out.fill(0);
  for (const group of groups) {
    let held = 0;
    for (const b of group.base) held += holders[b]!;
    let filled = 0;
    for (const o of group.option) filled += newPosts[o]! * (1 - vacancyOption);
    const moves = held < filled ? held : filled;
    for (const b of group.base) out[b] = held > 0 ? (moves * holders[b]!) / held : 0;
  }
}

/** A deleted tier's share of holders the workforce flows may redeploy: the share typed in, or its same-grade moves' share of its holders if more. */
export function redeployableShare(share: number, sameGrade: number, holders: number): number {
  if (!(holders > 0)) return share;
  const moves = sameGrade / holders;
  return moves > share ? moves : share;
}
