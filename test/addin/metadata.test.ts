/// <reference types="custom-functions-runtime" />
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { catalogue } from "../../addin/functions/catalogue.js";

// What Excel learns about the functions comes from functions.json, which the metadata plugin writes
// from the JSDoc and signatures in functions.ts. The plugin prints its errors and carries on (the
// webpack build fails on them), so this test asks it directly.

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

const FILE = resolve("addin/functions/functions.ts");
let functions: Fn[];
let errors: string[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([FILE]);
  errors = generated.errors;
  functions = (JSON.parse(generated.metadataJson) as { functions: Fn[] }).functions;
}, 60_000);

const scalar = (type: string) => ({ type });
const range = { type: "any", dimensionality: "matrix" };

// Per function: each parameter's name, Excel type (scalar arguments are "any" so that the adapter reads
// them) and whether it takes a range; optional parameters marked "?"; the result's type and shape.
const EXPECTED: Record<string, { params: [string, { type: string; dimensionality?: string }][]; result: { type?: string; dimensionality?: string } }> = {
  CASELOAD: { params: [["children", scalar("any")], ["caseHoldingFte", scalar("any")]], result: { type: "number" } },
  CASEHOLDERS: { params: [["children", scalar("any")], ["caseloadTarget", scalar("any")]], result: { type: "number" } },
  TEAMS: { params: [["caseHolders", scalar("any")], ["teamSize", scalar("any")]], result: { type: "number" } },
  CONTACTHOURS: { params: [["hoursPerWeek", scalar("any")], ["directContactShare", scalar("any")], ["caseload", scalar("any")]], result: { type: "number" } },
  EMPLOYERNI: { params: [["salary", scalar("any")], ["year?", scalar("any")]], result: { type: "number" } },
  EMPLOYERCOST: { params: [["salary", scalar("any")], ["year?", scalar("any")], ["pensionRate?", scalar("any")]], result: { type: "number" } },
  STAFFCOST: {
    params: [["fte", scalar("any")], ["salary", scalar("any")], ["vacancyRate?", scalar("any")], ["agencyShare?", scalar("any")], ["agencyPremium?", scalar("any")], ["year?", scalar("any")]],
    result: { type: "number" },
  },
  REDUNDANCY: { params: [["age", scalar("any")], ["yearsOfService", scalar("any")], ["weeklyPay", scalar("any")], ["multiplier?", scalar("any")], ["year?", scalar("any")]], result: { type: "number" } },
  TRANSITIONPROFILE: { params: [["total", scalar("any")], ["years", scalar("any")], ["weights?", range]], result: { type: "number", dimensionality: "matrix" } },
  DISCOUNTFACTOR: { params: [["year", scalar("any")], ["rate?", scalar("any")]], result: { type: "number" } },
  NPV: { params: [["cashFlows", range], ["rate?", scalar("any")]], result: { type: "number" } },
  PAYBACK: { params: [["cashFlows", range]], result: { type: "number" } },
  PRESETS: { params: [], result: { dimensionality: "matrix" } },
  COUNCILS: { params: [["search?", scalar("any")]], result: { dimensionality: "matrix" } },
  COUNCIL: { params: [["council", scalar("any")], ["figure", scalar("any")], ["year?", scalar("any")]], result: { type: "number" } },
  SCENARIO: { params: [["preset", scalar("any")], ["figure", scalar("any")], ["overrides?", range]], result: { type: "number" } },
  TIERS: { params: [["preset", scalar("any")], ["overrides?", range]], result: { dimensionality: "matrix" } },
  COMPARE: { params: [["baseline", scalar("any")], ["option", scalar("any")], ["baselineOverrides?", range], ["optionOverrides?", range]], result: { dimensionality: "matrix" } },
  TRANSITION: { params: [["baseline", scalar("any")], ["option", scalar("any")], ["optionOverrides?", range]], result: { dimensionality: "matrix" } },
  EXPLAIN: { params: [["preset", scalar("any")], ["figure", scalar("any")], ["overrides?", range]], result: { type: "string", dimensionality: "matrix" } },
  VERSION: { params: [], result: { type: "string" } },
  SIMULATE: {
    params: [["preset", scalar("any")], ["figure", scalar("any")], ["draws", scalar("any")], ["percentile", scalar("any")], ["seed?", scalar("any")], ["baseline?", scalar("any")], ["overrides?", range]],
    result: { type: "number" },
  },
  TORNADO: { params: [["preset", scalar("any")], ["figure", scalar("any")], ["baseline?", scalar("any")], ["overrides?", range]], result: { dimensionality: "matrix" } },
  HEALTHCHECK: { params: [["metrics", range], ["byArea?", scalar("any")]], result: { dimensionality: "matrix" } },
  TEAMDESIGN: { params: [["preset", scalar("any")], ["overrides?", range]], result: { dimensionality: "matrix" } },
  WORKFORCE: { params: [["option", scalar("any")], ["baseline?", scalar("any")], ["tier?", scalar("any")], ["optionOverrides?", range]], result: { dimensionality: "matrix" } },
};

// Options Excel reads besides the parameters: SIMULATE answers later and may be cancelled (its last
// parameter, Excel's invocation, is not an argument the user gives); every other function answers at once.
const OPTIONS: Record<string, Record<string, boolean>> = { SIMULATE: { cancelable: true } };

test("the metadata generator reports no errors", () => {
  expect(errors).toEqual([]);
});

test("every function of the issue is there, and nothing else", () => {
  expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  expect(Object.keys(catalogue).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(Object.keys(EXPECTED))("%s", (id) => {
  const fn = () => functions.find((f) => f.id === id)!;

  test("its id is its name and cannot be read as a cell address", () => {
    expect(fn().name).toBe(id);
    expect(id).toMatch(/^[A-Z]+$/); // letters only: not A1-style (NPV2) nor R1C1-style
  });

  test("parameters: names, types, ranges and optional ones", () => {
    const expected = EXPECTED[id]!;
    expect(
      fn().parameters.map((p): [string, { type: string; dimensionality?: string }] => [p.name + (p.optional ? "?" : ""), p.dimensionality ? { type: p.type, dimensionality: p.dimensionality } : { type: p.type }]),
    ).toEqual(expected.params);
  });

  test("result: type, and matrix where it spills", () => {
    expect(fn().result).toEqual(EXPECTED[id]!.result);
  });

  test("options: cancelable where it answers later, none otherwise", () => {
    expect((fn() as Fn & { options?: Record<string, boolean> }).options).toEqual(OPTIONS[id]);
  });

  test("the catalogue reads the same arguments, in the same order, as the signature declares", () => {
    const declared = catalogue[id as keyof typeof catalogue].args;
    expect(declared.map((a) => a.name + (a.optional ? "?" : ""))).toEqual(fn().parameters.map((p) => p.name + (p.optional ? "?" : "")));
    expect(declared.map((a) => a.range)).toEqual(fn().parameters.map((p) => p.dimensionality === "matrix"));
  });

  test("help: its own description, a description for every parameter, and a help link to its section", () => {
    const f = fn();
    expect(f.description).toBeTruthy();
    // The plugin takes the first JSDoc block above a function: a file comment must never be taken for it.
    expect(f.description).not.toMatch(/SOCIALCARE custom functions|metadata plugin/);
    for (const p of f.parameters) expect(p.description).toBeTruthy();
    expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${id.toLowerCase()}`);
    expect(readFileSync(resolve("addin/help.html"), "utf8")).toContain(`id="${id.toLowerCase()}"`);
  });
});

test("descriptions are distinct (no block was taken for another function's)", () => {
  const descriptions = functions.map((f) => f.description);
  expect(new Set(descriptions).size).toBe(descriptions.length);
});
