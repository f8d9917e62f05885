import fc from "fast-check";
import { mergeSorted, SortedRuns } from "../../engine/uncertainty/mergeSorted.js";

/** Merging sorted runs gives exactly what sorting all their values gives, −0 before +0 included. */
const value = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, -1));
const runsOf = fc.array(fc.array(value, { maxLength: 40 }).map((a) => Float64Array.from(a).sort()), { maxLength: 12 });

function sortedConcat(runs: Float64Array[]): Float64Array {
  const all = new Float64Array(runs.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of runs) {
    all.set(r, at);
    at += r.length;
  }
  return all.sort();
}

const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

test("mergeSorted equals sorting the concatenated runs, value for value", () => {
  fc.assert(fc.property(runsOf, (runs) => same(mergeSorted(runs), sortedConcat(runs))), { seed: 20261203, numRuns: 500 });
});

test("SortedRuns, fed runs one at a time in any order, equals sorting them all", () => {
  fc.assert(
    fc.property(runsOf, (runs) => {
      const merging = new SortedRuns();
      for (const r of runs) merging.add(r);
      return same(merging.result(), sortedConcat(runs));
    }),
    { seed: 20261203, numRuns: 500 },
  );
});

test("a worked case: −0 sorts before +0, and a single run comes back as a copy", () => {
  expect(Array.from(mergeSorted([Float64Array.of(0, 2), Float64Array.of(-0, 1)])).map((x) => (Object.is(x, -0) ? "-0" : String(x)))).toEqual(["-0", "0", "1", "2"]);
  const run = Float64Array.of(1, 2);
  const merged = mergeSorted([run]);
  expect(merged).not.toBe(run);
  expect(Array.from(merged)).toEqual([1, 2]);
});
