import { listPresets, NotLoadedYet, parseHealthCheckText, ScenarioError, whenLoaded } from "../../engine/index.js";
import type { WorkbookPort } from "../office/workbook.js";
import type { EngineClient } from "./compute/client.js";
import type { NamedSource } from "./compute/jobs.js";
import { addTier, checkDraft, edit, removeTier, setSizing, type SizingKey } from "./model/draft.js";
import { addYear, checkHealthDraft, draftFromInput, draftTable, emptyHealthDraft, hasValues, HEALTH_SETTING, readHealthDraft, removeYear, setValue, type HealthDraft } from "./model/healthDraft.js";
import {
  duplicate,
  emptyLibrary,
  exportScenario,
  findUser,
  importScenario,
  type ImportOutcome,
  LIBRARY_SETTING,
  makeBaseline,
  newFromPreset,
  newOnCouncil,
  presetRef,
  readLibrary,
  refExists,
  refName,
  refShortName,
  remove,
  rename,
  toggleCompared,
  toStored,
  update,
  userRef,
  type Library,
  type ScenarioRef,
} from "./model/library.js";
import { Store, type Chance, type Claims, type PaneState } from "./store.js";
import type { Setting } from "../../engine/index.js";

/**
 * The seed the Monte Carlo view starts with: the engine's DEFAULT_SEED, written out so the page does
 * not load the Monte Carlo engine to read one number (a test holds the two equal).
 */
export const PANE_DEFAULT_SEED = "1";

/**
 * Draws of the background Monte Carlo run behind the verdict card's chance: enough for the chance to
 * the nearest few per cent, few enough to finish in about a second after the comparison shows.
 */
export const VERDICT_DRAWS = 2000;

/** What each background run gives an option, by the comparison field it fills. */
type Background = { chances: Chance; claims: Claims };

/** Draws behind the claims card's chances: fewer than the verdict's, as five chances share them (socialcare claims gives more). */
export const CLAIMS_DRAWS = 1000;

/** How long after the last change the library is saved into the workbook. */
const SAVE_DELAY_MS = 300;

/**
 * The pane's actions: each changes the state, saves the library into the workbook when it changed,
 * and asks the engine worker for whatever the visible view needs.
 */
export class Controller {
  readonly store: Store;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    readonly engine: EngineClient,
    readonly workbook: WorkbookPort,
  ) {
    const library = readLibrary(workbook.readSetting(LIBRARY_SETTING));
    const first = library.scenarios[0];
    const initial: PaneState = {
      view: "scenarios",
      library,
      selected: first ? userRef(first.id) : presetRef(listPresets()[0]?.id ?? "baseline-2018"),
      save: { state: "saved" },
      results: { key: "", analysis: null, progress: null },
      comparison: { key: "", analysis: null, progress: null },
      explain: null,
      notice: null,
      write: { live: false, progress: null, report: null },
      engineWhere: engine.where,
      uncertainty: {
        scenario: library.compare[1] ?? presetRef("blueprint"),
        baseline: library.compare[0] ?? "",
        figure: library.compare[0] ? "appraisal.npv" : "runCost.total",
        draws: "10000",
        seed: PANE_DEFAULT_SEED,
        budget: "",
        chart: "histogram",
        running: false,
        progress: null,
        outcome: null,
        shown: null,
        problems: {},
        cancelled: false,
      },
      health: { draft: readHealthDraft(workbook.readSetting(HEALTH_SETTING)), save: "saved", problems: {}, otherProblems: [], key: "", outcome: null, progress: null },
      teamDesign: { key: "", outcome: null, progress: null },
      download: { scope: "comparison", progress: null, saved: null },
    };
    this.store = new Store(initial);
  }

  get state(): PaneState {
    return this.store.state;
  }

  // Navigation.

  show(view: string): void {
    this.store.set({ view });
    this.refresh();
  }

  select(ref: ScenarioRef, view?: string): void {
    this.store.set({ selected: ref, ...(view ? { view } : {}) });
    this.refresh();
  }

  /** Computes what the visible view shows, if its inputs changed. */
  refresh(): void {
    const view = this.state.view;
    if (view === "results" || view === "edit") void this.runResults();
    if (view === "compare" || view === "workbook") void this.runComparison();
    if (view === "health") {
      void this.runHealthCheck();
      void this.runTeamDesign();
    }
  }

  // The library.

  private setLibrary(library: Library, extra: Partial<PaneState> = {}): void {
    this.store.set({ library, save: { state: "unsaved" }, ...extra });
    this.scheduleSave();
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  /** Saves the library into the workbook's document settings now (also used before tests reload). */
  saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    const library = this.state.library;
    this.store.set({ save: { state: "saving" } });
    this.saving = this.saving
      .then(() => this.workbook.writeSetting(LIBRARY_SETTING, toStored(library)))
      .then(
        () => {
          if (this.state.library === library) this.store.set({ save: { state: "saved" } });
        },
        (error: Error) => this.store.set({ save: { state: "failed", message: error.message } }),
      );
    return this.saving;
  }

  newFromPreset(presetId: string): void {
    const { library, scenario } = newFromPreset(this.state.library, presetId);
    this.setLibrary(library, { selected: userRef(scenario.id), view: "edit", notice: { kind: "success", text: `Created “${scenario.name}” from the preset. Edit it below; it is saved in this workbook.` } });
    this.refresh();
  }

  /**
   * "Your council": the council as it is and the Blueprint on it, ticked for comparison, then Compare.
   * The council's published figures are fetched first if this page has not yet (addin/onDemand).
   */
  async startFromCouncil(councilId: string): Promise<void> {
    try {
      const { library, scenarios } = await whenLoaded(() => {
        try {
          return newOnCouncil(this.state.library, councilId);
        } catch (error) {
          // said while the figures are on their way (a slow network), replaced by the outcome
          if (error instanceof NotLoadedYet) this.store.set({ notice: { kind: "info", text: `Fetching ${error.what}…` } });
          throw error;
        }
      });
      this.setLibrary(library, {
        selected: userRef(scenarios[0]!.id),
        view: "compare",
        notice: { kind: "success", text: `Created “${scenarios.map((x) => x.name).join("” and “")}” from the council's published figures, and compared them. They are saved in this workbook.` },
      });
      this.refresh();
    } catch (error) {
      // a council whose published figures the model needs are missing: say which, keep everything as it was
      this.store.set({ notice: { kind: "error", text: error instanceof Error ? error.message : String(error) } });
    }
  }

  /** "Not now" to the first run's question: it is not asked again (the Scenarios tab keeps its council search). */
  putOffCouncil(): void {
    this.setLibrary({ ...this.state.library, councilAsked: true });
  }

  duplicate(ref: ScenarioRef): void {
    const { library, scenario } = duplicate(this.state.library, ref);
    this.setLibrary(library, { selected: userRef(scenario.id), notice: { kind: "success", text: `Created “${scenario.name}”.` } });
  }

  rename(ref: ScenarioRef, name: string): boolean {
    try {
      this.setLibrary(rename(this.state.library, ref, name));
      return true;
    } catch (error) {
      this.store.set({ notice: { kind: "error", text: `The name ${(error as Error).message.replace(/^name: /, "")}.` } });
      return false;
    }
  }

  remove(ref: ScenarioRef): void {
    const name = refName(this.state.library, ref);
    const { library, restore } = remove(this.state.library, ref);
    const selected = this.state.selected === ref ? presetRef(listPresets()[0]!.id) : this.state.selected;
    const undo = () => {
      this.setLibrary(restore(this.state.library), { notice: { kind: "info", text: `Restored “${name}”.` } });
      this.refresh();
    };
    this.setLibrary(library, { selected, notice: { kind: "info", text: `Deleted “${name}”.`, undo } });
    this.refresh();
  }

  toggleCompared(ref: ScenarioRef): void {
    const before = this.state.library;
    const library = toggleCompared(before, ref);
    if (library === before) {
      this.store.set({ notice: { kind: "info", text: "Compare at most four scenarios: remove one first." } });
      return;
    }
    this.setLibrary(library);
    this.refresh();
  }

  makeBaseline(ref: ScenarioRef): void {
    this.setLibrary(makeBaseline(this.state.library, ref));
    this.refresh();
  }

  /** Sets the compared scenario at a position (0 is the baseline). */
  setCompared(position: number, ref: ScenarioRef | null): void {
    const compare = [...this.state.library.compare];
    if (ref === null) compare.splice(position, 1);
    else {
      const existing = compare.indexOf(ref);
      if (existing >= 0) compare.splice(existing, 1);
      compare.splice(Math.min(position, compare.length), position < compare.length && existing < 0 ? 1 : 0, ref);
    }
    this.setLibrary({ ...this.state.library, compare: compare.slice(0, 4) });
    this.refresh();
  }

  /** A scenario file imported (the YAML reader, or a council's figures it names, fetched first if need be). */
  async importFile(text: string, fileName: string): Promise<void> {
    let outcome: ImportOutcome;
    try {
      outcome = await whenLoaded(() => importScenario(this.state.library, text, fileName));
    } catch (error) {
      this.store.set({ notice: { kind: "error", text: `${fileName} was not imported: ${error instanceof Error ? error.message : String(error)}` } });
      return;
    }
    if (!outcome.ok) {
      this.store.set({ notice: { kind: "error", text: `${fileName} was not imported: it has ${outcome.issues.length === 1 ? "a problem" : `${outcome.issues.length} problems`}.`, issues: outcome.issues } });
      return;
    }
    this.setLibrary(outcome.library, { selected: userRef(outcome.scenario.id), notice: { kind: "success", text: `Imported “${outcome.scenario.name}” from ${fileName}.` } });
  }

  exportFile(ref: ScenarioRef): { fileName: string; text: string } {
    return exportScenario(this.state.library, ref);
  }

  // Editing.

  /** One field of the selected user scenario changed. Everything typed is kept; the draft is validated. */
  editField(ref: ScenarioRef, path: string, text: string | boolean, kind: Setting["kind"], unit?: string): void {
    const user = findUser(this.state.library, ref);
    if (!user) return;
    const next = edit({ input: user.input, typed: user.typed }, path, text, kind, unit);
    this.commitDraft(ref, next.input, next.typed);
  }

  editTiers(ref: ScenarioRef, change: { add: true } | { remove: number } | { sizing: number; rule: SizingKey }): void {
    const user = findUser(this.state.library, ref);
    if (!user) return;
    const input = "add" in change ? addTier(user.input) : "remove" in change ? removeTier(user.input, change.remove) : setSizing(user.input, change.sizing, change.rule);
    // Typed text of the tier table's positions no longer matches after a tier moves: keep only other fields'.
    const typed = "sizing" in change ? user.typed : Object.fromEntries(Object.entries(user.typed).filter(([p]) => !p.startsWith("structure.tiers")));
    this.commitDraft(ref, input, typed);
  }

  private commitDraft(ref: ScenarioRef, input: Record<string, unknown>, typed: Record<string, string>): void {
    const check = checkDraft(input);
    const name = typeof input.name === "string" && input.name.trim() !== "" ? input.name : undefined;
    this.setLibrary(
      update(this.state.library, ref, (s) => ({ ...s, input, typed, ...(check.scenario ? { lastValid: input } : {}), ...(name ? { name } : {}) })),
    );
    if (check.scenario) this.refresh();
  }

  // Computing.

  /** The source of a scenario for the worker: a preset by id, or the user's last valid draft. */
  sourceOf(ref: ScenarioRef): NamedSource {
    const library = this.state.library;
    const user = findUser(library, ref);
    return { ref, name: refName(library, ref), shortName: refShortName(library, ref), source: user ? { input: user.lastValid } : { preset: ref.slice(7) } };
  }

  /** What a computation depends on: the scenarios and, for the user's, their last valid drafts. */
  private keyOf(refs: ScenarioRef[]): string {
    return JSON.stringify(refs.map((r) => [r, findUser(this.state.library, r)?.lastValid ?? null]));
  }

  async runResults(): Promise<void> {
    const ref = this.state.selected;
    if (!refExists(this.state.library, ref)) return;
    const key = this.keyOf([ref]);
    if (this.state.results.key === key && (this.state.results.analysis || this.state.results.progress)) return;
    this.store.set({ results: { key, analysis: this.state.results.analysis, progress: { done: 0, total: 1, step: "Starting" } } });
    try {
      const analysis = await this.engine.run({ kind: "analyse", scenarios: [this.sourceOf(ref)] }, (progress) => {
        if (this.state.results.key === key) this.store.set({ results: { ...this.state.results, progress } });
      });
      if (this.state.results.key === key) this.store.set({ results: { key, analysis, progress: null } });
    } catch (error) {
      if (this.state.results.key === key) this.store.set({ results: { key, analysis: null, progress: null, error: (error as Error).message } });
    }
  }

  async runComparison(): Promise<void> {
    const refs = this.state.library.compare.filter((r) => refExists(this.state.library, r));
    if (refs.length < 2) {
      this.store.set({ comparison: { key: "", analysis: null, progress: null } });
      return;
    }
    const key = this.keyOf(refs);
    if (this.state.comparison.key === key && (this.state.comparison.analysis || this.state.comparison.progress)) return;
    this.store.set({ comparison: { key, analysis: this.state.comparison.analysis, progress: { done: 0, total: refs.length * 2 - 1, step: "Starting" } } });
    try {
      const analysis = await this.engine.run({ kind: "analyse", scenarios: refs.map((r) => this.sourceOf(r)) }, (progress) => {
        if (this.state.comparison.key === key) this.store.set({ comparison: { ...this.state.comparison, progress } });
      });
      if (this.state.comparison.key !== key) return;
      this.store.set({ comparison: { key, analysis, progress: null } });
      await this.runChances(key, analysis.comparisons.map((o) => o.ref as ScenarioRef), refs[0]!);
      await this.runClaims(key, analysis.comparisons.map((o) => o.ref as ScenarioRef), refs[0]!);
    } catch (error) {
      if (this.state.comparison.key === key) this.store.set({ comparison: { key, analysis: null, progress: null, error: (error as Error).message } });
    }
  }

  /**
   * The chance each option saves or stays cost neutral, for the verdict card: a Monte Carlo run of
   * each option against the baseline in the worker, one after another, after the figures show.
   */
  private runChances(key: string, options: ScenarioRef[], baseline: ScenarioRef): Promise<void> {
    return this.eachOptionInBackground(key, "chances", options, async (ref): Promise<Chance> => {
      const outcome = await this.engine.run({ kind: "simulate", scenario: this.sourceOf(ref), baseline: this.sourceOf(baseline), figure: "change.runCost", draws: VERDICT_DRAWS, seed: Number(PANE_DEFAULT_SEED), tornado: false });
      const p = outcome.simulation.probabilities;
      return p ? { state: "done", savesOrNeutral: p.savesOrNeutral, draws: outcome.simulation.draws } : { state: "failed", message: "the engine gave no probabilities for this comparison" };
    });
  }

  /**
   * Each option's claims table (the Blueprint's headline claims tested against the baseline, on the
   * baseline's council and prices), for the claims card: run in the worker after the chances.
   */
  private runClaims(key: string, options: ScenarioRef[], baseline: ScenarioRef): Promise<void> {
    return this.eachOptionInBackground(key, "claims", options, async (ref): Promise<Claims> => {
      const outcome = await this.engine.run({ kind: "claims", baseline: this.sourceOf(baseline), option: this.sourceOf(ref), draws: CLAIMS_DRAWS, seed: Number(PANE_DEFAULT_SEED) });
      return { state: "done", table: outcome.table };
    });
  }

  /**
   * A piece of work for each option of the comparison `key`, one after another in the worker: each
   * shown as running, then done or failed with the engine's message; abandoned when the comparison changes.
   */
  private async eachOptionInBackground<F extends "chances" | "claims">(key: string, field: F, options: ScenarioRef[], run: (ref: ScenarioRef) => Promise<Background[F]>): Promise<void> {
    const set = (ref: string, value: Background[F]) => {
      if (this.state.comparison.key === key) this.store.set({ comparison: { ...this.state.comparison, [field]: { ...this.state.comparison[field], [ref]: value } } });
    };
    for (const ref of options) set(ref, { state: "running" });
    for (const ref of options) {
      if (this.state.comparison.key !== key) return;
      try {
        set(ref, await run(ref));
      } catch (error) {
        set(ref, { state: "failed", message: (error as Error).message });
      }
    }
  }

  /** Explains a figure: of one scenario, or of a comparison (`option` against `baseline`). */
  async explain(title: string, figure: string, scenario: ScenarioRef, baseline?: ScenarioRef): Promise<void> {
    this.store.set({ explain: { title, explanation: null } });
    try {
      const outcome = await this.engine.run({ kind: "explain", scenario: this.sourceOf(scenario), ...(baseline ? { baseline: this.sourceOf(baseline) } : {}), figure });
      if (this.state.explain?.title === title) this.store.set({ explain: { title, explanation: outcome.explanation } });
    } catch (error) {
      if (this.state.explain?.title === title) this.store.set({ explain: { title, explanation: null, error: (error as Error).message } });
    }
  }

  closeExplain(): void {
    this.store.set({ explain: null });
  }

  dismissNotice(): void {
    this.store.set({ notice: null });
  }

  setLive(live: boolean): void {
    this.store.set({ write: { ...this.state.write, live } });
  }

  /** Writes the comparison, its charts and the inputs into the workbook. */
  async writeToWorkbook(): Promise<void> {
    const library = this.state.library;
    const refs = library.compare.filter((r) => refExists(library, r));
    if (refs.length < 2) {
      this.store.set({ write: { ...this.state.write, error: "Choose a baseline and at least one option to compare first." } });
      return;
    }
    const live = this.state.write.live;
    this.store.set({ write: { live, progress: { done: 0, total: 1, step: "Preparing" }, report: null } });
    try {
      const scenarios = refs.map((r) => ({ ...this.sourceOf(r), basedOn: findUser(library, r)?.basedOn ?? (r.startsWith("preset:") ? r.slice(7) : null) }));
      const writtenOn = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
      const { plan } = await this.engine.run({ kind: "plan", scenarios, live, writtenOn }, (progress) => this.store.set({ write: { live, progress, report: null } }));
      const report = await this.workbook.write(plan, (done, total) => this.store.set({ write: { live, progress: { done, total, step: "Writing to the workbook" }, report: null } }));
      this.store.set({ write: { live, progress: null, report } });
    } catch (error) {
      this.store.set({ write: { live, progress: null, report: null, error: (error as Error).message } });
    }
  }

  // Uncertainty: a Monte Carlo run in the engine worker, in chunks, with progress and Cancel.

  private simulation: AbortController | null = null;

  setUncertainty(change: Partial<Pick<PaneState["uncertainty"], "scenario" | "baseline" | "figure" | "draws" | "seed" | "budget" | "chart">>): void {
    const next = { ...this.state.uncertainty, ...change };
    // A figure of the comparison needs a baseline, and one scenario's figure none: keep the pair sensible.
    if (change.baseline !== undefined && (change.baseline === "") !== (this.state.uncertainty.baseline === "")) next.figure = change.baseline === "" ? "runCost.total" : "appraisal.npv";
    const problems = { ...next.problems };
    for (const k of Object.keys(change)) delete problems[k];
    this.store.set({ uncertainty: { ...next, problems } });
  }

  /** Reads what was typed: draws, seed and budget as numbers, or the problem beside each field. */
  private uncertaintyInputs(): { ok: true; draws: number; seed: number; budget?: number } | { ok: false; problems: Record<string, string> } {
    const u = this.state.uncertainty;
    const problems: Record<string, string> = {};
    const whole = (text: string) => Number(text.replace(/[,\s]/g, ""));
    const draws = whole(u.draws);
    if (!Number.isInteger(draws) || draws < 100 || draws > 1_000_000) problems.draws = "must be a whole number from 100 to 1,000,000";
    const seed = whole(u.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) problems.seed = "must be a whole number from 0 to 4,294,967,295";
    let budget: number | undefined;
    if (u.budget.trim() !== "") {
      budget = Number(u.budget.replace(/[£,\s]/g, ""));
      if (!Number.isFinite(budget) || budget < 0) problems.budget = "must be an amount in pounds of at least £0, such as 6,000,000";
      else if (u.baseline === "") problems.budget = "a transition budget applies to a comparison: choose a baseline";
    }
    if (u.baseline !== "" && u.baseline === u.scenario) problems.baseline = "choose a baseline other than the scenario";
    else if (u.baseline !== "" && !refExists(this.state.library, u.baseline)) problems.baseline = "that scenario is no longer in this workbook: choose another";
    if (!refExists(this.state.library, u.scenario)) problems.scenario = "that scenario is no longer in this workbook: choose another";
    if (Object.keys(problems).length > 0) return { ok: false, problems };
    return { ok: true, draws, seed, ...(budget !== undefined ? { budget } : {}) };
  }

  async runSimulation(): Promise<void> {
    if (this.simulation) return;
    const inputs = this.uncertaintyInputs();
    if (!inputs.ok) {
      this.store.set({ uncertainty: { ...this.state.uncertainty, problems: inputs.problems } });
      return;
    }
    const u = this.state.uncertainty;
    const library = this.state.library;
    const scenario = this.sourceOf(u.scenario);
    const baseline = u.baseline ? this.sourceOf(u.baseline) : undefined;
    const controller = new AbortController();
    this.simulation = controller;
    const set = (change: Partial<PaneState["uncertainty"]>) => this.store.set({ uncertainty: { ...this.state.uncertainty, ...change } });
    set({ running: true, cancelled: false, error: undefined, problems: {}, progress: { done: 0, total: inputs.draws, step: "Starting" } });
    try {
      const outcome = await this.engine.run(
        { kind: "simulate", scenario, ...(baseline ? { baseline } : {}), figure: u.figure, draws: inputs.draws, seed: inputs.seed, ...(inputs.budget !== undefined ? { budget: inputs.budget } : {}) },
        (progress) => set({ progress }),
        controller.signal,
      );
      set({ running: false, progress: null, outcome, shown: { scenario: refName(library, u.scenario), baseline: u.baseline ? refName(library, u.baseline) : null } });
    } catch (error) {
      const e = error as Error;
      if (e.name === "CancelledError") set({ running: false, progress: null, cancelled: true });
      else set({ running: false, progress: null, error: e.message });
    } finally {
      this.simulation = null;
    }
  }

  cancelSimulation(): void {
    this.simulation?.abort();
  }

  // The health check: metrics entered or imported, saved in the document settings, rated by the engine.

  private healthTimer: ReturnType<typeof setTimeout> | undefined;
  private healthSaving: Promise<void> = Promise.resolve();

  private setHealthDraft(draft: HealthDraft, extra: Partial<PaneState> = {}): void {
    const check = checkHealthDraft(draft);
    this.store.set({
      health: { ...this.state.health, draft, save: "unsaved", problems: check.ok ? {} : check.byField, otherProblems: check.ok ? [] : check.other },
      ...extra,
    });
    clearTimeout(this.healthTimer);
    this.healthTimer = setTimeout(() => void this.saveHealthNow(), SAVE_DELAY_MS);
    if (check.ok) void this.runHealthCheck();
  }

  /** Saves the health check metrics into the document settings now. */
  saveHealthNow(): Promise<void> {
    clearTimeout(this.healthTimer);
    const draft = this.state.health.draft;
    this.store.set({ health: { ...this.state.health, save: "saving" } });
    this.healthSaving = this.healthSaving
      .then(() => this.workbook.writeSetting(HEALTH_SETTING, draft))
      .then(
        () => {
          if (this.state.health.draft === draft) this.store.set({ health: { ...this.state.health, save: "saved" } });
        },
        (error: Error) => this.store.set({ health: { ...this.state.health, save: "failed" }, notice: { kind: "error", text: `The health check was not saved: ${error.message}` } }),
      );
    return this.healthSaving;
  }

  setHealthCouncil(name: string): void {
    this.setHealthDraft({ ...this.state.health.draft, council: name });
  }

  editHealthValue(metric: string, year: string, text: string): void {
    this.setHealthDraft(setValue(this.state.health.draft, metric, year, text));
  }

  /** Adds a year; returns the reason when it cannot be added. */
  addHealthYear(year: string): string | null {
    try {
      this.setHealthDraft(addYear(this.state.health.draft, year));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }

  removeHealthYear(year: string): void {
    const before = this.state.health.draft;
    const undo = () => this.setHealthDraft(before, { notice: { kind: "info", text: `Restored ${year}.` } });
    this.setHealthDraft(removeYear(before, year), { notice: { kind: "info", text: `Removed the figures for ${year}.`, undo } });
  }

  /** Reads a CSV or JSON file of metrics (as `socialcare healthcheck` takes); a file with problems is refused with them listed. */
  importHealthFile(text: string, fileName: string): void {
    try {
      const input = parseHealthCheckText(text, fileName);
      this.setHealthDraft(draftFromInput(input), { notice: { kind: "success", text: `Imported ${input.years.length === 1 ? "one year" : `${input.years.length} years`} of metrics from ${fileName}.` } });
    } catch (error) {
      const issues = error instanceof ScenarioError ? [...error.issues] : [{ path: "", reason: (error as Error).message }];
      this.store.set({ notice: { kind: "error", text: `${fileName} was not imported: it has ${issues.length === 1 ? "a problem" : `${issues.length} problems`}.`, issues } });
    }
  }

  clearHealth(): void {
    const before = this.state.health.draft;
    this.setHealthDraft(emptyHealthDraft(), { notice: { kind: "info", text: "Cleared the health check.", undo: () => this.setHealthDraft(before) } });
    this.store.set({ health: { ...this.state.health, outcome: null, key: "" } });
  }

  async runHealthCheck(): Promise<void> {
    const draft = this.state.health.draft;
    if (!hasValues(draft)) {
      this.store.set({ health: { ...this.state.health, outcome: null, key: "", progress: null, error: undefined } });
      return;
    }
    if (!checkHealthDraft(draft).ok) return;
    const key = JSON.stringify(draft);
    if (this.state.health.key === key && (this.state.health.outcome || this.state.health.progress)) return;
    this.store.set({ health: { ...this.state.health, key, progress: { done: 0, total: 1, step: "Rating" } } });
    try {
      const outcome = await this.engine.run({ kind: "healthCheck", table: draftTable(draft), council: draft.council.trim() || null, thresholds: draft.thresholds });
      if (this.state.health.key === key) this.store.set({ health: { ...this.state.health, outcome, progress: null, error: undefined } });
    } catch (error) {
      if (this.state.health.key === key) this.store.set({ health: { ...this.state.health, outcome: null, progress: null, error: (error as Error).message } });
    }
  }

  /** The team-design indicators of the scenarios being compared. */
  async runTeamDesign(): Promise<void> {
    const refs = this.state.library.compare.filter((r) => refExists(this.state.library, r));
    if (refs.length === 0) {
      this.store.set({ teamDesign: { key: "", outcome: null, progress: null } });
      return;
    }
    const key = this.keyOf(refs);
    if (this.state.teamDesign.key === key && (this.state.teamDesign.outcome || this.state.teamDesign.progress)) return;
    this.store.set({ teamDesign: { key, outcome: this.state.teamDesign.outcome, progress: { done: 0, total: 1, step: "Computing" } } });
    try {
      const outcome = await this.engine.run({ kind: "teamDesign", scenarios: refs.map((r) => this.sourceOf(r)) });
      if (this.state.teamDesign.key === key) this.store.set({ teamDesign: { key, outcome, progress: null } });
    } catch (error) {
      if (this.state.teamDesign.key === key) this.store.set({ teamDesign: { key, outcome: null, progress: null, error: (error as Error).message } });
    }
  }

  // Download: the formula-transparent workbook, built in the worker (exceljs loads only then).

  setDownloadScope(scope: "comparison" | "scenario"): void {
    this.store.set({ download: { ...this.state.download, scope, error: undefined } });
  }

  /** Builds the workbook of the comparison (or of the selected scenario) and hands its bytes to `save`. */
  async downloadWorkbook(save: (bytes: Uint8Array, fileName: string) => void): Promise<void> {
    const library = this.state.library;
    const scope = this.state.download.scope;
    const refs = scope === "comparison" ? library.compare.filter((r) => refExists(library, r)) : [this.state.selected];
    const set = (change: Partial<PaneState["download"]>) => this.store.set({ download: { ...this.state.download, ...change } });
    if (scope === "comparison" && refs.length < 2) {
      set({ error: "Choose a baseline and at least one option on the Compare tab first, or download one scenario." });
      return;
    }
    set({ progress: { done: 0, total: 1, step: "Starting" }, saved: null, error: undefined });
    try {
      const outcome = await this.engine.run({ kind: "workbook", scenarios: refs.map((r) => this.sourceOf(r)) }, (progress) => set({ progress }));
      save(outcome.bytes, outcome.fileName);
      set({ progress: null, saved: { fileName: outcome.fileName, bytes: outcome.bytes.byteLength } });
    } catch (error) {
      set({ progress: null, error: (error as Error).message });
    }
  }
}

export { emptyLibrary };
