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
