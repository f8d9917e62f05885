import { allocateTablePennies } from "./allocate.js";
import { DomainError } from "../errors.js";
import { checkPennies, toPennies } from "./round.js";

/**
 * Money shown in whole pounds, reconciled: where a screen shows parts and their total in whole
 * pounds, rounding each on its own can leave the parts a pound or two off the total (tiers adding up
 * to £12,753,873 under a run cost of £12,753,874). These helpers round the amount to the penny first
 * (as every money figure is published), then to the pound half away from zero, and allocate so the
 * whole-pound parts add up exactly to the whole-pound total: the largest-remainder rule the penny
 * allocation uses, on pennies, so the arithmetic is exact integers.
 */

/** Whole pounds of an amount, rounded to the penny and then to the pound, half away from zero. */
export function toWholePounds(pounds: number): number {
  return penniesToWholePounds(toPennies(pounds));
}

function penniesToWholePounds(pennies: number): number {
  const size = Math.floor((Math.abs(pennies) + 50) / 100);
  return pennies < 0 && size !== 0 ? -size : size;
}

/**
 * Parts in whole pounds that add up exactly to `total` in whole pounds (default: the parts' sum).
 * Each part is its amount rounded down or up to the pound; the pounds the total still needs go to
 * the parts with the largest pennies left over, the earlier part first among equals.
 */
export function allocateWholePounds(parts: readonly number[], total?: number): number[] {
  const pennies = parts.map(toPennies);
  const target = total === undefined ? penniesToWholePounds(pennies.reduce((s, p) => s + p, 0)) : toWholePounds(total);
  const base = pennies.map((p) => Math.floor(p / 100));
  const leftover = pennies.map((p, i) => p - base[i]! * 100);
  const remainder = checkPennies(target - base.reduce((s, b) => s + b, 0), "total");
  const n = base.length;
  if (remainder === 0) return base.map((b) => (b === 0 ? 0 : b));
  if (n === 0) throw new DomainError("total", `has £${remainder} and no parts to give it to`);
  // Whole rounds of a remainder larger than the number of parts (a total set far from the parts) go
  // to every part at once; what is left goes a pound each, largest leftovers first (taken back from the
  // smallest): a fixed number of passes whatever the amounts.
  const rounds = Math.trunc(remainder / n);
  if (rounds !== 0) for (let i = 0; i < n; i++) base[i]! += rounds;
  const left = remainder - rounds * n;
  const order = (want: "largest" | "smallest") =>
    pennies.map((_, i) => i).sort((a, b) => (want === "largest" ? leftover[b]! - leftover[a]! : leftover[a]! - leftover[b]!) || (want === "largest" ? a - b : b - a));
  if (left > 0) for (const i of order("largest").slice(0, left)) base[i]! += 1;
  if (left < 0) for (const i of order("smallest").slice(0, -left)) base[i]! -= 1;
  return base.map((b) => (b === 0 ? 0 : b));
}

/**
 * A table in whole pounds whose rows add up to its row totals, its columns to its column totals and
 * both to the grand total, each shown in whole pounds (controlled rounding). Whole pounds are to
 * hundreds of pounds what pennies are to pounds, so this is the penny table allocation one place
 * further left, on the cells rounded to the penny first.
 */
export function allocateTableWholePounds(cells: readonly (readonly number[])[]): { cells: number[][]; rowTotals: number[]; columnTotals: number[]; total: number } {
  const pennies = cells.map((row) => row.map(toPennies));
  const hundreds = pennies.map((row) => row.map((p) => p / 10_000));
  // The grand total from the whole pennies (exact integers), not from the scaled amounts added in floating point.
  const grand = penniesToWholePounds(pennies.reduce((s, row) => s + row.reduce((a, p) => a + p, 0), 0));
  const shown = allocateTablePennies(hundreds, { grand }).map((row) => row.map((v) => (v === 0 ? 0 : v)));
  const rowTotals = shown.map((row) => row.reduce((s, v) => s + v, 0));
  const columns = shown[0]?.length ?? 0;
  const columnTotals = Array.from({ length: columns }, (_, j) => shown.reduce((s, row) => s + row[j]!, 0));
  return { cells: shown, rowTotals, columnTotals, total: rowTotals.reduce((s, v) => s + v, 0) };
}

/** The change from one amount to another as whole pounds show it: the shown option less the shown baseline, so the three agree on screen. */
export function wholePoundsChange(from: number, to: number): number {
  const change = toWholePounds(to) - toWholePounds(from);
  return change === 0 ? 0 : change;
}
