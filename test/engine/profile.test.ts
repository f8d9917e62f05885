import fc from "fast-check";
import { DomainError, InputError, spreadByProfile, toPennies } from "../../engine/index.js";

describe("spreading a total over the years by a profile", () => {
  test("equal weights when none are given: £100 over 3 years is 33.34, 33.33, 33.33", () => {
    // 100 / 3 = 33.333…; three parts of 33.33 leave one penny, which goes to the earliest part.
    expect(spreadByProfile(100, 3)).toEqual([33.34, 33.33, 33.33]);
  });

  test("weights share the total in proportion: 50/30/20 of £1,000,000", () => {
    expect(spreadByProfile(1_000_000, 3, [50, 30, 20])).toEqual([500_000, 300_000, 200_000]);
  });

  test("weights need not sum to one, and a zero year gets nothing", () => {
    // 2:0:1 of £90 is 60, 0, 30.
    expect(spreadByProfile(90, 3, [2, 0, 1])).toEqual([60, 0, 30]);
  });

  test("a negative total (a saving) spreads as the mirror image of the cost", () => {
    expect(spreadByProfile(-100, 3)).toEqual([-33.34, -33.33, -33.33]);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e8, noNaN: true }), fc.integer({ min: 1, max: 10 }), (total, years) => {
        expect(spreadByProfile(-total, years).map((p) => (p === 0 ? 0 : -p))).toEqual(spreadByProfile(total, years));
      }),
    );
  });

  test("the years always add up to the total rounded to the penny", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e8, max: 1e8, noNaN: true, noDefaultInfinity: true }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = spreadByProfile(total, weights.length, weights);
          expect(parts.reduce((s, p) => s + toPennies(p), 0)).toBe(toPennies(total));
        },
      ),
    );
  });

  test.each([
    ["years not whole", () => spreadByProfile(100, 2.5), DomainError, "years: must be a whole number, got 2.5"],
    ["no years", () => spreadByProfile(100, 0), DomainError, "years: must be between 1 and 100, got 0"],
    ["weights of the wrong length", () => spreadByProfile(100, 3, [1, 2]), InputError, "weights: 3 years need 3 weights, got 2"],
    ["a negative weight", () => spreadByProfile(100, 2, [1, -1]), DomainError, "weights[1]: must be at least 0, got -1"],
    ["all weights zero", () => spreadByProfile(100, 2, [0, 0]), DomainError, "weights: must not all be zero"],
    ["a total that is not a number", () => spreadByProfile(Number.NaN, 2), InputError, "total: must be a number, got NaN"],
  ])("%s is refused", (_name, call, kind, message) => {
    expect(call).toThrow(kind as new (...args: never[]) => Error);
    expect(call).toThrow(message as string);
  });
});
