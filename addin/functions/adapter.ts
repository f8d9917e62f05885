import { DomainError, whenLoaded } from "../../engine/index.js";
import { ArgumentFailure, notLoadedYet, toExcelError } from "./excelErrors.js";
import type { Arg, ArgValues } from "./arguments.js";

// The adapter every custom function goes through, as HyperFormula's function plugins go through one
// argument handler: read each argument with its declared reader, run the rule, hand Excel a value it
// can show. Whatever goes wrong becomes an Excel error with a message; nothing escapes as an exception
// (Excel would show a bare #VALUE!), and no NaN or Infinity reaches a cell.
//
// A rule that reads data not yet fetched (a council's published figures, which the add-in fetches when
// first asked for: addin/onDemand) throws NotLoadedYet. The call then answers with a Promise instead
// (Excel shows #BUSY! until it settles): the data is fetched and the whole call made again, so every
// later call for that council answers at once. A fetch that fails is #N/A saying so, and the next
// recalculation tries again.

/** What one cell of an answer may hold. */
export type Cell = number | string | boolean | CustomFunctions.Error;

/** How a rule's answer becomes what Excel shows. */
export type Output<R, O> = (answer: R) => O;

export interface CustomFunction<O> {
  (...raw: unknown[]): O;
  /** The declared arguments, in order (the metadata test checks them against the function's signature). */
  readonly args: readonly Arg<unknown>[];
}

/** Each argument as its reader reads what Excel passed; a reader's error is blamed on its argument. */
function readArguments(args: readonly Arg<unknown>[], raw: readonly unknown[]): unknown[] {
  const values = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    try {
      values[i] = arg.read(raw[i]);
    } catch (error) {
      throw new ArgumentFailure(arg.name, error);
    }
  }
  return values;
}

/** A custom function from its arguments, its rule and the shape of its answer. */
export function define<const A extends readonly Arg<unknown>[], R, O>(args: A, rule: (...values: ArgValues<A>) => R, output: Output<R, O>): CustomFunction<O> {
  const call = (...raw: unknown[]): O => {
    try {
      return attempt(...raw);
    } catch (error) {
      const waiting = notLoadedYet(error);
      if (waiting === undefined) throw error;
      // The call answers later, once the data is here: a Promise in place of the value (see above).
      return whenLoaded(() => attempt(...raw)).catch((failure: unknown) => {
        throw failure instanceof CustomFunctions.Error ? failure : toExcelError(failure);
      }) as O;
    }
  };
  const attempt = (...raw: unknown[]): O => {
    try {
      // A direct call for the usual arities: a spread call costs more than the rule of a building block.
      const v = readArguments(args, raw);
      const r = rule as (...a: unknown[]) => R;
      const answer =
        v.length === 0 ? r() : v.length === 1 ? r(v[0]) : v.length === 2 ? r(v[0], v[1]) : v.length === 3 ? r(v[0], v[1], v[2]) : v.length === 4 ? r(v[0], v[1], v[2], v[3]) : r(...v);
      return output(answer);
    } catch (error) {
      throw notLoadedYet(error) ?? toExcelError(error);
    }
  };
  return Object.assign(call, { args });
}

/** A custom function that answers later (a Promise): Excel shows #BUSY! in the cell until it settles. */
export interface AsyncCustomFunction<O> {
  (...raw: unknown[]): Promise<O>;
  readonly args: readonly Arg<unknown>[];
}

/**
 * An asynchronous custom function: the arguments are read at once, as `define` reads them; the rule
 * gets them and what Excel passes after them (the invocation, with its onCanceled for a cancelable
 * function), and returns a Promise. Whatever goes wrong, before or after the wait, rejects the Promise
 * with an Excel error with a message: the call itself never throws.
 */
export function defineAsync<const A extends readonly Arg<unknown>[], R, O>(
  args: A,
  rule: (values: ArgValues<A>, invocation: CustomFunctions.CancelableInvocation | undefined) => Promise<R>,
  output: Output<R, O>,
): AsyncCustomFunction<O> {
  const start = (raw: readonly unknown[]): Promise<R> => {
    try {
      const values = readArguments(args, raw);
      const invocation = raw[args.length];
      return rule(values as ArgValues<A>, invocation !== null && typeof invocation === "object" ? (invocation as CustomFunctions.CancelableInvocation) : undefined);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  // Data not yet fetched (before the wait or during it) is fetched and the call started again, as in `define`.
  const call = (...raw: unknown[]): Promise<O> =>
    whenLoaded(() => start(raw).catch((error: unknown) => Promise.reject(notLoadedYet(error) ?? error)))
      .then(output)
      .catch((error: unknown) => {
        throw error instanceof CustomFunctions.Error ? error : toExcelError(error);
      });
  return Object.assign(call, { args });
}

/** One number, finite. */
export function asNumber(answer: number): number {
  if (typeof answer !== "number" || !Number.isFinite(answer)) throw new DomainError("result", `is not a finite number (${String(answer)})`);
  return answer === 0 ? 0 : answer;
}

export function asText(answer: string): string {
  return answer;
}

/**
 * A table Excel spills: every row as wide as the first, a missing value (null) as an empty text (Excel
 * would show null as 0), and a number that is not finite as #NUM! in its own cell.
 */
export function asTable(answer: readonly (readonly (number | string | boolean | null)[])[]): Cell[][] {
  const width = answer.reduce((w, row) => Math.max(w, row.length), 0);
  return answer.map((row) => {
    const out = new Array<Cell>(width);
    for (let j = 0; j < width; j++) {
      const v = j < row.length ? row[j] : null;
      if (v === null || v === undefined) out[j] = "";
      else if (typeof v === "number") out[j] = Number.isFinite(v) ? (v === 0 ? 0 : v) : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, "not a finite number");
      else out[j] = v;
    }
    return out;
  });
}

/** Numbers only, as one row (a spill across). */
export function asRow(answer: readonly number[]): number[][] {
  return [answer.map(asNumber)];
}
