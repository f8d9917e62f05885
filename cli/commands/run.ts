import { componentLabel, listSettings, resultFigure, RUN_COST_COMPONENTS, runScenario, teamDesign, TIME_USE_SHARES, type Result, type Scenario } from "../../engine/index.js";
import { councilInputsText } from "../councilInputs.js";
import { COMMON_OPTIONS, COUNCIL_OPTION, type Command } from "../command.js";
import { formatByUnit, formatMoney, formatNumber, formatPercent, pairs, table } from "../format.js";
import { loadNamed, positionals } from "../scenarios.js";
import { teamDesignCsvRows, teamDesignText } from "../teamDesignTable.js";
import { resultRows, TIDY_HEADER } from "../tidy.js";

/** `socialcare run`: one scenario, read top to bottom as a finance officer reads a model's outputs. */
export const run: Command = {
  name: "run",
  summary: "run one scenario: caseloads, structure by tier, time use, run cost",
  usage: "socialcare run <preset|file> [--council <council|preset|file>]",
  example: "socialcare run blueprint --council average-council-2025",
  options: [COUNCIL_OPTION, ...COMMON_OPTIONS],
  run(args) {
    const [name] = positionals(args, ["preset|file"]);
    const scenario = loadNamed(name!, args);
    const result = runScenario(scenario);
    // The structure's team-design indicators (issue 8) follow the figures.
    const design = teamDesign(scenario);
    return {
      text: `${describe(scenario, result)}\n\n${councilInputsText(scenario)}\n\n${teamDesignText([design])}`,
      json: result,
      csv: [TIDY_HEADER, ...resultRows(result), ...teamDesignCsvRows([design])],
    };
  },
};

/** The figures of a result by name, formatted by their units, as label and value pairs. */
function figures(result: Result, names: readonly string[]): [string, string][] {
  return names.map((name) => {
    const f = resultFigure(result, name);
    return [f.label, formatByUnit(f.value, f.unit)];
  });
}

function describe(scenario: Scenario, result: Result): string {
  const s = result.scenario;
  const lines: string[] = [];
  lines.push(s.name, `  ${s.structure}, on ${s.council}, in ${s.year} prices`);

  lines.push("", "Caseload");
  lines.push(pairs(figures(result, ["caseload.children", "caseload.families", "caseload.caseHoldingFte", "caseload.childrenPerCaseHolder", "caseload.childrenPerCaseHolderAtWork", "caseload.familiesPerCaseHolder"])));

  lines.push("", "Structure by tier");
  const tierRows = result.structure.tiers.map((t) => [
    t.name,
    t.reportsTo ?? "",
    t.holdsCases ? "yes" : "",
    formatNumber(t.fte, 1),
    formatMoney(t.salary),
    t.span === null ? "" : formatNumber(t.span, 1),
    formatMoney(t.annualCost),
  ]);
  if (result.runCost.components.teamBudgets !== 0) {
    tierRows.push([componentLabel("teamBudgets"), "", "", "", "", "", formatMoney(result.runCost.components.teamBudgets)]);
  }
  tierRows.push(["Total", "", "", formatNumber(result.structure.totalFte, 1), "", "", formatMoney(result.runCost.total)]);
  lines.push(table(["Tier", "Reports to", "Cases", "FTE", "Salary", "Span", "Annual cost"], tierRows, ["left", "left", "left", "right", "right", "right", "right"]));
  lines.push(
    "",
    pairs(
      figures(result, [
        "structure.teams",
        "structure.layers",
        "structure.spanOfControl",
        "structure.managementFte",
        "structure.managementShareOfPay",
        "structure.adminSupportPerPractitioner",
        "structure.clinicianFte",
      ]),
    ),
  );

  lines.push("", `Time use (a ${formatNumber(result.time.hoursPerWeek, 1, 0)}-hour week)`);
  const labels = new Map(listSettings(scenario).map((x) => [x.key, x.label]));
  // the starting week beside the week after, where the structure's changes or direct payments move time
  const changed = TIME_USE_SHARES.some((share) => result.time.shares[share] !== scenario.timeUse[share]);
  if (changed) {
    lines.push(
      table(
        ["Activity", "Starting week", "Week after"],
        TIME_USE_SHARES.map((share) => [labels.get(`timeUse.${share}`) ?? share, formatPercent(scenario.timeUse[share]), formatPercent(result.time.shares[share])]),
        ["left", "right", "right"],
      ),
      "",
    );
  }
  lines.push(
    pairs([
      ...(changed ? [] : TIME_USE_SHARES.map((share) => [labels.get(`timeUse.${share}`) ?? share, formatPercent(result.time.shares[share])] as [string, string])),
      ...figures(result, changed ? ["time.hoursFreedByChangesPerCaseHolderPerWeek", "time.administrationHoursToSupport", "time.directContactHoursPerCaseHolderPerWeek", "time.directContactHoursPerChildPerWeek"] : ["time.directContactHoursPerCaseHolderPerWeek", "time.directContactHoursPerChildPerWeek"]),
    ]),
  );

  lines.push("", `Run cost (${s.year})`);
  lines.push(
    pairs([
      ...RUN_COST_COMPONENTS.map((c) => [componentLabel(c), formatMoney(result.runCost.components[c])] as [string, string]),
      ["Total", formatMoney(result.runCost.total)],
    ]),
  );

  const failed = result.checks.filter((k) => !k.ok);
  lines.push("", failed.length === 0 ? `Checks: all ${result.checks.length} pass.` : `Checks failing: ${failed.map((k) => `${k.name} (${k.detail ?? ""})`).join("; ")}`);
  return lines.join("\n");
}
