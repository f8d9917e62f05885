import { ArraySize, CellError, EmptyValue, ErrorType, FunctionPlugin, SimpleRangeValue } from "hyperformula";
import { ExcelError, type CustomFunction } from "../../bench/functionsBundle.js";

// The SOCIALCARE functions as a HyperFormula function plugin (HyperFormula is a development
// dependency only, used under its GPL licence key) that calls the functions the built bundle
// associated, passing each argument as Excel passes it: a cell's value, an empty cell as nothing
// (Excel on the web) or as 0 (Excel on Windows), a range as rows of cells, an error in a cell
// propagated without a call. Shared by the spreadsheet test and the pane's live-formula test.
//
// An asynchronous function (SIMULATE) answers with a Promise. HyperFormula has no such functions, so the
// plugin does what Excel does: the cell shows #BUSY! until the Promise settles, then the cell (and every
// cell that depends on it) is calculated again with the answer; `pending` holds the Promises still running.

export type Blank = null | 0;

// The parts of HyperFormula's function-call syntax tree and evaluation state the plugin touches.
type ProcedureAst = { args: { type: string }[] };
type InterpreterState = unknown;

/** The plugin for one way of passing empty cells, over one loaded bundle. */
export function socialCarePlugin(functions: Map<string, CustomFunction>, blank: Blank) {
  /** Answers of asynchronous calls that have settled, by function and arguments; and those still running. */
  const settled = new Map<string, { value: unknown } | { error: ExcelError }>();
  const pending: Promise<void>[] = [];
  const ERROR_TYPES: Record<string, ErrorType> = { "#VALUE!": ErrorType.VALUE, "#N/A": ErrorType.NA, "#NUM!": ErrorType.NUM, "#DIV/0!": ErrorType.DIV_BY_ZERO, "#REF!": ErrorType.REF, "#NAME?": ErrorType.NAME };

  /** One cell's value as Excel hands it to a custom function. */
  const excelValue = (v: unknown): unknown => {
    if (v === EmptyValue) return blank;
    if (v && typeof v === "object" && "val" in v) return (v as { val: number }).val; // a number with a format (25%, £)
    return v;
  };

  class SocialCarePlugin extends FunctionPlugin {
    /** Calls function `id` with the formula's arguments; an error in an argument is the answer, as in Excel. */
    answer(id: string, ast: ProcedureAst, state: InterpreterState): unknown {
      const args: unknown[] = [];
      for (const arg of ast.args) {
        if (arg.type === "EMPTY") {
          args.push(null); // =F(a,,c): the argument left out
          continue;
        }
        const value = this.evaluateAst(arg as never, state as never);
        if (value instanceof CellError) return value;
        if (value instanceof SimpleRangeValue) {
          const rows = value.data.map((row) => row.map(excelValue));
          const error = value.data.flat().find((v) => v instanceof CellError);
          if (error) return error;
          args.push(rows);
        } else args.push(excelValue(value));
      }
      const toHf = (v: unknown): unknown => (v instanceof ExcelError ? new CellError(ERROR_TYPES[v.code]!, v.message) : v);
      const call = `${id}(${JSON.stringify(args)})`;
      const done = settled.get(call);
      if (done) {
        if ("error" in done) return toHf(done.error);
        return done.value;
      }
      try {
        const result = functions.get(id)!(...args);
        if (result && typeof (result as { then?: unknown }).then === "function") {
          pending.push(
            (result as Promise<unknown>).then(
              (value) => void settled.set(call, { value }),
              (error: unknown) => {
                if (!(error instanceof ExcelError)) throw error;
                settled.set(call, { error });
              },
            ),
          );
          return new CellError(ErrorType.NA, "#BUSY!");
        }
        return Array.isArray(result) ? SimpleRangeValue.onlyValues(result.map((row: unknown[]) => row.map(toHf)) as never) : result;
      } catch (error) {
        if (error instanceof ExcelError) return toHf(error);
        throw error;
      }
    }
    /** HyperFormula sizes a spill before it evaluates: evaluate now when the arguments can be (values and literals). */
    size(id: string, ast: ProcedureAst, state: InterpreterState): ArraySize {
      try {
        const answer = this.answer(id, ast, state);
        return answer instanceof SimpleRangeValue ? new ArraySize(answer.width(), answer.height()) : ArraySize.scalar();
      } catch {
        return new ArraySize(12, 80);
      }
    }
  }
  const implemented: Record<string, { method: string; sizeOfResultArrayMethod?: string }> = {};
  const translations: Record<string, string> = {};
  const proto = SocialCarePlugin.prototype as unknown as Record<string, unknown>;
  for (const id of functions.keys()) {
    const name = `SOCIALCARE.${id}`;
    proto[`call${id}`] = function (this: SocialCarePlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.answer(id, ast, state);
    };
    proto[`size${id}`] = function (this: SocialCarePlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.size(id, ast, state);
    };
    implemented[name] = { method: `call${id}`, sizeOfResultArrayMethod: `size${id}` };
    translations[name] = name;
  }
  (SocialCarePlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  return { plugin: SocialCarePlugin, translations: { enGB: translations }, pending };
}

