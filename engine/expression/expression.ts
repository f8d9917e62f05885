import {
  addDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  floorDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  parseDependencies,
  roundDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  type MathNode,
} from "./mathjs.js";

/**
 * Sizing expressions: a preset may size a tier by a formula over named quantities, such as
 * `ceil(teams / 2)` or `max(1, caseHolders / 40)`.
 *
 * The expression is parsed by a locked-down mathjs instance that knows only arithmetic and
 * min, max, ceil, floor and round: no import, no units, no matrices, no assignment, no access to
 * anything outside the names it is given. The checked tree is then turned once into a plain function
 * over the model's quantities, calling that same instance's min/max/ceil/floor/round, so a Monte
 * Carlo run evaluates it without going through the parser again.
 */

const math = create({
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  minDependencies,
  maxDependencies,
  ceilDependencies,
  floorDependencies,
  roundDependencies,
  parseDependencies,
});

/**
 * round as the full mathjs build has it: first to the instance's tolerance (1e-12 gives 12 places),
 * then to a whole number. The number-only build, loaded for a faster start, skips the first step, so
 * 2.4999999999999 would round to 2 where the full build, the workbook's ROUND(ROUND(x,12),0) and
 * every earlier release of this model say 3. It replaces the instance's own round, so the parser's
 * evaluation and the compiled function agree.
 */
const plainRound = math.round as (x: number, places?: number) => number;
const toleranceOf = math.config({}) as { relTol: number; absTol: number };
const TOLERANCE_PLACES = Math.round(-Math.log10(toleranceOf.relTol));
function roundLikeMathjs(x: number): number {
  const nearest = plainRound(x, TOLERANCE_PLACES);
  const near = Math.abs(x - nearest) <= Math.max(toleranceOf.relTol * Math.max(Math.abs(x), Math.abs(nearest)), toleranceOf.absTol);
  return plainRound(near ? nearest : x);
}

// The mathjs security guidance: make the instance unable to change itself or reach further.
const refuse = () => {
  throw new Error("not available in sizing expressions");
};
math.import({ round: roundLikeMathjs, import: refuse, createUnit: refuse, evaluate: refuse, compile: refuse, simplify: refuse, derivative: refuse, resolve: refuse, reviver: refuse }, { override: true });

const parse = math.parse;

export const EXPRESSION_FUNCTIONS = ["min", "max", "ceil", "floor", "round"] as const;
type FunctionName = (typeof EXPRESSION_FUNCTIONS)[number];
/**
 * The functions an expression may call. min, max, ceil and floor are written out here to do exactly
 * what the mathjs instance's own do for numbers (they treat values within its tolerance of each other,
 * or of a whole number, as equal) without its string-based rounding, which is far too slow for a
 * Monte Carlo loop; a test checks they agree with mathjs. round is the tolerant round above.
 */
const REL_TOL = (math.config({}) as { relTol: number }).relTol;
const ABS_TOL = (math.config({}) as { absTol: number }).absTol;

function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
}

function ceilLikeMathjs(x: number): number {
  const c = Math.ceil(x);
  const r = Math.round(x);
  if (c === r) return c;
  return nearlyEqual(x, r) && !nearlyEqual(x, c) ? r : c;
}

function floorLikeMathjs(x: number): number {
  const f = Math.floor(x);
  const r = Math.round(x);
  if (f === r) return f;
  return nearlyEqual(x, r) && !nearlyEqual(x, f) ? r : f;
}

function minLikeMathjs(...args: number[]): number {
  let result = args[0]!;
  for (let i = 1; i < args.length; i++) {
    const v = args[i]!;
    if (Number.isNaN(v)) return NaN;
    if (v < result && !nearlyEqual(v, result)) result = v;
  }
  return result;
}

function maxLikeMathjs(...args: number[]): number {
  let result = args[0]!;
  for (let i = 1; i < args.length; i++) {
    const v = args[i]!;
    if (Number.isNaN(v)) return NaN;
    if (v > result && !nearlyEqual(v, result)) result = v;
  }
  return result;
}

const FUNCTIONS: Record<FunctionName, (...args: number[]) => number> = {
  min: minLikeMathjs,
  max: maxLikeMathjs,
  ceil: ceilLikeMathjs,
  floor: floorLikeMathjs,
  round: roundLikeMathjs,
};

/** The instance's ceil, for counts elsewhere in the model that must round exactly as expressions do. */
export const mathCeil = FUNCTIONS.ceil;

const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "unaryMinus", "unaryPlus"]);

/** Why an expression is not allowed; thrown by `checkExpression`. */
export class ExpressionProblem extends Error {}

const MAX_LENGTH = 500;

/** Parses and checks an expression; returns the quantity names it uses. */
export function checkExpression(text: string, knownNames: readonly string[]): string[] {
  return [...collect(parseChecked(text), knownNames, new Set<string>())];
}

/** The names an expression refers to, without checking they exist (for dependency order). */
export function expressionNames(text: string): string[] {
  const names = new Set<string>();
  parseChecked(text).traverse((node) => {
    if (node.type === "SymbolNode" && !(EXPRESSION_FUNCTIONS as readonly string[]).includes((node as unknown as { name: string }).name)) {
      names.add((node as unknown as { name: string }).name);
    }
  });
  return [...names];
}

/**
 * Turns a checked expression into a function of the model's quantities. `slotOf` gives the index of
 * each name in the values array the function will read.
 */
export function compileExpression(text: string, slotOf: (name: string) => number): (values: Float64Array) => number {
  return build(parseChecked(text), slotOf);
}

/**
 * A sizing expression's tree, read and checked by the engine's locked-down instance: for the workbook
 * writer, which turns it into an Excel formula (workbook/expression.ts) with the grammar the engine reads.
 */
export function parseExpression(text: string): MathNode {
  return parseChecked(text);
}

/** The result of evaluating an expression with mathjs itself (used to test the compiled form). */
export function evaluateWithMathjs(text: string, scope: Record<string, number>): number {
  const node = parseChecked(text);
  return node.compile().evaluate({ ...scope }) as number;
}

function parseChecked(text: string): MathNode {
  if (text.length > MAX_LENGTH) throw new ExpressionProblem(`is longer than ${MAX_LENGTH} characters`);
  let node: MathNode;
  try {
    node = parse(text);
  } catch (error) {
    throw new ExpressionProblem(`cannot be read: ${(error as Error).message}`);
  }
  check(node);
  return node;
}

function check(node: MathNode): void {
  switch (node.type) {
    case "ConstantNode": {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== "number") throw new ExpressionProblem(`may use numbers only, not ${JSON.stringify(value)}`);
      return;
    }
    case "SymbolNode":
      return;
    case "ParenthesisNode":
      return check((node as unknown as { content: MathNode }).content);
    case "OperatorNode": {
      const op = node as unknown as { fn: string; op: string; args: MathNode[]; implicit?: boolean };
      if (op.implicit) throw new ExpressionProblem("needs an explicit * between a number and a name");
      if (!OPERATORS.has(op.fn)) throw new ExpressionProblem(`may use + - * / only, not "${op.op}"`);
      op.args.forEach(check);
      return;
    }
    case "FunctionNode": {
      const fn = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fn.fn.type === "SymbolNode" ? (fn.fn as unknown as { name: string }).name : "";
      if (!(EXPRESSION_FUNCTIONS as readonly string[]).includes(name)) {
        throw new ExpressionProblem(`may call ${EXPRESSION_FUNCTIONS.join(", ")} only, not "${name || fn.fn.toString()}"`);
      }
      if (fn.args.length === 0) throw new ExpressionProblem(`${name}() needs at least one argument`);
      if ((name === "ceil" || name === "floor" || name === "round") && fn.args.length !== 1) {
        throw new ExpressionProblem(`${name}() takes one argument`);
      }
      fn.args.forEach(check);
      return;
    }
    default:
      throw new ExpressionProblem(`may not contain ${describe(node.type)}`);
  }
}

function describe(type: string): string {
  const words: Record<string, string> = {
    AssignmentNode: "an assignment",
    FunctionAssignmentNode: "a function definition",
    AccessorNode: "property access or indexing",
    IndexNode: "indexing",
    ArrayNode: "a list",
    ObjectNode: "an object",
    ConditionalNode: "a condition",
    RangeNode: "a range",
    RelationalNode: "a comparison",
    BlockNode: "several statements",
  };
  return words[type] ?? type;
}

function collect(node: MathNode, known: readonly string[], names: Set<string>): Set<string> {
  node.traverse((child, _path, parent) => {
    if (child.type !== "SymbolNode") return;
    const name = (child as unknown as { name: string }).name;
    const isCallee = parent?.type === "FunctionNode" && (parent as unknown as { fn: MathNode }).fn === child;
    if (isCallee) return;
    if (!known.includes(name)) throw new ExpressionProblem(`uses "${name}", which is not a tier or quantity (known: ${known.join(", ")})`);
    names.add(name);
  });
  return names;
}

function build(node: MathNode, slotOf: (name: string) => number): (values: Float64Array) => number {
  switch (node.type) {
    case "ConstantNode": {
      const value = (node as unknown as { value: number }).value;
      return () => value;
    }
    case "SymbolNode": {
      const slot = slotOf((node as unknown as { name: string }).name);
      return (v) => v[slot]!;
    }
    case "ParenthesisNode":
      return build((node as unknown as { content: MathNode }).content, slotOf);
    case "OperatorNode": {
      const { fn, args } = node as unknown as { fn: string; args: MathNode[] };
      const [a, b] = args.map((arg) => build(arg, slotOf));
      switch (fn) {
        case "add":
          return (v) => a!(v) + b!(v);
        case "subtract":
          return (v) => a!(v) - b!(v);
        case "multiply":
          return (v) => a!(v) * b!(v);
        case "divide":
          return (v) => a!(v) / b!(v);
        case "unaryMinus":
          return (v) => -a!(v);
        default:
          return (v) => a!(v);
      }
    }
    case "FunctionNode": {
      const { fn, args } = node as unknown as { fn: { name: FunctionName }; args: MathNode[] };
      const impl = FUNCTIONS[fn.name];
      const parts = args.map((arg) => build(arg, slotOf));
      if (parts.length === 1) {
        const [only] = parts;
        return (v) => impl(only!(v));
      }
      if (parts.length === 2) {
        const [a, b] = parts;
        return (v) => impl(a!(v), b!(v));
      }
      return (v) => impl(...parts.map((p) => p(v)));
    }
    default:
      throw new ExpressionProblem(`may not contain ${describe(node.type)}`);
  }
}
