/**
 * Sorted runs merged into one sorted array, in the order Float64Array's own sort gives (−0 before +0).
 *
 * Why: a Monte Carlo on several threads sorts each chunk's draws on the thread that ran them, so the
 * one thread that combines the chunks merges (linear per pass, log₂ k passes for k runs) instead of
 * sorting every draw again: for a million draws that sort was a fifth of the whole run, done on one
 * thread while the others waited. The result is the same array, value for value, as sorting the
 * concatenated draws.
 */
export function mergeSorted(runs: readonly Float64Array[]): Float64Array {
  if (runs.length === 0) return new Float64Array(0);
  let level: Float64Array[] = [...runs];
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(mergeTwo(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  // A single run is copied, so the caller may sort or change the result without touching its input.
  return level[0] === runs[0] ? Float64Array.from(level[0]!) : level[0]!;
}

function mergeTwo(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    // y goes first when it sorts before x: smaller, or −0 against +0 (1/−0 is −Infinity).
    if (y < x || (y === 0 && x === 0 && 1 / y < 1 / x)) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * Sorted runs merged as they arrive, like a binary counter: a run joins the stack, and while the two
 * on top are of about one size they are merged. Each draw is merged about log₂ k times, as in
 * `mergeSorted`, but the work is spread over the run (between the ranges this thread computes)
 * instead of all falling at the end while the other threads wait; only the last merge is left.
 */
export class SortedRuns {
  private readonly stack: Float64Array[] = [];

  add(run: Float64Array): void {
    let top = run;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.length <= top.length * 2) top = mergeTwo(this.stack.pop()!, top);
    this.stack.push(top);
  }

  /** Every run added, merged into one sorted array. */
  result(): Float64Array {
    return mergeSorted(this.stack);
  }
}
