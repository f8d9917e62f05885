import fc from "fast-check";

/**
 * Hostile values, as a user or a file could give them: magnitudes at the edges of the float range,
 * numbers typed as text in odd ways, long runs of one character, control characters, formula-like
 * text, names that reach an object's prototype, deep nesting, and the wrong type altogether.
 */

export const PROTOTYPE_NAMES = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

const hugeNumbers = fc.constantFrom(1e20, 1e18, 2 ** 53, 2 ** 53 + 2, 1e300, 1e308, -1e308, Number.MAX_VALUE, 1e-300, Number.MIN_VALUE, -0, 0, -1, 0.5, 1, 3, 7, 16, 100, 3000, 1e7);
const oddNumbers = fc.double();
const longRuns = fc.tuple(fc.constantFrom(" ", "(", "0", "9", ".", ",", "%", "£", "-", "a", "\u0000", "\t", "\n", "e", "1"), fc.constantFrom(70, 500, 10_000, 40_000)).map(([c, n]) => c.repeat(n));
const numberText = fc.constantFrom("1e20", "1E-25", "  12  ", "£1,000", "20%", "(5)", "1,2,3", "0x10", "Infinity", "NaN", "-", "", " ", "3,000", "1e308", "١٢", "12abc", "=1+1", "+1", "@SUM(A1)", "=cmd|' /C calc'!A0");
const controlText = fc.string({ unit: fc.constantFrom("\u0000", "\u0001", "\u0002", "\u001b", "\r", "\n", "\u2028", "\ufeff", "a", " "), maxLength: 20 });
const shortText = fc.string({ maxLength: 24 });
const prototypeText = fc.constantFrom(...PROTOTYPE_NAMES, "__proto__.toString", "constructor.prototype.x", "prototype.x");

/** A value a cell or a setting might hold. */
export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hugeNumbers },
  { weight: 2, arbitrary: oddNumbers },
  { weight: 3, arbitrary: numberText },
  { weight: 1, arbitrary: longRuns },
  { weight: 1, arbitrary: controlText },
  { weight: 1, arbitrary: shortText },
  { weight: 1, arbitrary: prototypeText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Deeply nested lists or groups, for parsers and walkers that recurse. */
export const deepNesting = fc.tuple(fc.constantFrom(50, 3_000, 20_000), fc.boolean()).map(([depth, list]) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = list ? [value] : { a: value };
  return value;
});

/** A value a scenario file might hold in a setting's place. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.record({ value: hostileScalar, source: shortText }) },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: deepNesting },
);

/** A setting path: one the scenario has, one through a prototype, or a made-up one. */
export function settingPath(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom("", "council.", "structure.tiers.socialWorker.", "finance.", "timeUse."), prototypeText).map(([a, b]) => a + b) },
    { weight: 1, arbitrary: longRuns.map((s) => s.slice(0, 40_000)) },
    { weight: 1, arbitrary: shortText },
  );
}

/** A cell of a range: a scalar, or a small two-dimensional array of them. */
export const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileScalar },
  { weight: 2, arbitrary: fc.array(fc.array(hostileScalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).filter((rows) => rows.every((r) => r.length === rows[0]!.length)) },
);

/** A value shown in a report: long text cut, so a failing case stays readable. */
export function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : typeof v === "string" && v.length > 60 ? `${JSON.stringify(v.slice(0, 8)).slice(1, -1)}…×${v.length}` : v)) ?? String(value);
  } catch {
    text = "(nested too deep to show)";
  }
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
