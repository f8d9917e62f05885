// npm run data -- <folder>: takes in a new year's published files. For each file in <folder> that is one of
// the kinds the reader needs (scripts/build-councils.mjs, FILE_KINDS: a new year's file keeps its kind's
// name prefix, such as csww_indicators_2017_to_2026.csv), it checks the file has every column the reader
// takes; if any check fails it says which file lacks which column and copies nothing. Otherwise it replaces
// the old file of that kind in data/, rebuilds the council table, and says what changed: the years each
// kind now covers, and the councils added or gone. Options: --data <dir> (default data/) and --out <file>
// (default engine/generated/councils.ts), so that it can be tried on a copy.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCouncils, FILE_KINDS, filesIn, parseCsv } from "./build-councils.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Reads the arguments: the folder of new files, and where data and the built table live. */
function readArgs(argv) {
  const options = { data: join(root, "data"), out: join(root, "engine", "generated", "councils.ts") };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--data" || argv[i] === "--out") {
      if (argv[i + 1] === undefined) fail(`${argv[i]} needs a value`);
      options[argv[i].slice(2)] = resolve(argv[++i]);
    } else rest.push(argv[i]);
  }
  if (rest.length !== 1) fail("usage: npm run data -- <folder of newly published files> [--data <dir>] [--out <file>]");
  return { folder: resolve(rest[0]), ...options };
}

function fail(message) {
  console.error(`update-data: ${message}`);
  process.exit(1);
}

/** The header row of a CSV file (a byte-order mark dropped). */
function header(file) {
  const first = readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  // the reader's own CSV rules: the header read against itself as one row gives its column names
  return Object.keys(parseCsv(`${first}\n${first}\n`)[0] ?? {});
}

/** The years each kind's file covers (its time_period values). */
function yearsOf(dir, files) {
  const out = {};
  for (const [kind, name] of Object.entries(files)) {
    const rows = parseCsv(readFileSync(join(dir, name), "utf8"));
    const years = [...new Set(rows.map((r) => r.time_period).filter(Boolean))].sort();
    out[kind] = years.length ? `${years[0]}–${years[years.length - 1]}` : name;
  }
  return out;
}

export function updateData({ folder, data, out }) {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return { ok: false, problems: [`${folder}: not a folder`] };
  const incoming = readdirSync(folder).filter((n) => n.toLowerCase().endsWith(".csv"));
  const problems = [];
  const taken = [];
  for (const name of incoming) {
    const kind = FILE_KINDS.find((k) => k.pattern.test(name));
    if (!kind) {
      problems.push(`${name}: not a file the reader takes (expected a name like ${FILE_KINDS.map((k) => k.pattern.source.replace(/\\/g, "").replace(/[\^$]/g, "")).join(", ")})`);
      continue;
    }
    if (taken.some((t) => t.kind === kind.kind)) problems.push(`${name}: a second ${kind.kind} file; give one of each kind`);
    const columns = header(join(folder, name));
    for (const c of kind.columns) if (!columns.includes(c)) problems.push(`${name}: has no column ${c}, which the reader takes`);
    taken.push({ kind: kind.kind, name });
  }
  if (taken.length === 0 && problems.length === 0) problems.push(`${folder}: holds none of the published files the reader takes`);
  if (problems.length > 0) return { ok: false, problems };

  const before = filesIn(data);
  const yearsBefore = yearsOf(data, before);
  const councilsBefore = new Set(buildCouncils(data, join(mkdtempSync(join(tmpdir(), "councils-")), "before.ts")).councils.map((c) => c.name));

  // Build from a trial copy first, so that a file the reader cannot read leaves data/ as it was.
  const trial = mkdtempSync(join(tmpdir(), "data-"));
  try {
    for (const name of readdirSync(data)) if (statSync(join(data, name)).isFile()) copyFileSync(join(data, name), join(trial, name));
    for (const { kind, name } of taken) {
      if (before[kind] !== name) unlinkSync(join(trial, before[kind]));
      copyFileSync(join(folder, name), join(trial, name));
    }
    buildCouncils(trial, join(trial, "check.ts"));
  } catch (error) {
    rmSync(trial, { recursive: true, force: true });
    return { ok: false, problems: [`the new files could not be read: ${error.message}`] };
  }
  rmSync(trial, { recursive: true, force: true });

  for (const { kind, name } of taken) {
    if (before[kind] !== name) unlinkSync(join(data, before[kind]));
    copyFileSync(join(folder, name), join(data, name));
  }
  const built = buildCouncils(data, out);
  const after = filesIn(data);
  const yearsAfter = yearsOf(data, after);
  const councilsAfter = new Set(built.councils.map((c) => c.name));
  const changes = [
    ...taken.map(({ kind, name }) => `${kind}: ${basename(name)} (${yearsBefore[kind]} → ${yearsAfter[kind]})`),
    ...[...councilsAfter].filter((c) => !councilsBefore.has(c)).map((c) => `council added: ${c}`),
    ...[...councilsBefore].filter((c) => !councilsAfter.has(c)).map((c) => `council gone: ${c}`),
  ];
  return { ok: true, changes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = updateData(readArgs(process.argv.slice(2)));
  if (!result.ok) {
    for (const p of result.problems) console.error(`update-data: ${p}`);
    console.error("update-data: nothing was copied");
    process.exit(1);
  }
  for (const c of result.changes) console.log(c);
  console.log("Rebuilt the council table. Run npm test, and update data/README.md with the new files' publications.");
}
