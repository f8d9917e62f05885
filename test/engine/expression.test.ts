import fc from "fast-check";
import { all, create } from "mathjs";
import { checkExpression, compileExpression, evaluateWithMathjs, ExpressionProblem, parseExpression } from "../../engine/expression/expression.js";

const names = ["teams", "caseHolders", "children"];

describe("sizing expressions (locked-down mathjs)", () => {
  test.each([
    ["import({})", /may call min, max, ceil, floor, round only/],
    ["createUnit('x')", /may call/],
    ["evaluate('1')", /may call/],
    ["a.b", /property access/],
    ["teams = 3", /assignment/],
    ["f(x) = 3", /function definition/],
    ["[1, 2]", /a list/],
    ["{a: 1}", /an object/],
    ["teams > 2 ? 1 : 2", /condition/],
    ["2 ^ 3", /\+ - \* \/ only/],
    ["5 mod 2", /\+ - \* \/ only/],
    ["2 teams", /explicit \*/],
    ["3 cm", /explicit \*/],
    ["'text'", /numbers only/],
    ["teams[1]", /property access or indexing/],
    ["1:3", /range/],
    ["managers / 2", /"managers", which is not a tier or quantity/],
    ["ceil(1, 2)", /takes one argument/],
    ["max()", /needs at least one argument/],
    ["ceil(teams", /cannot be read/],
  ])("rejects %s", (text, reason) => {
    expect(() => checkExpression(text, names)).toThrow(ExpressionProblem);
    expect(() => checkExpression(text, names)).toThrow(reason);
  });

  test("accepts arithmetic and min/max/ceil/floor/round over known names", () => {
    expect(checkExpression("max(1, ceil(teams / 2)) + round(children / 1000) - floor(caseHolders * 0.1)", names).sort()).toEqual(["caseHolders", "children", "teams"]);
  });

  test("the compiled function agrees with mathjs's own evaluation", () => {
    const expressions = ["ceil(teams / 2)", "max(1, caseHolders / 40) + floor(children / 500)", "round(-teams / 4) * 2", "min(teams, 3, caseHolders)", "max(teams, caseHolders)", "floor(teams / 3) + ceil(caseHolders / 3)", "(teams + 1) * (caseHolders - 2) / 3"];
    // Plain doubles, and values a hair from whole numbers and from each other, where mathjs's tolerance matters.
    const value = fc.oneof(
      fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -50, max: 50 }).chain((k) => fc.constantFrom(k, k + 1e-13, k - 1e-13, k + 4e-16 * Math.max(1, Math.abs(k)), k + 0.5, k - 0.5, k + 1e-9)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...expressions), value, value, value, (text, teams, caseHolders, children) => {
        const scope = { teams, caseHolders, children };
        const compiled = compileExpression(text, (n) => names.indexOf(n));
        const ours = compiled(Float64Array.from(names.map((n) => scope[n as keyof typeof scope])));
        const theirs = evaluateWithMathjs(text, scope);
        expect(Object.is(ours, theirs) || ours === theirs).toBe(true);
      }),
    );
  });

  test("ceil forgives the last hair of floating point, as mathjs does", () => {
    const f = compileExpression("ceil(teams)", () => 0);
    expect(f(Float64Array.of(2.0000000000000004))).toBe(2);
    expect(f(Float64Array.of(2.01))).toBe(3);
  });

  test("rounds a hair below a half as the full mathjs build does, which the number-only build we load does not", () => {
    // The engine loads mathjs's number-only build for a faster start; its plain round skips the
    // tolerance step of the full build, so the engine supplies it. The full build is the reference.
    const full = create(all, {});
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1000, max: 1000 }).chain((k) => fc.constantFrom(k + 0.5 - 1e-13, k + 0.4999999999999, k - 0.5 + 1e-13, k + 0.49999999999999994, k + 0.5, k - 1e-13)),
    );
    for (const name of ["round", "ceil", "floor"]) {
      const f = compileExpression(`${name}(teams)`, () => 0);
      fc.assert(fc.property(value, (x) => Object.is(f(Float64Array.of(x)), full.evaluate(`${name}(x)`, { x }) as number) || f(Float64Array.of(x)) === full.evaluate(`${name}(x)`, { x })));
    }
    expect(compileExpression("round(teams)", () => 0)(Float64Array.of(2.4999999999999))).toBe(3);
  });
});

test("parseExpression gives the checked tree the workbook writer turns into a formula, and refuses what the checker refuses", () => {
  const tree = parseExpression("max(1, caseHolders / 40)");
  expect(tree.toString()).toBe("max(1, caseHolders / 40)");
  expect(() => parseExpression("import({}, {})")).toThrow(ExpressionProblem);
  expect(() => parseExpression("caseHolders ^ 2")).toThrow(ExpressionProblem);
});
