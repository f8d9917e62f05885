import { DataUnavailableError, DomainError, InputError, NotLoadedYet, ScenarioError, UnknownNameError } from "../../engine/index.js";

// Engine errors as Excel errors. Bad input is #VALUE! with the message; an unknown preset, figure or
// setting is #N/A with the message (the close matches in it); a number outside a rule's domain is
// #NUM! (Excel shows the message of #VALUE! and #N/A only, so a #NUM! message is for the tests and the
// bundle's callers). Anything else is a fault of ours: #VALUE! that says so, never an exception that
// Excel would turn into a #VALUE! without a word.

/** An error met while reading or using one argument: the message is prefixed with the argument's name. */
export class ArgumentFailure extends Error {
  override name = "ArgumentFailure";
  constructor(
    readonly argument: string,
    readonly failure: unknown,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** An answer that does not exist for these inputs (a cash flow that never pays back): #N/A with the reason. */
export class NotAvailable extends Error {
  override name = "NotAvailable";
}

/**
 * The data a call is waiting for (a council's figures being fetched: engine/errors.ts, NotLoadedYet),
 * whether thrown as it is or met while reading an argument; undefined for any other error.
 */
export function notLoadedYet(error: unknown): NotLoadedYet | undefined {
  if (error instanceof NotLoadedYet) return error;
  if (error instanceof ArgumentFailure && error.failure instanceof NotLoadedYet) return error.failure;
  return undefined;
}

/** An error blamed on `argument` (kept as it is if it already names one). */
export function blame(argument: string, error: unknown): ArgumentFailure {
  return error instanceof ArgumentFailure ? error : new ArgumentFailure(argument, error);
}

/** Runs `use`; an error it throws is blamed on `argument`. */
export function inArgument<T>(argument: string, use: () => T): T {
  try {
    return use();
  } catch (error) {
    throw blame(argument, error);
  }
}

/** Excel shows a message on one line, and long ones are cut: keep it to the first few problems. */
const MAX_MESSAGE = 255;

function oneLine(message: string): string {
  // Lines split and trimmed rather than a pattern of spaces around a line break, which backtracked
  // through a long run of spaces; only the start of a long message is looked at, as only it is shown.
  const lines = message.slice(0, 4 * MAX_MESSAGE).split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const flat = lines.join("; ").replace(/:; /g, ": ");
  return flat.length <= MAX_MESSAGE ? flat : `${flat.slice(0, MAX_MESSAGE - 1)}…`;
}

export function toExcelError(error: unknown): CustomFunctions.Error {
  let argument: string | undefined;
  let cause = error;
  if (error instanceof ArgumentFailure) {
    argument = error.argument;
    cause = error.failure;
  }
  let message = cause instanceof Error ? cause.message : String(cause);
  // The engine names the argument itself when it checks one ("caseHoldingFte: must be more than 0").
  if (argument !== undefined && !message.startsWith(`${argument}:`) && !message.startsWith(`${argument}[`)) message = `${argument}: ${message}`;
  message = oneLine(message);
  const code = CustomFunctions.ErrorCode;
  if (cause instanceof UnknownNameError || cause instanceof NotAvailable || cause instanceof DataUnavailableError) return new CustomFunctions.Error(code.notAvailable, message);
  if (cause instanceof DomainError) return new CustomFunctions.Error(code.invalidNumber, message);
  if (cause instanceof InputError || cause instanceof ScenarioError) return new CustomFunctions.Error(code.invalidValue, message);
  return new CustomFunctions.Error(code.invalidValue, oneLine(`unexpected error: ${message}`));
}

/**
 * An uncertainty analysis's error as a cell shows it. The engine raises DomainError (#NUM!, which Excel
 * shows without its message) for two things that are not numbers out of range: a figure that cannot
 * be summarised over draws (a year, a name), which is the figure argument's fault (#VALUE!), and a
 * scenario with nothing uncertain, which has no spread to give (#N/A); both keep their message.
 */
export function uncertaintyError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const reason = error.message.startsWith(`${error.argument}: `) ? error.message.slice(error.argument.length + 2) : error.message;
  if (error.argument === "figure") return new InputError("figure", reason);
  if (error.argument === "inputs") return new NotAvailable(reason);
  return error;
}
