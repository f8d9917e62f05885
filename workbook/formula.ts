import { Decimal } from "decimal.js";

/**
 * Formulas as small trees. Each calculation of the workbook is built once as a tree, which is then
 * written out as Excel formula text and also evaluated here, so the cached value stored beside each
 * formula (what a viewer that does not recalculate shows) is exactly what the formula computes.
 *
 * Only functions that Excel, LibreOffice and HyperFormula compute alike are offered: no _xlfn
 * functions, no LET, no CONCAT, no TRUE/FALSE literals (HyperFormula reads those as names), no
 * numbers in exponent notation (HyperFormula cannot parse them), and no INT on negative numbers
 * (HyperFormula truncates towards zero there; FLOOR(x,1) is used instead).
 */

/** Where a formula can point: a cell of a sheet (see grid.ts). */
export interface CellAddress {
  readonly sheetName: string;
  readonly row: number;
  readonly col: number;
}

export type Value = number | string | boolean | null;

export type BinaryOp = "+" | "-" | "*" | "/" | ">" | ">=" | "<" | "<=" | "=" | "<>";

export const FUNCTIONS = ["IF", "AND", "OR", "NOT", "MIN", "MAX", "ROUND", "FLOOR", "CEILING", "INT", "ABS", "SIGN", "SUM", "INDEX", "EXACT"] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type Expr =
  | { k: "num"; v: number }
  | { k: "text"; v: string }
  | { k: "ref"; cell: CellAddress }
  | { k: "range"; from: CellAddress; to: CellAddress }
  | { k: "name"; name: string; cell: CellAddress }
  | { k: "bin"; op: BinaryOp; a: Expr; b: Expr }
  | { k: "neg"; a: Expr }
  | { k: "fn"; fn: FunctionName; args: Expr[] };

// Constructors, so rules read close to the formulas they write.
export const num = (v: number): Expr => ({ k: "num", v });
export const text = (v: string): Expr => ({ k: "text", v });
export const ref = (cell: CellAddress): Expr => ({ k: "ref", cell });
export const range = (from: CellAddress, to: CellAddress): Expr => ({ k: "range", from, to });
export const named = (name: string, cell: CellAddress): Expr => ({ k: "name", name, cell });
const bin = (op: BinaryOp) => (a: Expr, b: Expr): Expr => ({ k: "bin", op, a, b });
export const add = bin("+");
export const sub = bin("-");
export const mul = bin("*");
export const div = bin("/");
export const gt = bin(">");
export const ge = bin(">=");
export const lt = bin("<");
export const le = bin("<=");
export const eq = bin("=");
export const neg = (a: Expr): Expr => ({ k: "neg", a });
export const fn = (name: FunctionName, ...args: Expr[]): Expr => ({ k: "fn", fn: name, args });
export const IF = (c: Expr, a: Expr, b: Expr) => fn("IF", c, a, b);
export const abs = (a: Expr) => fn("ABS", a);

/** a + b + c … added left to right, as the engine's loops add (0 for none). */
export function sumChain(parts: readonly Expr[]): Expr {
  if (parts.length === 0) return num(0);
  return parts.slice(1).reduce((acc, p) => add(acc, p), parts[0]!);
}

// ---- Writing formulas out -------------------------------------------------------------------

export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

function sheetPrefix(cell: CellAddress, from: string): string {
  if (cell.sheetName === from) return "";
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(cell.sheetName) ? `${cell.sheetName}!` : `'${cell.sheetName.replace(/'/g, "''")}'!`;
}

/**
 * A number as formula text: plain decimals where they can be written (HyperFormula, which the tests
 * recalculate with, does not read 1E-12), up to the hundred decimal places a number can be written to
 * that way; a smaller number in Excel's exponent form (1E-101), which Excel reads. Any number the engine
 * accepts can be written, so any scenario it runs exports.
 */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`a formula cannot hold ${v}`);
  const plain = String(v);
  if (!/e/i.test(plain)) return plain;
  if (Math.abs(v) >= 1) return BigInt(Math.round(v)).toString();
  // The fewest decimal places that give the number back.
  for (let places = 1; places <= 100; places++) {
    const fixed = v.toFixed(places);
    if (Number(fixed) === v) return fixed;
  }
  return plain.toUpperCase();
}

const PRECEDENCE: Record<BinaryOp, number> = { ">": 1, ">=": 1, "<": 1, "<=": 1, "=": 1, "<>": 1, "+": 2, "-": 2, "*": 3, "/": 3 };

function precedence(e: Expr): number {
  if (e.k === "bin") return PRECEDENCE[e.op];
  return 9;
}

/** The formula text (without the leading "=") as it reads on sheet `from`. */
export function render(e: Expr, from: string): string {
  switch (e.k) {
    case "num":
      return e.v < 0 ? `(${numberText(e.v)})` : numberText(e.v);
    case "text":
      return `"${e.v.replace(/"/g, '""')}"`;
    case "ref":
      return sheetPrefix(e.cell, from) + a1(e.cell.row, e.cell.col);
    case "range":
      return `${sheetPrefix(e.from, from)}${a1(e.from.row, e.from.col)}:${a1(e.to.row, e.to.col)}`;
    case "name":
      return e.name;
    case "neg":
      return `-${e.a.k === "bin" || e.a.k === "neg" ? `(${render(e.a, from)})` : render(e.a, from)}`;
    case "bin": {
      const p = PRECEDENCE[e.op];
      // Left operands of equal precedence need no brackets (left to right); right ones keep them so the
      // order of additions, which decides the last bit of a sum, is the engine's.
      const left = precedence(e.a) < p ? `(${render(e.a, from)})` : render(e.a, from);
      const right = precedence(e.b) <= p ? `(${render(e.b, from)})` : render(e.b, from);
      return `${left}${e.op}${right}`;
    }
    case "fn":
      return `${e.fn}(${e.args.map((a) => render(a, from)).join(",")})`;
  }
}

// ---- Evaluating formulas (for the cached values) --------------------------------------------

/** Reads a cell's value (evaluating its formula when it has one). */
export type CellReader = (cell: CellAddress) => Value;

const RoundDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

function toNumber(v: Value | Value[]): number {
  if (Array.isArray(v)) throw new Error("a range where a number was expected");
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null) return 0;
  throw new Error(`text "${v}" where a number was expected`);
}

function truthy(v: Value | Value[]): boolean {
  if (typeof v === "boolean") return v;
  return toNumber(v) !== 0;
}

function cellsOf(from: CellAddress, to: CellAddress): CellAddress[] {
  const out: CellAddress[] = [];
  for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) out.push({ sheetName: from.sheetName, row: r, col: c });
  return out;
}

/** Evaluates a formula the way a spreadsheet does, in plain double arithmetic. */
export function evaluate(e: Expr, read: CellReader): Value {
  const v = evaluateAny(e, read);
  if (Array.isArray(v)) throw new Error("a formula cannot return a range");
  return v;
}

function evaluateAny(e: Expr, read: CellReader): Value | Value[] {
  switch (e.k) {
    case "num":
      return e.v;
    case "text":
      return e.v;
    case "ref":
    case "name":
      return read(e.cell);
    case "range":
      return cellsOf(e.from, e.to).map(read);
    case "neg":
      return -toNumber(evaluateAny(e.a, read));
    case "bin": {
      const a = evaluateAny(e.a, read);
      const b = evaluateAny(e.b, read);
      // Text compares with text (a year with a year); everything else as numbers.
      if ((e.op === "=" || e.op === "<>") && typeof a === "string" && typeof b === "string") return (a === b) === (e.op === "=");
      return evaluateBinary(e.op, toNumber(a), toNumber(b));
    }
    case "fn":
      return evaluateFunction(e, read);
  }
}

function evaluateBinary(op: BinaryOp, a: number, b: number): Value {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) throw new Error("division by zero");
      return a / b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case "=":
      return a === b;
    case "<>":
      return a !== b;
  }
}

function evaluateFunction(e: Extract<Expr, { k: "fn" }>, read: CellReader): Value {
  const args = e.args;
  const n = (i: number) => toNumber(evaluateAny(args[i]!, read));
  const flat = (): number[] => args.flatMap((a) => {
    const v = evaluateAny(a, read);
    return Array.isArray(v) ? v.filter((x) => typeof x === "number") as number[] : [toNumber(v)];
  });
  switch (e.fn) {
    case "IF":
      return truthy(evaluateAny(args[0]!, read)) ? evaluate(args[1]!, read) : evaluate(args[2]!, read);
    case "AND":
      return args.every((a) => truthy(evaluateAny(a, read)));
    case "OR":
      return args.some((a) => truthy(evaluateAny(a, read)));
    case "NOT":
      return !truthy(evaluateAny(args[0]!, read));
    case "MIN":
      return Math.min(...flat());
    case "MAX":
      return Math.max(...flat());
    case "SUM":
      return flat().reduce((s, x) => s + x, 0);
    case "ROUND": {
      const r = new RoundDecimal(n(0)).toDecimalPlaces(n(1), Decimal.ROUND_HALF_UP).toNumber();
      return r === 0 ? 0 : r;
    }
    case "FLOOR":
      return Math.floor(n(0) / n(1)) * n(1);
    case "CEILING":
      return Math.ceil(n(0) / n(1)) * n(1);
    case "INT":
      return Math.floor(n(0));
    case "ABS":
      return Math.abs(n(0));
    case "SIGN":
      return Math.sign(n(0));
    case "EXACT": {
      // Text against text, letter for letter (a number is compared as the text it shows).
      const [a, b] = [0, 1].map((i) => {
        const v = evaluateAny(args[i]!, read);
        if (Array.isArray(v)) throw new Error("EXACT needs two values");
        return v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
      });
      return a === b;
    }
    case "INDEX": {
      const list = evaluateAny(args[0]!, read);
      if (!Array.isArray(list)) throw new Error("INDEX needs a range");
      // Only one-row ranges are indexed: INDEX(range, 1, k) is the k-th cell.
      const v = list[(args.length > 2 ? n(2) : n(1)) - 1];
      if (v === undefined) throw new Error("INDEX out of range");
      return v;
    }
  }
}
