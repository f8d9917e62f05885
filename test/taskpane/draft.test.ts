import { listSettings, loadPreset, runScenario, toScenarioInput } from "../../engine/index.js";
import { addTier, checkDraft, edit, getAtPath, issueInWords, PANE_SOURCE, parseTyped, removeTier, setAtPath, setSizing, settingsWithinHorizon, shownText, textOf } from "../../addin/taskpane/model/draft.js";

const blueprint = () => toScenarioInput(loadPreset("blueprint"), { withSources: true });

describe("reading what was typed", () => {
  test.each([
    ["3000", 3000],
    ["3,000", 3000],
    [" £36,582.50 ", 36582.5],
    ["0.25", 0.25],
    ["1e3", 1000],
    ["-5", -5],
    ["about 40k", "about 40k"],
    ["12%", "12%"],
    ["", undefined],
  ])("%j as a number is %j", (typed, value) => {
    expect(parseTyped(typed, "number")).toEqual(value);
  });

  // A share is typed as a percentage, sign or no sign: the value is the percentage ÷ 100 as written.
  test.each([
    ["20%", 0.2],
    ["20", 0.2],
    [" 14.2 % ", 0.142],
    ["7", 0.07],
    ["0.5%", 0.005],
    ["100", 1],
    ["lots", "lots"],
    ["", undefined],
  ])("%j as a share is %j", (typed, value) => {
    expect(parseTyped(typed, "number", "share")).toEqual(value);
  });

  test("a share shows as the percentage it is, and a percentage typed with its sign is not kept as typed", () => {
    for (const [value, text] of [[0.142, "14.2%"], [0.07, "7%"], [0.2, "20%"], [1, "100%"]] as const) expect(textOf(value, "share")).toBe(text);
    const next = edit({ input: blueprint(), typed: {} }, "council.vacancyRate", "20%", "number", "share");
    expect(getAtPath(next.input, "council.vacancyRate")).toBe(0.2);
    expect(next.typed).toEqual({});
    expect(shownText(next.typed, "council.vacancyRate", getAtPath(next.input, "council.vacancyRate"), "share")).toBe("20%");
    // Typed without the sign, the text stays as typed while the value is 20%.
    const bare = edit({ input: blueprint(), typed: {} }, "council.vacancyRate", "20", "number", "share");
    expect(getAtPath(bare.input, "council.vacancyRate")).toBe(0.2);
    expect(shownText(bare.typed, "council.vacancyRate", 0.2, "share")).toBe("20");
  });
});

describe("editing a draft", () => {
  test("sets one value by its file path, records that the user set it, and leaves the rest", () => {
    const before = blueprint();
    const after = setAtPath(before, "structure.tiers[0].salary", 40000);
    expect(getAtPath(after, "structure.tiers[0].salary")).toBe(40000);
    expect((after as any).structure.tiers[0].salary).toEqual({ value: 40000, source: PANE_SOURCE });
    expect(getAtPath(before, "structure.tiers[0].salary")).toBe(loadPreset("blueprint").structure.tiers[0]!.salary);
    expect({ ...(after as any).council }).toEqual({ ...(before as any).council });
    const check = checkDraft(after);
    expect(check.issues).toEqual([]);
    expect(check.scenario!.structure.tiers[0]!.salary).toBe(40000);
    expect(check.scenario!.sources["structure.tiers.socialWorker.salary"]).toEqual({ source: PANE_SOURCE });
  });

  test("text that is not a number is kept exactly and the engine says what is wrong", () => {
    const next = edit({ input: blueprint(), typed: {} }, "council.children", "lots", "number");
    expect(next.typed["council.children"]).toBe("lots");
    expect(shownText(next.typed, "council.children", getAtPath(next.input, "council.children"))).toBe("lots");
    const check = checkDraft(next.input);
    expect(check.scenario).toBeNull();
    expect(check.issues.map((i) => i.path)).toEqual(["council.children"]);
    expect(check.issues[0]!.reason).toMatch(/must be a number/);
    // The next good value replaces the kept text.
    const fixed = edit(next, "council.children", "2500", "number");
    expect(fixed.typed).toEqual({});
    expect(checkDraft(fixed.input).scenario!.council.children).toBe(2500);
  });

  test("several problems at once are all reported, each at its own field", () => {
    let state = { input: blueprint(), typed: {} as Record<string, string> };
    state = edit(state, "council.children", "-1", "number");
    state = edit(state, "timeUse.hoursPerWeek", "0", "number");
    state = edit(state, "council.name", "Our council", "text");
    const paths = checkDraft(state.input).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["council.children", "timeUse.hoursPerWeek"]));
    expect(getAtPath(state.input, "council.name")).toBe("Our council");
  });

  test("a tier can be added, resized by another rule and removed, and the scenario stays valid", () => {
    const added = addTier(blueprint());
    const tiers = (added as any).structure.tiers;
    expect(tiers).toHaveLength(loadPreset("blueprint").structure.tiers.length + 1);
    const withTier = checkDraft(added).scenario!;
    const before = runScenario(loadPreset("blueprint")).structure.totalFte;
    // One more fixed FTE: total FTE rises by exactly one.
    expect(runScenario(withTier).structure.totalFte).toBeCloseTo(before + 1, 9);
    const spanned = setSizing(added, tiers.length - 1, "span");
    const spannedScenario = checkDraft(spanned).scenario!;
    expect(spannedScenario.structure.tiers.at(-1)!.size.rule).toBe("span");
    const removed = removeTier(spanned, tiers.length - 1);
    expect(runScenario(checkDraft(removed).scenario!).structure.totalFte).toBeCloseTo(before, 9);
  });

  test("every setting the editor lists can be found in the draft by its path", () => {
    const input = blueprint();
    for (const s of listSettings(loadPreset("blueprint"))) expect({ key: s.key, value: getAtPath(input, s.path) }).toEqual({ key: s.key, value: s.value });
  });
});

describe("the discount bands the editor shows", () => {
  test("only the bands that start within the appraisal's horizon; a longer horizon shows more", () => {
    const input = blueprint();
    const scenario = loadPreset("blueprint");
    const horizon = scenario.finance.appraisal.horizonYears;
    const bands = (settings: { key: string }[]) => [...new Set(settings.map((s) => /discountSchedule\.(\d+)\./.exec(s.key)?.[1]).filter((b): b is string => b !== undefined))];
    const all = listSettings(scenario);
    // Worked from the preset: the bands whose first year is before the horizon.
    const expected = scenario.finance.appraisal.discountSchedule.map((b, i) => [i, b.fromYear] as const).filter(([, from]) => from < horizon).map(([i]) => String(i));
    expect(bands(settingsWithinHorizon(all, input))).toEqual(expected);
    expect(bands(all).length).toBeGreaterThan(expected.length);
    const longer = setAtPath(input, "finance.appraisal.horizonYears", 60);
    expect(bands(settingsWithinHorizon(all, longer))).toEqual(scenario.finance.appraisal.discountSchedule.map((b, i) => [i, b.fromYear] as const).filter(([, from]) => from < 60).map(([i]) => String(i)));
    // Every other setting is still shown.
    expect(settingsWithinHorizon(all, input).filter((s) => !/discountSchedule/.test(s.key))).toEqual(all.filter((s) => !/discountSchedule/.test(s.key)));
  });
});

test("a problem in a director's words: tier ids become the tiers' names, file paths the editor's labels", () => {
  const input = { structure: { tiers: [{ id: "socialWorker", name: "Family-facing social worker" }, { id: "enabler", name: "Enabler team" }] } };
  const said = issueInWords({ path: "council.referralsPerYear", reason: 'tier "enabler" (structure.tiers[1]) is sized by referrals a year, so the council must state them' }, input, (p) => (p === "council.referralsPerYear" ? "Referrals a year" : undefined));
  expect(said).toEqual({ where: "Referrals a year", reason: '"Enabler team" is sized by referrals a year, so the council must state them' });
  expect(issueInWords({ path: "structure.tiers[0].span.per", reason: "must be above 0 (tier \"socialWorker\")" }, input)).toEqual({ where: "Family-facing social worker: span per", reason: 'must be above 0 ("Family-facing social worker")' });
  // an id no tier has is left as it is
  expect(issueInWords({ path: "structure.teams.of", reason: 'tier "nobody" is not a tier' }, input).reason).toBe('"nobody" is not a tier');
});
