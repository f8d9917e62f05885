import { parseDocument, stringify } from "../../addin/onDemand/yaml.js";
import { NotLoadedYet, whenLoaded } from "../../engine/index.js";

// The YAML reader as the add-in's page has it (addin/onDemand/yaml.ts, in the place of
// engine/scenario/yaml.ts): loaded when first used, with NotLoadedYet until then.

test("the reader waits to be loaded, then reads and writes as the yaml package does", async () => {
  expect(() => parseDocument("a: 1")).toThrow(NotLoadedYet);
  expect(() => parseDocument("a: 1")).toThrow("the YAML reader: not loaded yet");
  const read = await whenLoaded(() => parseDocument("# a comment\nchildren: 3000\n").toJS());
  expect(read).toEqual({ children: 3000 });
  expect(stringify({ children: 3000 })).toBe("children: 3000\n");
});

test("a reader that cannot be loaded is a DataUnavailableError saying so, and the next use tries again", async () => {
  let attempts = 0;
  jest.doMock("yaml", () => {
    attempts++;
    throw new Error("Loading chunk yaml failed");
  });
  // a fresh copy of the module (and of the engine's errors it throws, so whenLoaded is that copy's too)
  let onDemand!: typeof import("../../addin/onDemand/yaml.js");
  let engine!: typeof import("../../engine/errors.js") & typeof import("../../engine/whenLoaded.js");
  jest.isolateModules(() => {
    onDemand = require("../../addin/onDemand/yaml.js");
    engine = { ...require("../../engine/errors.js"), ...require("../../engine/whenLoaded.js") };
  });
  const failed = await engine.whenLoaded(() => onDemand.parseDocument("a: 1")).catch((error: unknown) => error);
  expect(failed).toBeInstanceOf(engine.DataUnavailableError);
  expect((failed as Error).message).toBe("the YAML reader could not be loaded (Loading chunk yaml failed); try again");
  await expect(engine.whenLoaded(() => onDemand.parseDocument("a: 1"))).rejects.toThrow(engine.DataUnavailableError);
  expect(attempts).toBe(2);
  jest.dontMock("yaml");
});
