import { useEffect, useState } from "preact/hooks";
import type { Analysis, HealthCheckOutcome, Progress, SimulateOutcome, TeamDesignOutcome } from "./compute/jobs.js";
import type { ClaimsTable, Explanation, Issue } from "../../engine/index.js";
import type { HealthDraft } from "./model/healthDraft.js";
import type { Library, ScenarioRef } from "./model/library.js";
import type { WriteReport } from "../office/workbook.js";

/** The pane's state: one object, replaced (never mutated) on each change, so views re-render from it. */
export interface PaneState {
  view: string;
  library: Library;
  /** The scenario the editor and the results show. */
  selected: ScenarioRef;
  save: { state: "saved" | "saving" | "failed" | "unsaved"; message?: string };
  results: { key: string; analysis: Analysis | null; progress: Progress | null; error?: string };
  comparison: { key: string; analysis: Analysis | null; progress: Progress | null; error?: string; chances?: Record<string, Chance>; claims?: Record<string, Claims> };
  explain: { title: string; explanation: Explanation | null; error?: string } | null;
  /** A short-lived notice, optionally with an Undo. */
  notice: { kind: "info" | "success" | "error"; text: string; undo?: () => void; issues?: Issue[] } | null;
  write: { live: boolean; progress: Progress | null; report: WriteReport | null; error?: string };
  /** Per user scenario, the tier whose details are open in the editor. */
  engineWhere: "worker" | "inline";
  uncertainty: UncertaintyState;
  health: HealthState;
  teamDesign: { key: string; outcome: TeamDesignOutcome | null; progress: Progress | null; error?: string };
  download: { scope: "comparison" | "scenario"; progress: Progress | null; saved: { fileName: string; bytes: number } | null; error?: string };
}

/**
 * The chance an option saves or stays cost neutral, from the background Monte Carlo run that follows
 * each comparison (the verdict card shows it): still drawing, drawn, or not possible and why.
 */
/** An option's claims table (the Blueprint's claims tested), from a background run after the chances. */
export type Claims = { state: "running" } | { state: "done"; table: ClaimsTable } | { state: "failed"; message: string };

export type Chance = { state: "running" } | { state: "done"; savesOrNeutral: number; draws: number } | { state: "failed"; message: string };

/** What the Monte Carlo view asks for (as typed), and what came back. */
export interface UncertaintyState {
  scenario: string;
  /** "" for one scenario's own figures; a scenario ref to compare against. */
  baseline: string;
  figure: string;
  draws: string;
  seed: string;
  /** A transition budget, £, as typed ("" for none). */
  budget: string;
  chart: "histogram" | "scurve";
  running: boolean;
  progress: Progress | null;
  outcome: SimulateOutcome | null;
  /** The names the shown outcome was run for. */
  shown: { scenario: string; baseline: string | null } | null;
  error?: string;
  /** Problems with what was typed, by field. */
  problems: Record<string, string>;
  cancelled: boolean;
}

/** The council's health check: the metrics as entered, problems by field, and the scorecard. */
export interface HealthState {
  draft: HealthDraft;
  save: "saved" | "saving" | "unsaved" | "failed";
  problems: Record<string, string>;
  otherProblems: Issue[];
  key: string;
  outcome: HealthCheckOutcome | null;
  progress: Progress | null;
  error?: string;
}

export class Store {
  private listeners = new Set<() => void>();
  constructor(public state: PaneState) {}
  set(change: Partial<PaneState> | ((s: PaneState) => Partial<PaneState>)): void {
    const partial = typeof change === "function" ? change(this.state) : change;
    this.state = { ...this.state, ...partial };
    for (const l of this.listeners) l();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Re-renders the calling component whenever the store changes. */
export function useStore(store: Store): PaneState {
  const [, setTick] = useState(0);
  useEffect(() => store.subscribe(() => setTick((t) => t + 1)), [store]);
  return store.state;
}
