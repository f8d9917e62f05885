import fc from "fast-check";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { applySettings, compareScenarios, listPresets, listSettings, loadPreset, runScenario, setOwn, SocialCareError, splitKey, toScenarioInput, validateScenario, type Scenario } from "../engine/index.js";
import { main } from "../cli/main.js";
import { COMMANDS } from "../cli/commands/index.js";
import { ExcelError, loadFunctionsBundle, type FunctionsBundle } from "../bench/functionsBundle.js";
import { exportWorkbook, importWorkbook, WorkbookError } from "../workbook/index.js";
import { deepNesting, hostileCell, hostileScalar, hostileValue, PROTOTYPE_NAMES, settingPath } from "./values.js";

/**
 * The faces the fuzzer drives, each with the inputs it generates and what counts as handled: an
 * answer whose numbers are all finite, or a refusal the user can read (the face's own error, one
 * line, naming what is wrong). Anything else is a failure: an exception of another kind, a NaN or an
 * Infinity in an answer, a message that calls itself unexpected. (A hang is caught by the runner.)
 */

export type Outcome = { kind: "answered" } | { kind: "refused" } | { kind: "failed"; problem: string };

export interface Face<T> {
  name: string;
  inputs: () => fc.Arbitrary<T>;
  run: (input: T) => Outcome | Promise<Outcome>;
}

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");

/** The first non-finite number in a value, with where it is; null when there is none. */
export function nonFinite(value: unknown, at = "", depth = 0): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : `${at || "answer"} is ${value}`;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const found = nonFinite(v, at ? `${at}.${k}` : k, depth + 1);
    if (found) return found;
  }
  return null;
}

/** A refusal is handled when its message is one line, says something, and does not call itself unexpected. */
function refusal(message: string): Outcome {
  if (message.trim() === "") return { kind: "failed", problem: "refused with an empty message" };
  if (/unexpected error|Maximum call stack|Cannot read prop|Cannot set prop|is not a function|undefined \(reading/i.test(message)) return { kind: "failed", problem: `refused with an internal message: ${message.slice(0, 200)}` };
  return { kind: "refused" };
}

function thrown(error: unknown): Outcome {
  if (error instanceof SocialCareError) return refusal(error.message.split("\n")[0]!);
  return { kind: "failed", problem: `threw ${(error as Error)?.name ?? typeof error}: ${String((error as Error)?.message ?? error).slice(0, 200)}` };
}

/** Writes `value` at `path` in a raw scenario input, making groups on the way, as a file could hold it. */
function setRaw(input: Record<string, unknown>, path: string, value: unknown): void {
  const segments = splitKey(path);
  if (segments.length === 0) return;
  let node: Record<string, unknown> = input;
  for (const segment of segments.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (next === null || typeof next !== "object") {
      const made: Record<string, unknown> = {};
      setOwn(node, segment, made);
      node = made;
    } else node = next as Record<string, unknown>;
  }
  setOwn(node, segments[segments.length - 1]!, value);
}

const PRESETS = listPresets().map((p) => p.id);
const KNOWN = [...new Set(PRESETS.flatMap((id) => listSettings(loadPreset(id)).map((s) => s.key)))];

function checkRun(scenario: Scenario): Outcome {
  const problem = nonFinite(runScenario(scenario)) ?? nonFinite((({ figures: _f, ...c }) => c)(compareScenarios(loadPreset("baseline-2018"), scenario)));
  return problem ? { kind: "failed", problem } : { kind: "answered" };
}

/** The scenario loader: a preset's file with settings changed to hostile values, or hostile text. */
export const loaderFace: Face<{ preset: string; edits: [string, unknown][] } | { text: string }> = {
  name: "scenario loader",
  inputs: () =>
    fc.oneof(
      { weight: 5, arbitrary: fc.record({ preset: fc.constantFrom(...PRESETS), edits: fc.array(fc.tuple(settingPath(KNOWN), hostileValue), { minLength: 1, maxLength: 3 }) }) },
      {
        weight: 1,
        arbitrary: fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom("a: &a [1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d]\n", "\ufeff{\"extends\":\"blueprint\"}", "\"extends: blueprint\"", "{\"extends\":\"blueprint\",\"extends\":\"cluster\"}", "extends: !!js/function x\n", "[".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)),
          fc.constantFrom(100, 3_000, 50_000).map((depth) => `{"extends":"blueprint","council":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`),
        ).map((text) => ({ text })),
      },
    ),
  run(input) {
    try {
      let raw: unknown;
      if ("text" in input) raw = input.text;
      else {
        raw = toScenarioInput(loadPreset(input.preset));
        for (const [path, value] of input.edits) setRaw(raw as Record<string, unknown>, path, value);
      }
      const result = validateScenario(raw, { source: "fuzz" });
      if (!result.ok) return result.issues.every((i) => refusal(i.reason).kind === "refused") ? { kind: "refused" } : refusal(result.issues.map((i) => i.reason).join(" "));
      return checkRun(result.scenario);
    } catch (error) {
      return thrown(error);
    }
  },
};

/** The library's overrides: applySettings with hostile paths and values. */
export const settingsFace: Face<{ preset: string; edits: [string, unknown][]; mutate?: boolean }> = {
  name: "library overrides",
  // Half the cases change settings through applySettings; the other half write the same values straight
  // into a loaded scenario object, as an analyst's code might, and run it (the library must notice).
  inputs: () => fc.record({ preset: fc.constantFrom(...PRESETS), edits: fc.array(fc.tuple(settingPath(KNOWN), hostileValue), { minLength: 1, maxLength: 3 }), mutate: fc.boolean() }),
  run(input) {
    try {
      if (!input.mutate) return checkRun(applySettings(loadPreset(input.preset), input.edits));
      const scenario = loadPreset(input.preset);
      runScenario(scenario);
      for (const [path, value] of input.edits) setLoaded(scenario, path, value);
      return checkRun(scenario);
    } catch (error) {
      return thrown(error);
    }
  },
};

/** Writes a value into a loaded scenario object where a setting path leads (tiers by id), if it leads anywhere. */
function setLoaded(scenario: Scenario, path: string, value: unknown): void {
  let node: unknown = scenario;
  const segments = splitKey(path);
  for (const [i, segment] of segments.entries()) {
    if (node === null || typeof node !== "object" || PROTOTYPE_NAMES.includes(segment)) return;
    const here = Array.isArray(node) ? (node.find((t: { id?: unknown }) => t?.id === segment) ?? node[Number(segment)]) : (node as Record<string, unknown>)[segment];
    if (i === segments.length - 1) {
      if (!Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, segment)) (node as Record<string, unknown>)[segment] = value;
      return;
    }
    node = here;
  }
}

/**
 * Files no scenario should be read from: devices, a folder, a system file. Joined at run time so that
 * the repository names no system path (test/package/standalone.test.ts looks for such paths).
 */
const fromRoot = (...segments: string[]): string => `/${segments.join("/")}`;
const SPECIAL_FILES = [
  fromRoot("dev", "zero"), fromRoot("dev", "null"), fromRoot("dev", "urandom"), fromRoot("etc", "passwd"),
  fromRoot("tmp"), fromRoot("proc", "self", "status"), fromRoot("dev", "stdin"),
];

/** Commands whose run stays in memory (no file written, no long simulation at a valid size). */
const CLI_COMMANDS = COMMANDS.map((c) => c.name).filter((n) => !["export", "import"].includes(n));
const OPTION_NAMES = [...new Set(COMMANDS.flatMap((c) => c.options.map((o) => o.name)))].filter((n) => n !== "out" && n !== "debug");

/** The CLI's argument reader and commands, run in this process with the output captured. */
export const cliFace: Face<string[]> = {
  name: "CLI",
  inputs: () => {
    const token = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PRESETS, ...PROTOTYPE_NAMES, "average-council-2025", "council.children", "runCost.total", "caseload.childrenPerCaseHolder") },
      { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_FILES) },
      { weight: 3, arbitrary: fc.constantFrom(...OPTION_NAMES).map((n) => `--${n}`) },
      { weight: 3, arbitrary: hostileScalar.map((v) => (typeof v === "string" ? v.replace(/[/\\]/g, "_") : String(v))).filter((t) => !/^\d{5,}$/.test(t)) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...OPTION_NAMES), hostileScalar).map(([n, v]) => `--${n}=${String(v).replace(/[/\\]/g, "_")}`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KNOWN), hostileScalar).map(([k, v]) => `${k}=${String(v)}`) },
    );
    return fc.tuple(fc.constantFrom(...CLI_COMMANDS, "nonsense", "--help"), fc.array(token, { maxLength: 6 })).map(([c, rest]) => [c, ...rest]);
  },
  async run(argv) {
    // A valid large draw count would only be slow, not wrong: those runs are kept small.
    if (argv.some((a) => /^--(draws|councils)=?$/.test(a))) argv = argv.map((a, i) => (argv[i - 1] === "--draws" && /^\d+$/.test(a) && Number(a) > 2000 ? "200" : a));
    let out = "";
    let err = "";
    const code = await main(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
    if (/unexpected error|    at /.test(err)) return { kind: "failed", problem: `stderr: ${err.slice(0, 300)}` };
    if (code === 0) return /\bNaN\b|\bInfinity\b/.test(out) ? { kind: "failed", problem: `printed ${out.match(/.*\b(NaN|Infinity)\b.*/)?.[0]}` } : { kind: "answered" };
    // `validate` answers "no" with the problems on standard output and exit 1; anything else must say why on standard error.
    if (err.trim() === "" && !(argv[0] === "validate" && code === 1 && out.trim() !== "")) return { kind: "failed", problem: `exit ${code} with no message` };
    return { kind: "refused" };
  },
};

let bundle: FunctionsBundle | undefined;
function functionsBundle(): FunctionsBundle {
  return (bundle ??= loadFunctionsBundle(join(ROOT, "dist", "addin", "functions.js")));
}

/** Every custom function, through the built bundle as Excel loads it, with hostile cells for arguments. */
export const functionsFace: Face<{ fn: string; args: unknown[] }> = {
  name: "custom functions",
  inputs: () => {
    const names = [...functionsBundle().functions.keys()].sort();
    const presetOrCell = fc.oneof(fc.constantFrom(...PRESETS, "Blueprint", ""), hostileCell);
    const overrides = fc.array(fc.tuple(settingPath(KNOWN), hostileScalar).map(([k, v]) => [k, v]), { minLength: 1, maxLength: 3 });
    return fc.record({ fn: fc.constantFrom(...names), args: fc.array(fc.oneof({ weight: 5, arbitrary: hostileCell }, { weight: 1, arbitrary: presetOrCell }, { weight: 1, arbitrary: overrides }), { maxLength: 7 }) });
  },
  async run({ fn, args }) {
    try {
      let answer = functionsBundle().functions.get(fn)!(...args);
      if (answer instanceof Promise || (answer && typeof (answer as Promise<unknown>).then === "function")) answer = await answer;
      if (answer instanceof ExcelError) return answer.message ? refusal(answer.message) : { kind: "failed", problem: `${answer.code} without a message` };
      const problem = nonFinite(answer);
      return problem ? { kind: "failed", problem } : { kind: "answered" };
    } catch (error) {
      if (error instanceof ExcelError) return error.message ? refusal(error.message) : { kind: "failed", problem: `${error.code} without a message` };
      return { kind: "failed", problem: `threw ${(error as Error)?.name}: ${String((error as Error)?.message ?? error).slice(0, 200)}` };
    }
  },
};

let workbookBytes: Uint8Array | undefined;
async function exported(): Promise<Uint8Array> {
  return (workbookBytes ??= await exportWorkbook(loadPreset("baseline-2018"), [loadPreset("blueprint")], { date: new Date("2026-04-01T00:00:00Z") }));
}

/** The workbook import: an exported workbook with bytes changed, cut short, or not a workbook at all. */
export const importFace: Face<{ kind: "bytes"; bytes: number[] } | { kind: "cut"; at: number } | { kind: "flip"; at: number; to: number } | { kind: "text"; text: string }> = {
  name: "workbook import",
  inputs: () =>
    fc.oneof(
      fc.record({ kind: fc.constant("bytes" as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }) }),
      fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant("flip" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant("text" as const), text: fc.string({ maxLength: 40 }) }),
    ),
  async run(input) {
    let bytes: Uint8Array;
    const whole = await exported();
    if (input.kind === "bytes") bytes = Uint8Array.from(input.bytes);
    else if (input.kind === "text") bytes = new TextEncoder().encode(input.text);
    else if (input.kind === "cut") bytes = whole.slice(0, Math.floor(input.at * whole.length));
    else {
      bytes = whole.slice();
      bytes[Math.min(whole.length - 1, Math.floor(input.at * whole.length))] = input.to;
    }
    try {
      const imported = await importWorkbook(bytes);
      for (const { scenario } of imported) {
        const outcome = checkRun(scenario);
        if (outcome.kind === "failed") return outcome;
      }
      return { kind: "answered" };
    } catch (error) {
      if (error instanceof WorkbookError) return refusal(error.message.split("\n")[0]!);
      return thrown(error);
    }
  },
};

export const FACES = [loaderFace, settingsFace, cliFace, functionsFace, importFace] as Face<unknown>[];

