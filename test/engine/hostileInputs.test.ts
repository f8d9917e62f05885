import fc from "fast-check";
import { clone } from "../../engine/clone.js";
import { applySettings, compareScenarios, explain, listSettings, loadPreset, runScenario, SocialCareError, UnknownNameError, type Scenario } from "../../engine/index.js";

/**
 * A fuzzing harness for the classes of hostile input issue 18 found (huge and tiny magnitudes, NaN
 * and infinities, objects changed after they were loaded, very long names), through the library.
 * Every case must end (a hang would time the test out) in either a typed error of the engine or a
 * result whose every number is finite and equals the result of a fresh copy of the same content:
 * no crash, no stale figure, no silent number.
 */

const HOSTILE = [1e20, 1e18, 2 ** 53, 1e308, -1e308, 1e-300, -1e-300, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, -1, 0, 1e7, 123456.789];
const hostileNumber = fc.oneof(fc.constantFrom(...HOSTILE), fc.double());
const PRESETS = ["blueprint", "baseline-2018", "cluster", "reclaim"] as const;

/** Every number in a value, with its path. */
function numbers(value: unknown, path = "", out: [string, number][] = []): [string, number][] {
  if (typeof value === "number") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbers(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) numbers(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** The numeric leaves of a scenario object a user might change (not its sources or distributions). */
function numericPaths(scenario: Scenario): string[][] {
  const out: string[][] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === "number") out.push(path);
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) if (k !== "sources" && k !== "distributions" && k !== "correlations") walk(v, [...path, k]);
  };
  walk(scenario, []);
  return out;
}

function setAt(target: unknown, path: readonly string[], value: number): void {
  let node = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

/** Runs `call`: a typed engine error, or a result with every number finite (a scenario may hold an open-ended pay award). */
function outcome<T>(call: () => T, figures = true): { error: SocialCareError } | { result: T } {
  try {
    const result = call();
    const bad = numbers(result).filter(([path, n]) => !Number.isFinite(n) && !(!figures && n === Infinity && path.endsWith(".flatUpTo")));
    expect(bad).toEqual([]);
    return { result };
  } catch (error) {
    if (!(error instanceof SocialCareError)) throw error;
    return { error };
  }
}

test("a hostile value for any setting, through the loader: a typed error or finite figures", () => {
  const settings = Object.fromEntries(PRESETS.map((id) => [id, listSettings(loadPreset(id)).filter((s) => s.kind === "number")]));
  fc.assert(
    fc.property(fc.constantFrom(...PRESETS), fc.nat(), hostileNumber, (id, pick, value) => {
      const list = settings[id]!;
      const setting = list[pick % list.length]!;
      const applied = outcome(() => applySettings(loadPreset(id), { [setting.key]: value }), false);
      if ("error" in applied) return;
      expect(Number.isFinite(value)).toBe(true);
      outcome(() => runScenario(applied.result));
      outcome(() => compareScenarios(loadPreset("baseline-2018"), applied.result));
    }),
    { numRuns: 150, seed: 18 },
  );
});

test("a hostile value written into a loaded object: a typed error, or the figures of a fresh copy of the same content", () => {
  fc.assert(
    fc.property(fc.constantFrom(...PRESETS), fc.nat(), hostileNumber, (id, pick, value) => {
      const scenario = loadPreset(id);
      runScenario(scenario); // compiled and cached before the change
      const paths = numericPaths(scenario);
      setAt(scenario, paths[pick % paths.length]!, value);
      const run = outcome(() => runScenario(scenario));
      const fresh = outcome(() => runScenario(clone(scenario)));
      if ("error" in run) {
        expect("error" in fresh && fresh.error.message).toBe(run.error.message);
        return;
      }
      expect("result" in fresh && fresh.result).toEqual(run.result);
      const baseline = loadPreset("baseline-2018");
      const compared = outcome(() => compareScenarios(baseline, scenario));
      if ("result" in compared) expect(compared.result).toEqual(compareScenarios(baseline, clone(scenario)));
    }),
    { numRuns: 150, seed: 18 },
  );
});

test("very long and odd names: an UnknownNameError whose message stays short", () => {
  const known = ["blueprint", "runCost.total", "council.children", "structure.tiers.socialWorker.salary"];
  const name = fc.oneof(
    fc.tuple(fc.constantFrom(...known), fc.nat(40_000), fc.constantFrom("x", "é", "🙂", " ", "\u0000")).map(([base, n, pad]) => `${base}${pad.repeat(n)}`),
    fc.string({ maxLength: 300 }),
  );
  const blueprint = loadPreset("blueprint");
  fc.assert(
    fc.property(name, (n) => {
      for (const call of [() => loadPreset(n), () => explain(blueprint, n), () => applySettings(blueprint, { [n]: 1 })]) {
        try {
          call();
        } catch (error) {
          if (!(error instanceof SocialCareError)) throw error;
          if (error instanceof UnknownNameError) expect(error.message.length).toBeLessThan(1000);
        }
      }
    }),
    { numRuns: 60, seed: 18 },
  );
});
