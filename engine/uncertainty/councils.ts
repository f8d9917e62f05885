import { ScenarioError, UnknownNameError, type Issue } from "../errors.js";
import { models } from "../generated/models.js";
import { closeMatches } from "../names.js";

/**
 * A table of councils for a national sweep: one row per council, one column per setting it sets.
 *
 * The file is CSV with a header row. Lines starting with # before the header are notes (a table
 * says there where its figures come from). Columns:
 * - `name`: the council's name (required);
 * - `council.<setting>` (`council.children`, `council.vacancyRate`, …): applied to every scenario;
 * - `baseline.<setting>` (`baseline.structure.tiers.socialWorker.childrenPerWorker`): applied to the
 *   baseline only (a council's caseload today is a fact about its current structure, not the option's);
 * - any other column without a dot (`region`): a label carried through to the results.
 */

export interface CouncilColumn {
  /** The column as headed in the file. */
  column: string;
  /** The setting key it sets. */
  key: string;
  /** Every scenario, or the baseline only. */
  applies: "all" | "baseline";
}

export interface CouncilRow {
  name: string;
  /** The line of the file it came from, for messages. */
  line: number;
  labels: Record<string, string>;
  /** One value per setting column, in column order. */
  values: number[];
}

export interface CouncilTable {
  /** Where the table came from (a file, or `table <name>` for one shipped in models/). */
  source: string;
  notes: string[];
  labelColumns: string[];
  columns: CouncilColumn[];
  councils: CouncilRow[];
}

const tables = (models["council-tables"] ?? {}) as Record<string, string>;

/** The council tables shipped in models/council-tables. */
export function listCouncilTables(): string[] {
  return Object.keys(tables);
}

/** A council table shipped in models/council-tables, by name. */
export function loadCouncilTable(name: string): CouncilTable {
  const text = tables[name];
  if (text === undefined) throw new UnknownNameError("council table", name, closeMatches(name, Object.keys(tables)));
  return parseCouncilTable(text, `table ${name}`);
}

/** Splits one CSV line into cells (RFC 4180 quoting: "a, b" is one cell, "" is a quote). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

/** Reads a council table from CSV text; every problem is reported with its line and column. */
export function parseCouncilTable(text: string, source = "councils"): CouncilTable {
  const issues: Issue[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const notes: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    if (line.trimStart().startsWith("#")) notes.push(line.trimStart().replace(/^#\s?/, ""));
    else break;
  }
  if (i >= lines.length) throw new ScenarioError([{ path: source, reason: "has no header row (name, council.children, …)" }]);
  const header = cells(lines[i]!);
  const headerLine = i + 1;
  const nameAt = header.indexOf("name");
  if (nameAt < 0) issues.push({ path: `${source} line ${headerLine}`, reason: `needs a "name" column (columns: ${header.join(", ")})` });
  const labelColumns: string[] = [];
  const columns: (CouncilColumn & { at: number })[] = [];
  const seen = new Set<string>();
  header.forEach((column, at) => {
    if (seen.has(column)) issues.push({ path: `${source} line ${headerLine}`, reason: `column "${column}" appears twice` });
    seen.add(column);
    if (at === nameAt) return;
    if (column.startsWith("council.") && column.length > "council.".length) columns.push({ column, key: column, applies: "all", at });
    else if (column.startsWith("baseline.") && column.length > "baseline.".length) columns.push({ column, key: column.slice("baseline.".length), applies: "baseline", at });
    else if (/^[A-Za-z][\w ]*$/.test(column)) labelColumns.push(column);
    else issues.push({ path: `${source} line ${headerLine}`, reason: `column "${column}" is not a council.<setting>, a baseline.<setting> or a label` });
  });
  const councils: CouncilRow[] = [];
  for (i++; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const row = cells(line);
    const where = `${source} line ${i + 1}`;
    if (row.length !== header.length) {
      issues.push({ path: where, reason: `has ${row.length} cells; the header has ${header.length}` });
      continue;
    }
    const name = nameAt >= 0 ? row[nameAt]! : "";
    if (nameAt >= 0 && name === "") issues.push({ path: `${where}, name`, reason: "is empty" });
    const values = columns.map(({ column, at }) => {
      const cell = row[at]!;
      const value = cell === "" ? NaN : Number(cell);
      if (!Number.isFinite(value)) issues.push({ path: `${where}, ${column}`, reason: `must be a number, got ${JSON.stringify(cell)}` });
      return value;
    });
    councils.push({ name, line: i + 1, labels: Object.fromEntries(labelColumns.map((c) => [c, row[header.indexOf(c)]!])), values });
  }
  if (councils.length === 0 && issues.length === 0) issues.push({ path: source, reason: "has no councils below its header" });
  const names = new Map<string, number>();
  for (const c of councils) {
    if (names.has(c.name)) issues.push({ path: `${source} line ${c.line}, name`, reason: `"${c.name}" is already the name on line ${names.get(c.name)}` });
    else names.set(c.name, c.line);
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return { source, notes, labelColumns, columns: columns.map(({ column, key, applies }) => ({ column, key, applies })), councils };
}
