import { resolve } from "node:path";
import vm from "node:vm";
import { ExcelError, loadFunctionsBundle, type FunctionsBundle } from "../../bench/functionsBundle.js";

/**
 * The custom functions' face of prototype safety, through the built bundle (npm test builds it) in a
 * context of its own, as Excel's shared runtime holds it: an overrides range naming a prototype path is
 * #N/A with an unknown-setting message, and the runtime's Object.prototype is exactly as it was, so
 * the task pane sharing the runtime is untouched.
 */
let bundle: FunctionsBundle;
beforeAll(() => {
  bundle = loadFunctionsBundle(resolve("dist/addin/functions.js"));
});

function inBundle<T>(code: string): T {
  return vm.runInContext(code, bundle.scope) as T;
}

function call(id: string, ...args: unknown[]): unknown {
  try {
    return bundle.functions.get(id)!(...args);
  } catch (error) {
    if (error instanceof ExcelError) return error;
    throw error;
  }
}

const SNAPSHOT = "JSON.stringify(Object.getOwnPropertyNames(Object.prototype).map((n) => [n, typeof Object.prototype[n], String(Object.prototype[n])]))";

test.each(["__proto__.toString", "__proto__.polluted", "constructor.prototype.x", "prototype.x", "council.__proto__.polluted"])(
  "SCENARIO with %s in its overrides is #N/A naming the unknown setting, and the runtime's prototypes are untouched",
  (path) => {
    const before = inBundle<string>(SNAPSHOT);
    const answer = call("SCENARIO", "blueprint", "runCost.total", [[path, 5]]);
    expect(answer).toBeInstanceOf(ExcelError);
    expect((answer as ExcelError).code).toBe("#N/A");
    expect((answer as ExcelError).message).toContain(`unknown setting "${path}"`);
    expect(inBundle<string>(SNAPSHOT)).toBe(before);
    expect(inBundle<string>("typeof Object.prototype.toString")).toBe("function");
    expect(inBundle<string>("String({})")).toBe("[object Object]");
    expect(inBundle<unknown>("({}).polluted")).toBeUndefined();
    // The same cell with a real setting still answers.
    expect(typeof call("SCENARIO", "blueprint", "runCost.total", [["council.children", 3000]])).toBe("number");
  },
);
