import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LIMITS } from "../../engine/scenario/schema.js";
import { scenarioSpec } from "../../engine/scenario/schema.js";
import { EXCEL_CELL_LIMIT } from "../../workbook/export.js";
import { LONGEST_COMPARED } from "../../engine/names.js";
import type { NumberSpec, ObjectSpec } from "../../engine/scenario/spec.js";

/** docs/limits.md states the bounds the schema enforces: the table is checked against the schema's own figures. */

const doc = readFileSync(join(__dirname, "..", "..", "docs", "limits.md"), "utf8");
const gb = (n: number) => n.toLocaleString("en-GB");

test("each bound in the table is the schema's", () => {
  const field = (group: string, name: string) => ((scenarioSpec.fields[group] as ObjectSpec).fields[name] as NumberSpec);
  expect(field("council", "children").max).toBe(LIMITS.children);
  expect(doc).toContain(`Children open to social care; children looked after | at most ${gb(LIMITS.children)} |`);
  expect(doc).toContain(`programme team FTE, FTE per span | at most ${gb(LIMITS.fte)} |`);
  expect(doc).toContain(`at most £${gb(LIMITS.salary)} a year |`);
  expect(doc).toContain(`at most £${gb(LIMITS.amount)} |`);
  expect(field("council", "referralsPerYear").max).toBe(LIMITS.count);
  expect(doc).toContain(`Referrals a year | at most ${gb(LIMITS.count)} |`);
  expect(doc).toContain(`Caseload target | from ${LIMITS.smallestRatio} to ${gb(LIMITS.childrenPerWorker)} children per worker |`);
  expect(doc).toContain(`at least ${LIMITS.smallestRatio} FTE |`);
  expect(field("council", "childrenPerFamily")).toMatchObject({ min: 1, max: 20 });
  expect(doc).toContain("Children per family | from 1 to 20 |");
  expect(field("timeUse", "groupSupervisionHours").max).toBe(744);
  expect(doc).toContain("at most 744 hours a month |");
  expect(doc).toContain(`more than ${gb(LIMITS.fte)} FTE is refused`);
  expect(doc).toContain(`longer than ${LONGEST_COMPARED} characters`);
  expect(doc).toContain(`${gb(EXCEL_CELL_LIMIT)} characters one Excel cell holds`);
});
