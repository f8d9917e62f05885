import { quoteName } from "./names.js";

/**
 * The engine's typed errors. Faces catch these and show their message: the CLI prints it and exits 1,
 * a custom function turns it into an Excel error value, the task pane marks the field it names.
 *
 * Two kinds, as in HyperFormula: misuse of the API (a programming mistake) throws a plain Error;
 * a problem in the user's data throws one of these, and every one of them carries what a user needs
 * to put it right (the field's path, the name that was not found and the names that were meant).
 */

/** One problem in a scenario: where it is (a path such as `structure.tiers[3].fte`) and why. */
export interface Issue {
  path: string;
  reason: string;
}

/** Base of every error the engine raises for bad input. */
export class SocialCareError extends Error {
  override name = "SocialCareError";
}

/** A scenario (or part of one) that failed validation; `issues` lists every problem, not just the first. */
/** A message lists at most this many problems, then says how many more there are (every one stays in `issues`). */
export const MOST_PROBLEMS_SHOWN = 20;

/** Problem lines indented for a message: the first MOST_PROBLEMS_SHOWN, then the count of the rest. */
export function problemLines(lines: readonly string[]): string[] {
  const shown = lines.slice(0, MOST_PROBLEMS_SHOWN).map((l) => `  ${l}`);
  const more = lines.length - shown.length;
  return more > 0 ? [...shown, `  … and ${more} more problem${more === 1 ? "" : "s"}`] : shown;
}

export class ScenarioError extends SocialCareError {
  override name = "ScenarioError";
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], context?: string) {
    const lines = issues.map((i) => (i.path ? `${i.path}: ${i.reason}` : i.reason));
    const head = context ? `${context}: ` : "";
    super(issues.length === 1 ? `${head}${lines[0]}` : `${head}${issues.length} problems\n${problemLines(lines).join("\n")}`);
    this.issues = issues;
  }
}

/** What kind of thing a name was looked up as. */
export type NameKind = "preset" | "figure" | "setting" | "tier" | "part" | "category" | "council table" | "council" | "area";

/** A preset, figure, setting or tier that does not exist; `suggestions` are the close matches. */
export class UnknownNameError extends SocialCareError {
  override name = "UnknownNameError";
  readonly kind: NameKind;
  readonly unknown: string;
  readonly suggestions: readonly string[];
  constructor(kind: NameKind, unknown: string, suggestions: readonly string[]) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?` : "";
    super(`unknown ${kind} "${quoteName(unknown)}"${hint}`);
    this.kind = kind;
    this.unknown = unknown;
    this.suggestions = suggestions;
  }
}

/** A number outside the domain a rule is defined on (Excel shows these as #NUM!). */
export class DomainError extends SocialCareError {
  override name = "DomainError";
  readonly argument: string;
  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason}`);
    this.argument = argument;
  }
}

/** An argument of a building-block rule that is not a usable value at all (Excel: #VALUE!). */
export class InputError extends SocialCareError {
  override name = "InputError";
  readonly argument: string;
  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason}`);
    this.argument = argument;
  }
}

/**
 * Data the engine reads but was built without, which the face that built it fetches when first asked
 * for (the add-in fetches a council's published figures that way: addin/onDemand). `load()` fetches it;
 * once it settles, asking again finds the data. Deliberately not a SocialCareError: nothing is wrong with
 * the input, so a check that turns SocialCareErrors into problems lets it through to the face, which
 * waits for `load()` and asks again (whenLoaded, engine/whenLoaded.ts).
 */
export class NotLoadedYet extends Error {
  override name = "NotLoadedYet";
  constructor(
    /** What is missing, as a person says it: "the published figures of Leeds". */
    readonly what: string,
    readonly load: () => Promise<void>,
  ) {
    super(`${what}: not loaded yet`);
  }
}

/** Data that could not be had when asked for (a council's figures that would not download): try again later. */
export class DataUnavailableError extends SocialCareError {
  override name = "DataUnavailableError";
}
