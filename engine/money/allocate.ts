import { DomainError } from "../errors.js";
import { checkPennies, MAX_PENNIES, toPennies } from "./round.js";

/**
 * Allocation: rounding parts to the penny so that they sum exactly to their rounded total
 * (the largest-remainder method: every part is its amount rounded down or up, and the pennies left
 * over go to the parts with the largest fractions). Ties go to the earlier part, so the result is
 * the same every time.
 */
export function allocatePennies(parts: ArrayLike<number>, totalPennies?: number): number[] {
  const n = parts.length;
  const base = new Array<number>(n);
  const fraction = partScratch.fractions(n);
  let sum = 0;
  let exactSum = 0;
  for (let i = 0; i < n; i++) {
    const exact = checkedScale(parts[i]!);
    exactSum += parts[i]!;
    const b = floorSnapped(exact);
    base[i] = b;
    fraction[i] = exact - b;
    sum += b;
  }
  const target = checkPennies(totalPennies ?? toPennies(exactSum), "total");
  const remainder = checkPennies(target - sum, "total");
  if (remainder === 0) return base;
  if (n === 0) throw new DomainError("total", `has ${remainder} pennies and no parts to give them to`);
  // Hand out the remaining pennies to the largest fractions (taking them back from the smallest),
  // earliest first among equals: every part takes the same whole rounds of a remainder larger than the
  // number of parts (a target set elsewhere), and what is left goes one penny each in that order, so
  // the work is a fixed number of passes whatever the amounts.
  const rounds = Math.trunc(remainder / n);
  if (rounds !== 0) for (let i = 0; i < n; i++) base[i]! += rounds;
  let left = remainder - rounds * n;
  const given = partScratch.flags(n);
  for (; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < n; i++) if (!given[i] && (best < 0 || fraction[i]! > fraction[best]!)) best = i;
    given[best] = 1;
    base[best]! += 1;
  }
  for (; left < 0; left++) {
    let worst = -1;
    for (let i = n - 1; i >= 0; i--) if (!given[i] && (worst < 0 || fraction[i]! < fraction[worst]!)) worst = i;
    given[worst] = 1;
    base[worst]! -= 1;
  }
  return base;
}

/** An amount in pounds as pennies (not yet rounded), refused when a double cannot count its pennies. */
function checkedScale(pounds: number): number {
  const exact = pounds * 100;
  if (!(Math.abs(exact) <= MAX_PENNIES)) checkPennies(exact, "amount");
  return exact;
}

/** Parts rounded to the penny, in pounds, summing exactly to the rounded total. */
export function allocate(parts: readonly number[], total?: number): number[] {
  if (parts.length === 0) return [];
  const target = total === undefined ? undefined : toPennies(total);
  return allocatePennies(parts, target).map(fromPennies);
}

/**
 * A table rounded to whole pennies so that every row sums to its rounded row total, every column to
 * its rounded column total, and both to the rounded grand total (controlled rounding). Each cell is
 * its amount rounded down or up. Cells are rounded down first; the pennies each row and column still
 * needs are then placed on cells that had a fraction, largest fractions first, with augmenting paths
 * (a small bipartite matching) where the greedy pass leaves a need unmet.
 */
export interface TableTargets {
  /** Whole pennies each row must sum to (default: the row sums allocated to the grand total). */
  rows?: readonly number[];
  /** Whole pennies each column must sum to (default: the column sums allocated to the grand total). */
  columns?: readonly number[];
  /** The grand total in whole pennies, when the caller knows it exactly (whole pounds from whole pennies); else the cells' sum rounded. */
  grand?: number;
}

export function allocateTablePennies(cells: readonly ArrayLike<number>[], targets: TableTargets = {}): number[][] {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : cells[0]!.length;
  if (rows === 0 || cols === 0) return cells.map(() => []);
  // Cell (i, j) of the working arrays is at i * cols + j: one array each, not one per row.
  const base: number[][] = [];
  const fraction = tableScratch.fractions(rows * cols);
  const rowSums = tableScratch.rowSums(rows);
  const colSums = tableScratch.colSums(cols);
  let grandExact = 0;
  for (let i = 0; i < rows; i++) {
    const row = cells[i]!;
    const b = new Array<number>(cols);
    for (let j = 0; j < cols; j++) {
      const v = row[j]!;
      const exact = checkedScale(v);
      const down = floorSnapped(exact);
      b[j] = down;
      fraction[i * cols + j] = exact - down;
      rowSums[i]! += v;
      colSums[j]! += v;
      grandExact += v;
    }
    base.push(b);
  }
  const grand = checkPennies(targets.grand ?? toPennies(grandExact), "total");
  // (the scratch arrays may be longer than this table: only its own rows and columns are allocated)
  const rowNeed = tableScratch.rowNeed(targets.rows ?? allocatePennies(rowSums.subarray(0, rows), grand));
  const colNeed = tableScratch.colNeed(targets.columns ?? allocatePennies(colSums.subarray(0, cols), grand));
  for (let i = 0; i < rows; i++) {
    const b = base[i]!;
    for (let j = 0; j < cols; j++) {
      rowNeed[i]! -= b[j]!;
      colNeed[j]! -= b[j]!;
    }
  }
  let unmet = 0;
  for (let i = 0; i < rows; i++) if (rowNeed[i]! > 0) unmet += rowNeed[i]!;
  if (unmet === 0) return base;
  const taken = tableScratch.flags(rows * cols);
  // Greedy: the largest fractions first (ties to the earlier row, then column), where both the row and
  // the column still need a penny. One pass down the cells in that order gives the same cells as
  // picking the best remaining cell again and again: a cell passed over because its row or column
  // needed nothing never becomes eligible again, as needs only fall.
  const order = tableScratch.order(rows * cols);
  const candidates = cellsByFraction(fraction, rows * cols, order);
  for (let n = 0; n < candidates && unmet > 0; n++) {
    const k = order[n]!;
    const i = (k / cols) | 0;
    const j = k - i * cols;
    if (rowNeed[i]! <= 0 || colNeed[j]! <= 0) continue;
    taken[k] = 1;
    rowNeed[i]! -= 1;
    colNeed[j]! -= 1;
    unmet -= 1;
  }
  if (unmet > 0) {
    // Augmenting paths for what the greedy pass could not place: move a penny along row → column → row
    // until it reaches a column that still needs one. Fractional cells first; any cell as a last resort,
    // which keeps every sum exact at the cost of one cell moving by just over a penny.
    const table: PennyTable = { rows, cols, fraction, taken, colNeed };
    for (const anyCell of [false, true]) {
      for (let i = 0; i < rows && unmet > 0; i++) {
        while (rowNeed[i]! > 0) {
          const seen = new Uint8Array(rows);
          if (!augment(table, i, seen, anyCell)) break;
          rowNeed[i]! -= 1;
          unmet -= 1;
        }
      }
      if (unmet === 0) break;
    }
  }
  // Rows and columns are each rounded on their own, so now and then no table of cells each within a
  // penny has those totals (a row that must stay put holds the only other cell of a column that needs
  // two pennies). The pennies still owed then go where both the row and the column need them, largest
  // fractions first, a cell taking a second penny if it must: every sum stays exact, and the cell moves
  // by just over a penny.
  let extra: Int32Array | null = null;
  if (unmet > 0) {
    extra = new Int32Array(rows * cols);
    const all: number[] = [];
    for (let k = 0; k < rows * cols; k++) all.push(k);
    all.sort((a, b) => fraction[b]! - fraction[a]! || a - b);
    for (const k of all) {
      const i = (k / cols) | 0;
      const j = k % cols;
      const give = Math.min(rowNeed[i]!, colNeed[j]!);
      if (give <= 0) continue;
      extra[k]! += give;
      rowNeed[i]! -= give;
      colNeed[j]! -= give;
    }
  }
  for (let i = 0; i < rows; i++) {
    const row = base[i]!;
    for (let j = 0, k = i * cols; j < cols; j++, k++) row[j] = row[j]! + taken[k]! + (extra === null ? 0 : extra[k]!);
  }
  return base;
}

/**
 * The cells with a fraction worth a penny (above 1e-9), largest fraction first, the earlier cell first
 * among equals, written into `order`; returns how many. An insertion sort: tables here have tens of cells.
 */
function cellsByFraction(fraction: Float64Array, cells: number, order: Int32Array): number {
  let n = 0;
  for (let k = 0; k < cells; k++) {
    const f = fraction[k]!;
    if (!(f > 1e-9)) continue;
    // cells arrive in index order, so a strict comparison keeps the earlier of equal fractions first
    let at = n;
    while (at > 0 && fraction[order[at - 1]!]! < f) {
      order[at] = order[at - 1]!;
      at--;
    }
    order[at] = k;
    n++;
  }
  return n;
}

/**
 * Working arrays kept between calls. A result rounds its tables on every recalculation, and making
 * fresh arrays cost more than the rounding itself (issue 16); the rounding never calls out while it
 * uses them, so one set per kind of caller is enough. Each is cleared or filled before it is read.
 */
class Scratch {
  private readonly fraction = new Floats();
  private readonly rowSum = new Floats();
  private readonly colSum = new Floats();
  private readonly rowNeeds = new Floats();
  private readonly colNeeds = new Floats();
  private flag = new Uint8Array(64);
  private cellOrder = new Int32Array(64);

  /** Room for n fractions (not cleared: every one is written before it is read). */
  fractions(n: number): Float64Array {
    return this.fraction.room(n);
  }
  rowSums(n: number): Float64Array {
    return this.rowSum.zeros(n);
  }
  colSums(n: number): Float64Array {
    return this.colSum.zeros(n);
  }
  rowNeed(from: ArrayLike<number>): Float64Array {
    return this.rowNeeds.copyOf(from);
  }
  colNeed(from: ArrayLike<number>): Float64Array {
    return this.colNeeds.copyOf(from);
  }
  /** n flags, all cleared. */
  flags(n: number): Uint8Array {
    if (this.flag.length < n) this.flag = new Uint8Array(grow(n));
    return this.flag.fill(0, 0, n);
  }
  order(n: number): Int32Array {
    if (this.cellOrder.length < n) this.cellOrder = new Int32Array(grow(n));
    return this.cellOrder;
  }
}

/** One reused array of numbers, grown when a larger table needs it (it may be longer than asked). */
class Floats {
  private values = new Float64Array(16);
  room(n: number): Float64Array {
    if (this.values.length < n) this.values = new Float64Array(grow(n));
    return this.values;
  }
  /** The first n set to 0. */
  zeros(n: number): Float64Array {
    return this.room(n).fill(0, 0, n);
  }
  /** The first from.length set to from's values. */
  copyOf(from: ArrayLike<number>): Float64Array {
    const values = this.room(from.length);
    for (let i = 0; i < from.length; i++) values[i] = from[i]!;
    return values;
  }
}

function grow(n: number): number {
  return Math.max(64, 2 ** Math.ceil(Math.log2(n)));
}

/** allocatePennies's own set, apart from the table's: the table calls it while holding its own. */
const partScratch = new Scratch();
const tableScratch = new Scratch();

/** The table rounded to the penny, in pounds (see allocateTablePennies). */
export function allocateTable(cells: readonly ArrayLike<number>[]): number[][] {
  return allocateTablePennies(cells).map((row) => row.map(fromPennies));
}

/** Rounds down, treating a value within a hair of an integer as that integer (2.9999999997 → 3). */
function floorSnapped(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) < 1e-6) return nearest;
  return Math.floor(x);
}

export function fromPennies(pennies: number): number {
  return pennies === 0 ? 0 : pennies / 100;
}

/** What the augmenting search reads and changes (passed explicitly: a closure would make the hot loops slower). */
interface PennyTable {
  rows: number;
  cols: number;
  /** Cell (i, j) at i * cols + j. */
  fraction: Float64Array;
  taken: Uint8Array;
  colNeed: Float64Array;
}

/** Places a penny in row i, moving pennies along row → column → row until a column that needs one takes it. */
function augment(table: PennyTable, i: number, seen: Uint8Array, anyCell: boolean): boolean {
  const { rows, cols, fraction, taken, colNeed } = table;
  seen[i] = 1;
  for (let j = 0; j < cols; j++) {
    const here = i * cols + j;
    if (taken[here] || !(anyCell || fraction[here]! > 1e-9)) continue;
    if (colNeed[j]! > 0) {
      taken[here] = 1;
      colNeed[j]! -= 1;
      return true;
    }
    // Column j is full: take its penny from another row k that can pass it on.
    for (let k = 0; k < rows; k++) {
      const there = k * cols + j;
      if (k === i || seen[k] || !taken[there]) continue;
      taken[there] = 0;
      taken[here] = 1;
      if (augment(table, k, seen, anyCell)) return true;
      taken[here] = 0;
      taken[there] = 1;
    }
  }
  return false;
}
