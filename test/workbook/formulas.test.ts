import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { statutoryRedundancyWeeks, teamsNeeded, toPennies } from "../../engine/index.js";
import { compileExpression } from "../../engine/expression/expression.js";
import { allocatePennies } from "../../engine/money/allocate.js";
import { statutoryWeeksFormula } from "../../workbook/comparisonRules.js";
import { ceilNear, expressionFormula, floorNear, roundLikeEngine } from "../../workbook/expression.js";
import { evaluate, fn, num, numberText, ref, render, text, type Expr, type Value } from "../../workbook/formula.js";
import { Sheet } from "../../workbook/grid.js";
import { allocationTable, penniesOf } from "../../workbook/money.js";

/**
 * The formulas that carry the engine's rules into the workbook, held against the engine itself, one
 * rule at a time, in HyperFormula (an independent spreadsheet engine) and in the workbook's own
 * evaluator (which writes the cached values).
 */

/**
 * Evaluates `formula(cells)` once for each row of values (the values in the row's first columns, the
 * formula after them), in one HyperFormula sheet and in the evaluator.
 */
function batch(rows: number[][], formula: (cells: Expr[]) => Expr): { hf: Value[]; own: Value[] } {
  const width = Math.max(...rows.map((r) => r.length));
  const sheet: (number | string)[][] = [];
  const own: Value[] = [];
  rows.forEach((values, r) => {
    const f = formula(values.map((_, c) => ref({ sheetName: "S", row: r, col: c })));
    sheet.push([...values, ...Array(width - values.length).fill(0), `=${render(f, "S")}`]);
    own.push(evaluate(f, (a) => rows[a.row]![a.col] ?? null));
  });
  const hf = HyperFormula.buildFromSheets({ S: sheet }, { licenseKey: "gpl-v3", smartRounding: false });
  const got = rows.map((_, r) => {
    const v = hf.getCellValue({ sheet: 0, row: r, col: width }) as unknown;
    return typeof v === "object" && v !== null ? String((v as { value: string }).value) : (v as Value);
  });
  hf.destroy();
  return { hf: got, own };
}

function both(values: number[], formula: (cells: Expr[]) => Expr): { hf: Value; own: Value } {
  const { hf, own } = batch([values], formula);
  return { hf: hf[0]!, own: own[0]! };
}

/** Random cases, all evaluated in one spreadsheet; returns the cases that disagree with `expected`. */
function disagreements<T extends number[]>(cases: T[], formula: (cells: Expr[]) => Expr, expected: (values: T) => Value): string[] {
  const { hf, own } = batch(cases, formula);
  return cases.flatMap((values, i) => {
    const want = expected(values);
    return hf[i] === want && own[i] === want ? [] : [`${JSON.stringify(values)}: HyperFormula ${hf[i]}, evaluator ${own[i]}, engine ${want}`];
  });
}

describe("money to the penny", () => {
  // Halves as written in decimals (1.005 is stored a hair below, and the engine rounds it up), the
  // doubles either side of a half, negatives, zero, large amounts.
  const table = [1.005, 0.285, 2.675, 1.015, 123.455, 0.125, 1.0049999999999999, 1.00500000001, -1.005, -0.285, -2.5, 0, 0.004999, 0.005, 9733809.385, 9733809.384999, 1e9 + 0.015, 12345678.905];
  test.each(table)("%p", (x) => {
    const { hf, own } = both([x], ([a]) => penniesOf(a!));
    expect(hf).toBe(toPennies(x));
    expect(own).toBe(toPennies(x));
  });

  test("agrees with the engine on random amounts", () => {
    const amounts = fc.sample(fc.oneof(fc.double({ min: -1e8, max: 1e8, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000)), { numRuns: 2000, seed: 7 });
    expect(disagreements(amounts.map((x) => [x]), ([a]) => penniesOf(a!), ([x]) => toPennies(x!))).toEqual([]);
  });
});

describe("allocation (largest remainder), as the engine allocates", () => {
  function allocateInSheet(parts: number[], target: number): { hf: number[]; own: number[] } {
    const sheet = new Sheet("S");
    const alloc = allocationTable(sheet, "t", "n", parts.map((p, i) => ({ label: `p${i}`, amount: num(p) })), num(target));
    const rows: (Value | string)[][] = [];
    const values = new Map<string, Value>();
    const read = (a: { row: number; col: number }): Value => {
      const c = sheet.get(a.row, a.col);
      if (!c) return null;
      if (!c.formula) return c.value ?? null;
      const key = `${a.row},${a.col}`;
      if (!values.has(key)) values.set(key, evaluate(c.formula, read));
      return values.get(key)!;
    };
    for (const c of sheet.cells.values()) (rows[c.row] ??= [])[c.col] = c.formula ? `=${render(c.formula, "S")}` : (c.value ?? null);
    const hf = HyperFormula.buildFromSheets({ S: Array.from(rows, (r) => Array.from(r ?? [], (x) => x ?? null)) }, { licenseKey: "gpl-v3", smartRounding: false });
    const fromHf = alloc.pennies.map((c) => hf.getCellValue({ sheet: 0, row: c.row, col: c.col }) as number);
    hf.destroy();
    return { hf: fromHf, own: alloc.pennies.map((c) => read(c) as number) };
  }

  test.each([
    [[1.005, 2.005, 3.005], undefined],
    [[0.333, 0.333, 0.334], undefined],
    [[10, 20, 30], undefined],
    [[-1.235, -2.345, 5.555], undefined],
    [[0.004, 0.004, 0.004], undefined],
    [[1.111, 2.222, 3.333, 4.444], 1112],
    [[0.5, 0.5], 99],
  ])("%p to %p pennies", (parts, target) => {
    const goal = target ?? toPennies(parts.reduce((s, p) => s + p, 0));
    const expected = allocatePennies(parts, goal);
    const { hf, own } = allocateInSheet(parts, goal);
    expect(hf).toEqual(expected);
    expect(own).toEqual(expected);
  });

  test("agrees with the engine on random parts, ties and negatives included", () => {
    // Amounts a workbook can hold (no denormals: a literal must be written without an exponent).
    const amount = fc.oneof(fc.integer({ min: -500000, max: 500000 }).map((n) => n / 1000), fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-6), fc.constant(0));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 9 }), fc.boolean(), (parts, repeat) => {
        const list = repeat ? [...parts, parts[0]!] : parts;
        const goal = toPennies(list.reduce((s, p) => s + p, 0));
        const expected = allocatePennies(list, goal);
        const { hf, own } = allocateInSheet(list, goal);
        return JSON.stringify(hf) === JSON.stringify(expected) && JSON.stringify(own) === JSON.stringify(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe("ceil, floor and round as the engine's sizing rules use them", () => {
  const scopeOf = (x: number) => Float64Array.from([x]);
  const engine = (name: string) => compileExpression(`${name}(x)`, () => 0);
  const values = [2, 2.0000000000000004, 1.9999999999999998, 2.5, 2.4999999999999, -2.5, -2.0000000000001, -2.7, 0, 3.000000000001, 3.00000000001, 16 / 8, (0.1 + 0.2) * 10, 123456.99999999999, 0.49999999999999994];
  test.each(values)("%p", (x) => {
    for (const [name, formula] of [["ceil", ceilNear], ["floor", floorNear], ["round", roundLikeEngine]] as const) {
      const expected = engine(name)(scopeOf(x));
      const { hf, own } = both([x], ([a]) => formula(a!));
      expect([name, hf]).toEqual([name, expected]);
      expect([name, own]).toEqual([name, expected]);
    }
  });

  test("teams: a part team counts as a whole one, a hair above a whole number does not", () => {
    for (const [members, size] of [[16, 8], [17, 8], [0.1 * 3 * 80, 8], [123.79310344827587, 1], [24.000000000000004, 8]] as const) {
      const { hf } = both([members, size], ([m, s]) => ceilNear({ k: "bin", op: "/", a: m!, b: s! }));
      expect(hf).toBe(teamsNeeded(members, size));
    }
  });
});

describe("sizing expressions as formulas", () => {
  const names = ["children", "families", "teams", "caseHolders", "totalFte"];
  const expressions = ["ceil(teams / 2)", "max(1, caseHolders / 40)", "min(teams, 3) + floor(children / 1000)", "round(totalFte / 10) - 1", "-(teams) * 2 + 30", "ceil(caseHolders / 6) + max(teams / 4, 2, families / 500)", "children / (caseHolders + 1) * 0.5"];
  test.each(expressions)("%s", (text) => {
    const compiled = compileExpression(text, (name) => names.indexOf(name));
    const scopes = fc.sample(fc.tuple(...names.map(() => fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }).filter((x) => x === 0 || x > 1e-6), fc.integer({ min: 0, max: 400 })))), { numRuns: 300, seed: 11 });
    expect(disagreements(scopes, (cells) => expressionFormula(text, (name) => cells[names.indexOf(name)]!), (scope) => compiled(Float64Array.from(scope)))).toEqual([]);
  });
});

test("statutory redundancy weeks: every age and length of service", () => {
  const cases: [number, number][] = [];
  for (let age = 16; age <= 80; age++) for (let service = 0; service <= age - 15; service++) cases.push([age, service]);
  expect(disagreements(cases, ([a, s]) => statutoryWeeksFormula(a!, s!), ([age, service]) => statutoryRedundancyWeeks(age, service))).toEqual([]);
});

test("numbers are written without exponents, exactly", () => {
  for (const v of [1e-12, 1e-15, 0.000001, 123.456, 1e21, -2.5e-7]) expect(Number(numberText(v))).toBe(v);
  expect(numberText(1e-12)).toBe("0.000000000001");
  // Any number the engine accepts: 1e-25 (a sizing expression's tiny factor) in the fewest places.
  expect(numberText(1e-25)).toBe(`0.${"0".repeat(24)}1`);
  expect(numberText(-3e-9)).toBe("-0.000000003");
});

test("a number too small for a hundred decimal places is written in Excel's exponent form, exactly", () => {
  expect(numberText(1.5e-120)).toBe("1.5E-120");
  expect(Number(numberText(1.5e-120))).toBe(1.5e-120);
});

test("EXACT compares tier ids letter for letter, as the engine does (= would ignore case)", () => {
  const pairs: [string, string][] = [
    ["teamManager", "teamManager"],
    ["teamManager", "teammanager"],
    ["teamManager", "teamManager "],
    ["socialWorker", "seniorPractitioner"],
  ];
  const sheet = pairs.map(([a, b], r) => [a, b, `=${render(fn("EXACT", ref({ sheetName: "S", row: r, col: 0 }), text(b)), "S")}`]);
  const hf = HyperFormula.buildFromSheets({ S: sheet }, { licenseKey: "gpl-v3" });
  const got = pairs.map((_, r) => hf.getCellValue({ sheet: 0, row: r, col: 2 }));
  const own = pairs.map(([a, b]) => evaluate(fn("EXACT", ref({ sheetName: "S", row: 0, col: 0 }), text(b)), () => a));
  hf.destroy();
  const engine = pairs.map(([a, b]) => a === b);
  expect(engine).toEqual([true, false, false, false]);
  expect(got).toEqual(engine);
  expect(own).toEqual(engine);
});
