import { closeMatches, DomainError, financialYear, healthCheckCatalogue, InputError, isFinancialYear, listPresets, UnknownNameError } from "../../engine/index.js";
import type { Setting } from "../../engine/index.js";
import { NotAvailable } from "./excelErrors.js";

// The one place that turns what Excel passes to a custom function into what the engine takes. Each
// function declares its arguments once, as a list of the readers below (see catalogue.ts); the adapter
// (adapter.ts) runs them, so every function treats empty cells, booleans, numbers stored as text and
// ranges the same way. The rules, and where they follow or leave Excel's own, are in the README's
// "How the functions read cells" and in help.html.
//
// What arrives: a number, a string, a boolean, or nothing for one cell; a matrix (rows of cells) for a
// range. An empty cell arrives as null on Excel on the web and as 0 on Windows (office-js #4702); an
// omitted optional argument as null or undefined; a formula that returns "" as "". Errors in the cells
// never arrive: Excel shows the cell's own error without calling the function.

/** One argument of a custom function: its name (as in the function's signature) and how to read it. */
export interface Arg<T> {
  readonly name: string;
  readonly optional: boolean;
  /** True when the argument takes a range (Excel passes a matrix). */
  readonly range: boolean;
  read(value: unknown): T;
}

export type ArgValues<A extends readonly Arg<unknown>[]> = { -readonly [K in keyof A]: A[K] extends Arg<infer T> ? T : never };

/** A cell with nothing in it: an empty cell, an omitted argument, or a formula that returns "". */
export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

// ---------------------------------------------------------------------------------------------------
// One cell

/** A value given where one cell is expected: a 1×1 range counts as its cell. */
function oneCell(name: string, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const rows = value.length;
  const cols = rows > 0 && Array.isArray(value[0]) ? (value[0] as unknown[]).length : 0;
  if (rows === 1 && cols === 1) return (value[0] as unknown[])[0];
  throw new InputError(name, `must be one cell, got a range of ${rows} × ${cols} cells`);
}

// Text that Excel itself would read as a number where a number is expected: an optional sign, an
// optional currency sign, digits with thousands commas, a decimal part, an exponent, a percent sign,
// and accounting brackets for a negative amount, with spaces between the parts. Dates are not read (a
// financial model's inputs are amounts, counts and rates). Read by a scanner that looks at each
// character once: a pattern with optional spaces side by side backtracked on a long run of spaces and
// froze Excel for seconds. No number is written in more than a few dozen characters, so longer text is
// not looked at.
const LONGEST_NUMBER_TEXT = 100;

const isSpace = (c: string | undefined): boolean => c !== undefined && c.trim() === "" && c !== "";
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Digits with thousands commas: "1,200,000" or plain "1200"; a comma elsewhere is not a number. */
function wholePart(digits: string): string | undefined {
  if (!digits.includes(",")) return digits;
  const groups = digits.split(",");
  if (groups[0]!.length < 1 || groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3)) return undefined;
  return groups.join("");
}

/** The number a text holds as Excel would read it ("1,200", "£30,000", "15%", "(250)"), or undefined. */
export function numberFromText(raw: string): number | undefined {
  const text = raw.trim();
  if (text.length > LONGEST_NUMBER_TEXT) return undefined;
  let i = 0;
  const skipSpaces = () => {
    while (isSpace(text[i])) i++;
  };
  const take = (chars: string): string | undefined => {
    const c = text[i];
    if (c !== undefined && chars.includes(c)) {
      i++;
      return c;
    }
    return undefined;
  };
  const open = take("(");
  skipSpaces();
  const sign1 = take("+-");
  skipSpaces();
  take("£$€");
  skipSpaces();
  const sign2 = take("+-");
  skipSpaces();
  const wholeStart = i;
  while (isDigit(text[i]) || text[i] === ",") i++;
  const whole = wholePart(text.slice(wholeStart, i));
  if (whole === undefined) return undefined;
  let fraction = "";
  if (text[i] === ".") {
    const start = i++;
    while (isDigit(text[i])) i++;
    fraction = text.slice(start, i);
  }
  let exponent = "";
  if (text[i] === "e" || text[i] === "E") {
    i++;
    const start = i;
    take("+-");
    const digitsStart = i;
    while (isDigit(text[i])) i++;
    if (i === digitsStart) return undefined;
    exponent = text.slice(start, i);
  }
  skipSpaces();
  const percent = take("%");
  skipSpaces();
  const close = take(")");
  if (i !== text.length) return undefined;
  if (!whole && fraction.length < 2) return undefined;
  if (Boolean(open) !== Boolean(close) || (open && (sign1 || sign2)) || (sign1 && sign2)) return undefined;
  let n = Number(`${whole || "0"}${fraction}${exponent ? `e${exponent}` : ""}`);
  if (percent) n /= 100;
  if (open || sign1 === "-" || sign2 === "-") n = -n;
  return Number.isFinite(n) ? n : undefined;
}

/** Long text is shown by its start in a message (a cell may hold 32,767 characters). */
const SHOWN_TEXT = 60;

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > SHOWN_TEXT ? `${value.slice(0, SHOWN_TEXT)}…` : value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** One cell as a number, as Excel reads an argument of its own functions: TRUE is 1, FALSE is 0, "12" is 12. */
function cellNumber(name: string, value: unknown, blank: number | undefined): number | undefined {
  const v = oneCell(name, value);
  if (isBlank(v)) return blank;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new DomainError(name, `must be a finite number, got ${v}`);
    return v;
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = numberFromText(v);
    if (n === undefined) throw new InputError(name, `must be a number, got the text ${describe(v)}`);
    return n;
  }
  throw new InputError(name, `must be a number, got ${typeof v}`);
}

export interface NumberOptions {
  /** The least value the argument may take, for a rule the engine does not check itself. */
  min?: number;
}

function checked(name: string, n: number, options: NumberOptions): number {
  if (options.min !== undefined && n < options.min) throw new DomainError(name, `must be at least ${options.min}, got ${n}`);
  return n;
}

/** A whole number from `min` to `max` (a count of draws, a seed): a fraction is #NUM!, never truncated. */
function checkedWhole(name: string, n: number, min: number, max: number): number {
  if (!Number.isInteger(n) || n < min || n > max) throw new DomainError(name, `must be a whole number from ${min.toLocaleString("en-GB")} to ${max.toLocaleString("en-GB")}, got ${n}`);
  return n;
}

/** A whole number from `min` to `max`; an empty cell is 0, as for any number. */
export function wholeNumber(name: string, min: number, max: number): Arg<number> {
  return { name, optional: false, range: false, read: (value) => checkedWhole(name, cellNumber(name, value, 0)!, min, max) };
}

/** An optional whole number from `min` to `max`: left out or empty, the rule's default applies. */
export function optionalWholeNumber(name: string, min: number, max: number): Arg<number | undefined> {
  return {
    name,
    optional: true,
    range: false,
    read: (value) => {
      const n = cellNumber(name, value, undefined);
      return n === undefined ? undefined : checkedWhole(name, n, min, max);
    },
  };
}

/**
 * An optional yes or no, as Excel's own functions take a logical argument (MATCH's, VLOOKUP's): TRUE
 * or FALSE, a number (0 is FALSE, any other TRUE), or the text "TRUE" or "FALSE"; left out or empty,
 * FALSE. Other text is #VALUE!.
 */
export function optionalFlag(name: string): Arg<boolean> {
  return {
    name,
    optional: true,
    range: false,
    read: (raw) => {
      const value = oneCell(name, raw);
      if (isBlank(value)) return false;
      if (typeof value === "boolean") return value;
      if (typeof value === "number") return value !== 0;
      if (typeof value === "string") {
        const upper = value.trim().toUpperCase();
        if (upper === "TRUE") return true;
        if (upper === "FALSE") return false;
      }
      throw new InputError(name, `must be TRUE or FALSE, got ${JSON.stringify(value)}`);
    },
  };
}

/**
 * A percentile as Excel's PERCENTILE.INC takes it: a fraction from 0 to 1 (0.95, or 95%, for the 95th).
 * 95 is #NUM!, as PERCENTILE.INC gives: reading it as 0.95 would leave 1 meaning either the greatest
 * draw or the 1st percentile.
 */
export function percentile(name: string): Arg<number> {
  return {
    name,
    optional: false,
    range: false,
    read: (value) => {
      const p = cellNumber(name, value, 0)!;
      if (!(p >= 0 && p <= 1)) throw new DomainError(name, `must be from 0 to 1, as PERCENTILE.INC takes it (0.95 or 95% for the 95th percentile), got ${p}`);
      return p;
    },
  };
}

/** A number; an empty cell is 0, as Excel's own functions read an empty cell given as a number. */
export function number(name: string, options: NumberOptions = {}): Arg<number> {
  return { name, optional: false, range: false, read: (value) => checked(name, cellNumber(name, value, 0)!, options) };
}

/**
 * An optional number: left out or given an empty cell, it is undefined and the rule's default applies
 * (Excel on Windows passes an empty cell as 0, which is then used as 0).
 */
export function optionalNumber(name: string, options: NumberOptions = {}): Arg<number | undefined> {
  return {
    name,
    optional: true,
    range: false,
    read: (value) => {
      const n = cellNumber(name, value, undefined);
      return n === undefined ? undefined : checked(name, n, options);
    },
  };
}

/** A name or a search as text (a number, such as a DfE number, is read as its text). */
export function text(name: string, what: string): Arg<string> {
  return { name, optional: false, range: false, read: (value) => cellText(name, value, what) };
}

/** Optional text: left out or empty, undefined. */
export function optionalText(name: string, what: string): Arg<string | undefined> {
  return {
    name,
    optional: true,
    range: false,
    read: (value) => {
      const v = oneCell(name, value);
      return isBlank(v) || (typeof v === "string" && v.trim() === "") ? undefined : cellText(name, v, what);
    },
  };
}

/** Names are text; a number or TRUE/FALSE is read as its text, as Excel's text functions do. */
function cellText(name: string, value: unknown, what: string): string {
  const v = oneCell(name, value);
  if (isBlank(v)) throw new InputError(name, `is empty; give ${what}`);
  if (typeof v === "string") {
    const text = v.trim();
    if (text === "") throw new InputError(name, `is empty; give ${what}`);
    return text;
  }
  if (typeof v === "number" || typeof v === "boolean") return describe(v);
  throw new InputError(name, `must be text, got ${typeof v}`);
}

/** Exact name when there is one; otherwise the one name that differs only in case (Excel's lookups ignore case). */
export function canonicalName(text: string, names: readonly string[], byLowerCase?: ReadonlyMap<string, string>): string | undefined {
  if (names.includes(text)) return text;
  if (byLowerCase) return byLowerCase.get(text.toLowerCase());
  const lower = text.toLowerCase();
  const found = names.filter((n) => n.toLowerCase() === lower);
  return found.length === 1 ? found[0] : undefined;
}

let presetIds: string[] | undefined;
let presetsByLowerCase: Map<string, string> | undefined;

/** The id of a preset, in any case ("Blueprint" is "blueprint"); an unknown name is #N/A with the close matches. */
export function preset(name: string): Arg<string> {
  return {
    name,
    optional: false,
    range: false,
    read: (value) => {
      const text = cellText(name, value, 'the name of a preset, such as "blueprint" (SOCIALCARE.PRESETS() lists them)');
      presetIds ??= listPresets().map((p) => p.id);
      presetsByLowerCase ??= new Map(presetIds.map((id) => [id.toLowerCase(), id]));
      const id = canonicalName(text, presetIds, presetsByLowerCase);
      if (id === undefined) throw new UnknownNameError("preset", text, closeMatches(text, presetIds));
      return id;
    },
  };
}

/** An optional preset: left out or empty, undefined (a SIMULATE or TORNADO of one scenario rather than a comparison). */
export function optionalPreset(name: string): Arg<string | undefined> {
  const inner = preset(name);
  return {
    name,
    optional: true,
    range: false,
    // No preset is named 0: a 0 is an empty cell as Excel on Windows passes it.
    read: (value) => {
      const v = oneCell(name, value);
      return isBlank(v) || v === 0 ? undefined : inner.read(v);
    },
  };
}

/** A figure's name as text; whether the figure exists is for the scenario to say (its tiers name some). */
export function figureName(name: string): Arg<string> {
  return { name, optional: false, range: false, read: (value) => cellText(name, value, 'the name of a figure, such as "runCost.total"') };
}

/**
 * An optional financial year: "2025/26" (also written 2025-26 or 2025/2026), or the calendar year it
 * starts in (2025). Left out or empty, the rates table's default year applies.
 */
export function optionalYear(name: string): Arg<string | undefined> {
  return { name, optional: true, range: false, read: (value) => readYear(name, value) };
}

export function readYear(name: string, value: unknown): string | undefined {
  const v = oneCell(name, value);
  // No year is 0: a 0 is an empty cell as Excel on Windows passes it, as for a preset or overrides.
  if (isBlank(v) || v === 0) return undefined;
  const expected = 'a financial year such as "2025/26" or the year it starts in (2025)';
  if (typeof v === "number") return yearFromNumber(name, v, expected);
  if (typeof v === "string") {
    const text = v.trim();
    if (isFinancialYear(text)) return text;
    const m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
    if (m) {
      const start = Number(m[1]);
      const end = Number(m[2]);
      if ((m[2]!.length === 2 && (start + 1) % 100 === end) || end === start + 1) return financialYear(start);
    }
    if (/^\d{4}$/.test(text)) return yearFromNumber(name, Number(text), expected);
    throw new InputError(name, `must be ${expected}, got ${describe(text)}`);
  }
  throw new InputError(name, `must be ${expected}, got ${describe(v)}`);
}

function yearFromNumber(name: string, n: number, expected: string): string {
  if (!Number.isInteger(n) || n < 1900 || n > 2999) throw new DomainError(name, `must be ${expected}, got ${n}`);
  return financialYear(n);
}

// ---------------------------------------------------------------------------------------------------
// Ranges

/** A range as Excel passes it (rows of cells); one value given instead of a range is a 1×1 range. */
function matrix(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

function where(rows: number, cols: number, r: number, c: number): string {
  if (rows === 1) return `cell ${c + 1}`;
  if (cols === 1) return `cell ${r + 1}`;
  return `the cell in row ${r + 1}, column ${c + 1}`;
}

/**
 * A series of numbers, one a year, read position by position (row by row for a block, as Excel reads
 * a range): the first cell is year 0. An empty cell inside the series is 0 (a year with nothing in it)
 * and empty cells after the last number are dropped, so a range may run past the data. Text and
 * TRUE/FALSE are refused with the cell they are in: Excel's NPV and SUM skip them, which moves every
 * later amount into the wrong year or leaves it out without a word.
 */
export function series(name: string, what: string): Arg<number[]> {
  return {
    name,
    optional: false,
    range: true,
    read: (value) => {
      const cells = matrix(value);
      const rows = cells.length;
      const cols = rows > 0 ? cells[0]!.length : 0;
      const out: number[] = [];
      let last = -1;
      for (let r = 0; r < rows; r++) {
        const row = cells[r]!;
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (isBlank(v)) {
            out.push(0);
            continue;
          }
          if (typeof v === "number" && Number.isFinite(v)) {
            out.push(v);
            last = out.length - 1;
            continue;
          }
          const kind = typeof v === "string" ? `the text ${describe(v)}` : typeof v === "boolean" ? describe(v) : String(v);
          throw new InputError(name, `${where(rows, cols, r, c)} holds ${kind}; ${what} must be numbers or empty cells`);
        }
      }
      if (last < 0) throw new InputError(name, "the range holds no numbers");
      return out.slice(0, last + 1);
    },
  };
}

/** Like series, but optional: left out, the rule's default applies. */
export function optionalSeries(name: string, what: string): Arg<number[] | undefined> {
  const inner = series(name, what);
  return { name, optional: true, range: true, read: (value) => (isBlank(value) ? undefined : inner.read(value)) };
}

/** A cell that holds nothing a table could mean: empty, or 0 where no name or year can be 0 (an empty cell as Excel on Windows passes it). */
function emptyOrZero(value: unknown): boolean {
  return isBlank(value) || value === 0 || (typeof value === "string" && value.trim() === "");
}

/**
 * A health check laid out as a finance officer keeps it: a header row `Metric, 2023, 2024, 2025` (years
 * as numbers or "2024/25"; optional Green and Red columns to override the thresholds), then one row a
 * metric, named by its label ("Vacancy rate") or its id (vacancyRate), with a value a year. The engine
 * reads the table (healthCheck); this reader hands it the cells in place, so its row and column numbers
 * are the range's, after three things only Excel needs:
 * - a row with no metric name and nothing else but zeros is an empty row, as Excel on Windows passes
 *   one (no metric is named 0); zeros in the header row are empty cells (no year is 0), and so are
 *   zeros under a column with no heading (the engine reports any other value there);
 * - a metric the catalogue does not know is #N/A with the close matches, as an unknown preset is.
 * A value cell is passed as it is: an empty one is a missing metric, reported as missing; but Excel
 * builds that pass an empty cell as 0 (office-js #4702) make it a 0, so write "n/a" or "-" for a
 * metric you do not have.
 */
export function metricTable(name: string): Arg<unknown[][]> {
  return {
    name,
    optional: false,
    range: true,
    read: (value) => {
      const cells = matrix(value).map((row) => [...row]);
      let header = -1;
      for (let r = 0; r < cells.length; r++) {
        const row = cells[r]!;
        if (row.every(emptyOrZero)) {
          cells[r] = row.map(() => null);
          continue;
        }
        if (header < 0) {
          header = r;
          cells[r] = row.map((c) => (c === 0 ? null : c));
          continue;
        }
        if (emptyOrZero(row[0]) && row.slice(1).every(emptyOrZero)) cells[r] = row.map(() => null);
        // Under a column with no heading (a range running past the table), a 0 is an empty cell.
        else cells[r] = row.map((c, k) => (k > 0 && c === 0 && emptyOrZero(cells[header]![k]) ? null : c));
      }
      // Names are checked under a header the engine will take (it reports a wrong header itself).
      if (header >= 0 && String(cells[header]![0] ?? "").trim().toLowerCase() === "metric") {
        const metrics = healthCheckCatalogue().metrics;
        const known = new Set(metrics.flatMap((m) => [m.id.toLowerCase(), m.label.toLowerCase()]));
        for (let r = header + 1; r < cells.length; r++) {
          const first = cells[r]![0];
          if (first === null || first === undefined) continue;
          const metric = String(first).trim();
          if (metric === "" || known.has(metric.toLowerCase())) continue;
          // Matched on labels and ids, suggested by label (as a finance officer lays the table out).
          const labelOf = new Map(metrics.flatMap((m) => [[m.id, m.label], [m.label, m.label]] as [string, string][]));
          const near = [...new Set(closeMatches(metric, [...labelOf.keys()]).map((n) => labelOf.get(n)!))];
          throw new NotAvailable(`row ${r + 1}: unknown metric "${metric}"${near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""}`);
        }
      }
      return cells;
    },
  };
}

/** Overrides read from a range: each setting's key as typed and its value as the cell held it. */
export interface OverrideList {
  readonly pairs: readonly (readonly [string, string | number | boolean])[];
  /** The canonical key of the list, for the evaluation cache: the same settings and values give the same key. */
  readonly key: string;
}

export const NO_OVERRIDES: OverrideList = { pairs: [], key: "" };

/**
 * Overrides: a range of two columns, a setting's key (as `SOCIALCARE` names settings:
 * council.children, structure.tiers.socialWorker.salary) and its value, one setting a row; a range of
 * two rows is read across. Empty rows are skipped (also as Excel on Windows passes them, two zeros); a
 * setting with no value, a value with no setting or
 * a setting given twice is refused (an empty value cell is more likely a slip than a wish to keep the
 * preset's value).
 */
export function overrides(name: string): Arg<OverrideList> {
  return {
    name,
    optional: true,
    range: true,
    read: (value) => {
      if (isBlank(value)) return NO_OVERRIDES;
      if (!Array.isArray(value)) throw new InputError(name, "must be a range of two columns: a setting's name and its value");
      // Read in place (this runs for every cell that passes overrides, most of them answered from the cache).
      const grid = (value.length > 0 && !Array.isArray(value[0]) ? [value] : value) as unknown[][];
      const rows = grid.length;
      const cols = rows > 0 ? grid[0]!.length : 0;
      const across = cols !== 2 && rows === 2;
      if (cols !== 2 && !across) throw new InputError(name, `must be a range of two columns (a setting's name and its value), got ${rows} × ${cols} cells`);
      const unit = across ? "column" : "row";
      const count = across ? cols : rows;
      const at = (pair: number, which: 0 | 1): unknown => (across ? grid[which]![pair] : grid[pair]![which]);
      const out: [string, string | number | boolean][] = [];
      // Where each setting was first given, by its key in lower case: one look-up a row, so that a range
      // of tens of thousands of rows is read at once.
      const firstRow = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        const setting = at(i, 0);
        const v = at(i, 1);
        const row = i + 1;
        // No setting is named 0: a 0 there is an empty cell as Excel on Windows passes it, and a row
        // of two such cells is an empty row.
        const noSetting = isBlank(setting) || setting === 0;
        if (noSetting && (isBlank(v) || v === 0)) continue;
        if (noSetting) throw new InputError(name, `${unit} ${row} has a value but no setting`);
        if (typeof setting !== "string") throw new InputError(name, `${unit} ${row}: the setting must be a setting's name such as "council.children", got ${describe(setting)}`);
        const settingKey = setting.trim();
        if (isBlank(v)) throw new InputError(name, `${unit} ${row} (${settingKey}) has no value`);
        if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw new InputError(name, `${unit} ${row} (${settingKey}): the value must be a number, text or TRUE/FALSE`);
        const lower = settingKey.toLowerCase();
        const before = firstRow.get(lower);
        if (before !== undefined) throw new InputError(name, `${settingKey} is given twice (${unit}s ${before} and ${row})`);
        firstRow.set(lower, row);
        out.push([settingKey, v]);
      }
      // JSON keeps every setting and value apart whatever characters they hold (a key that joined them
      // with control characters let one set of overrides pass for another), and keeps 5, "5" and TRUE apart.
      return out.length === 0 ? NO_OVERRIDES : { pairs: out, key: JSON.stringify(out) };
    },
  };
}

/**
 * The overrides as applySettings takes them: keys matched to the scenario's settings ignoring case,
 * values read by the setting's kind (a number setting reads "3,000" as 3000, as a number argument
 * does; a yes/no setting reads TRUE, "yes" or 1). A key the scenario does not list goes through as
 * typed, so that applySettings can accept a field the schema knows (a tier's new sizing rule) or
 * refuse it with the close matches.
 */
export function resolveOverrides(list: OverrideList, settings: readonly Setting[]): [string, unknown][] {
  const byKey = new Map<string, Setting>();
  const byLower = new Map<string, Setting>();
  for (const s of settings) {
    byKey.set(s.key, s);
    byLower.set(s.key.toLowerCase(), s);
  }
  return list.pairs.map(([typed, value]) => {
    const setting = byKey.get(typed) ?? byLower.get(typed.toLowerCase());
    const key = setting?.key ?? typed;
    switch (setting?.kind) {
      case "number":
        return [key, cellNumber(key, value, 0)];
      case "boolean":
        return [key, yesNo(key, value)];
      case "year":
        return [key, readYear(key, value)];
      case "text":
      case "choice":
        return [key, typeof value === "string" ? value.trim() : describe(value)];
      default:
        return [key, typeof value === "string" ? (numberFromText(value) ?? value.trim()) : value];
    }
  });
}

function yesNo(name: string, value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const t = value.trim().toLowerCase();
    if (t === "true" || t === "yes") return true;
    if (t === "false" || t === "no") return false;
  }
  throw new InputError(name, `must be TRUE or FALSE, got ${describe(value)}`);
}
