import { compareScenarios, loadPreset, toPennies } from "../../engine/index.js";

// The cumulative cash flow is the running sum of the rounded cash flows, and the payback year is the
// first year it is no longer negative: both worked here from the cash flows themselves.
test.each([
  ["england-2025", "blueprint"],
  ["england-2025", "cluster"],
  ["baseline-2018", "blueprint"],
])("cumulative cash flow of %s against %s", (b, o) => {
  const c = compareScenarios(loadPreset(b), loadPreset(o));
  let pennies = 0;
  let payback: number | null = null;
  for (const flow of c.appraisal.cashFlows) {
    pennies += toPennies(flow.amount);
    expect(toPennies(flow.cumulative)).toBe(pennies);
    if (payback === null && pennies >= 0) payback = flow.index;
  }
  expect(c.appraisal.paybackIndex).toBe(payback);
});
