/// <reference types="custom-functions-runtime" />
import * as F from "../../addin/functions/functions.js";
import { EvaluationCache, evaluations } from "../../addin/functions/evaluationCache.js";
import { installCustomFunctionsStub } from "../../bench/functionsBundle.js";

installCustomFunctionsStub();

describe("the evaluation cache", () => {
  test("evaluates once per key and answers the rest from the stored answer", () => {
    const cache = new EvaluationCache(10);
    let evaluated = 0;
    const work = () => ++evaluated;
    expect(cache.get("a", work)).toBe(1);
    expect(cache.get("a", work)).toBe(1);
    expect(cache.get("b", work)).toBe(2);
    expect(evaluated).toBe(2);
    expect(cache.stats()).toEqual({ hits: 1, misses: 2, size: 2, limit: 10 });
  });

  test("has: whether an answer is stored, counted as neither hit nor miss", () => {
    const cache = new EvaluationCache(10);
    expect(cache.has("a")).toBe(false);
    cache.get("a", () => 1);
    expect(cache.has("a")).toBe(true);
    expect(cache.stats()).toEqual({ hits: 0, misses: 1, size: 1, limit: 10 });
  });

  test("input: made once and shared until the cache is cleared, counted as neither hit nor miss; not kept when the cache is off", () => {
    const cache = new EvaluationCache(10);
    let made = 0;
    const load = () => ({ made: ++made });
    const first = cache.input("p", load);
    expect(cache.input("p", load)).toBe(first);
    expect(made).toBe(1);
    expect(cache.stats()).toEqual({ hits: 0, misses: 0, size: 0, limit: 10 });
    cache.clear();
    expect(cache.input("p", load)).not.toBe(first);
    cache.setLimit(0);
    expect(cache.input("p", load)).not.toBe(cache.input("p", load));
  });

  test("stores an error too, and throws it again without evaluating", () => {
    const cache = new EvaluationCache(10);
    let evaluated = 0;
    const failing = () => {
      evaluated++;
      throw new Error("no such preset");
    };
    expect(() => cache.get("x", failing)).toThrow("no such preset");
    expect(() => cache.get("x", failing)).toThrow("no such preset");
    expect(evaluated).toBe(1);
  });

  test("keeps at most its limit, dropping the least recently used", () => {
    const cache = new EvaluationCache(2);
    cache.get("a", () => 1);
    cache.get("b", () => 2);
    cache.get("a", () => 0); // a is now the most recently used
    cache.get("c", () => 3); // drops b
    expect(cache.get("a", () => -1)).toBe(1);
    expect(cache.get("b", () => -2)).toBe(-2);
    expect(cache.stats().size).toBe(2);
  });

  test("a limit of 0 stores nothing: every call evaluates", () => {
    const cache = new EvaluationCache(5);
    cache.get("a", () => 1);
    cache.setLimit(0);
    expect(cache.stats().size).toBe(0);
    let evaluated = 0;
    cache.get("a", () => ++evaluated);
    cache.get("a", () => ++evaluated);
    expect(evaluated).toBe(2);
    expect(() => cache.setLimit(-1)).toThrow("whole number");
  });
});

describe("whole-scenario functions share evaluations", () => {
  beforeEach(() => evaluations.clear());

  test("a thousand cells asking for figures of one preset evaluate it once", () => {
    const figures = ["runCost.total", "caseload.childrenPerCaseHolder", "structure.totalFte", "structure.teams"];
    for (let i = 0; i < 1000; i++) F.SCENARIO("blueprint", figures[i % figures.length], [["council.children", 3000]]);
    expect(evaluations.stats()).toMatchObject({ misses: 1, hits: 999 });
  });

  test("the same preset and overrides, however the range lays them out, are one evaluation", () => {
    F.SCENARIO("blueprint", "runCost.total", [["council.children", 3000]]);
    F.SCENARIO("Blueprint", "runCost.total", [["council.children", 3000], [null, null]]); // same preset id, same list
    F.SCENARIO("blueprint", "runCost.total", [["council.children"], [3000]]); // across: the same pairs
    expect(evaluations.stats().misses).toBe(1);
  });

  test("COMPARE and TRANSITION of the same pair share one comparison, which reuses the scenarios' evaluations", () => {
    F.SCENARIO("blueprint", "runCost.total");
    F.COMPARE("baseline-2018", "blueprint");
    F.TRANSITION("baseline-2018", "blueprint");
    F.COMPARE("baseline-2018", "blueprint");
    // blueprint (1), the comparison (1), baseline-2018 (1); the rest are hits.
    expect(evaluations.stats()).toMatchObject({ misses: 3 });
  });

  test("a misspelt preset never reaches an evaluation; a misspelt figure costs one", () => {
    for (let i = 0; i < 100; i++) expect(() => F.TIERS("blueprnt")).toThrow();
    expect(evaluations.stats().misses).toBe(0);
    for (let i = 0; i < 100; i++) expect(() => F.SCENARIO("blueprint", "runCost.totl")).toThrow();
    expect(evaluations.stats()).toMatchObject({ misses: 1, hits: 99 });
  });
});
