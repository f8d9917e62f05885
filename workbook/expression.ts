import { parseExpression, type MathNode } from "../engine/index.js";
import { abs, add, div, eq, fn, IF, le, mul, neg, num, sub, type Expr } from "./formula.js";

/**
 * Sizing expressions as Excel formulas. A tier sized by `ceil(teams / 2)` or `max(1, caseHolders / 40)`
 * gets the same formula over the cells of those quantities. The engine's expressions use only + - * /
 * and min, max, ceil, floor, round; its ceil, floor and round treat a value within 1e-12 (relative)
 * of a whole number as that whole number, as its mathjs instance does, so the formulas do the same:
 *
 *   ceil(x)  → IF(near(x, ROUND(x,0)), ROUND(x,0), CEILING(x,1))
 *   floor(x) → IF(near(x, ROUND(x,0)), ROUND(x,0), FLOOR(x,1))
 *   round(x) → ROUND(ROUND(x,12),0)       (mathjs rounds to 12 places first)
 *   near(a,b) = OR(a=b, ABS(a−b) <= MAX(0.000000000001×MAX(ABS(a),ABS(b)), 0.000000000000001))
 *
 * This is the engine's rule case by case: when x is not near a whole number, ceil and floor are
 * CEILING and FLOOR; when it is, both give that whole number. min and max become MIN and MAX (the
 * engine's keep the first of two arguments within 1e-12 of each other, which moves a figure by at
 * most that relative amount).
 */

const REL_TOL = 0.000000000001;
const ABS_TOL = 0.000000000000001;

/** Whether a and b are equal within the engine's tolerance. */
export function nearlyEqualExpr(a: Expr, b: Expr): Expr {
  return fn("OR", eq(a, b), le(abs(sub(a, b)), fn("MAX", mul(num(REL_TOL), fn("MAX", abs(a), abs(b))), num(ABS_TOL))));
}

/** The engine's ceil: a count a hair above a whole number is that whole number. */
export function ceilNear(x: Expr): Expr {
  const nearest = fn("ROUND", x, num(0));
  return IF(nearlyEqualExpr(x, nearest), nearest, fn("CEILING", x, num(1)));
}

export function floorNear(x: Expr): Expr {
  const nearest = fn("ROUND", x, num(0));
  return IF(nearlyEqualExpr(x, nearest), nearest, fn("FLOOR", x, num(1)));
}

export function roundLikeEngine(x: Expr): Expr {
  return fn("ROUND", fn("ROUND", x, num(12)), num(0));
}

/** The formula of a sizing expression; `quantity` gives the cell of each name it uses. */
export function expressionFormula(text: string, quantity: (name: string) => Expr): Expr {
  return translate(parseExpression(text), quantity);
}

function translate(node: MathNode, quantity: (name: string) => Expr): Expr {
  const any = node as unknown as { type: string; value?: unknown; name?: string; content?: MathNode; fn?: unknown; args?: MathNode[] };
  switch (any.type) {
    case "ConstantNode":
      return num(any.value as number);
    case "SymbolNode":
      return quantity(any.name!);
    case "ParenthesisNode":
      return translate(any.content!, quantity);
    case "OperatorNode": {
      const args = any.args!.map((a) => translate(a, quantity));
      switch (any.fn as string) {
        case "add":
          return add(args[0]!, args[1]!);
        case "subtract":
          return sub(args[0]!, args[1]!);
        case "multiply":
          return mul(args[0]!, args[1]!);
        case "divide":
          return div(args[0]!, args[1]!);
        case "unaryMinus":
          return neg(args[0]!);
        case "unaryPlus":
          return args[0]!;
      }
      throw new Error(`sizing expression operator ${String(any.fn)} has no formula`);
    }
    case "FunctionNode": {
      const name = (any.fn as { name: string }).name;
      const args = any.args!.map((a) => translate(a, quantity));
      switch (name) {
        case "min":
          return fn("MIN", ...args);
        case "max":
          return fn("MAX", ...args);
        case "ceil":
          return ceilNear(args[0]!);
        case "floor":
          return floorNear(args[0]!);
        case "round":
          return roundLikeEngine(args[0]!);
      }
      throw new Error(`sizing expression function ${name} has no formula`);
    }
  }
  throw new Error(`sizing expression part ${any.type} has no formula`);
}
