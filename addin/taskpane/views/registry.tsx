import type { ComponentChildren } from "preact";
import type { Controller } from "../controller.js";
import type { PaneState } from "../store.js";
import { CompareView } from "./compare.js";
import { EditorView } from "./editor.js";
import { HealthView } from "./health.js";
import { ResultsView } from "./results.js";
import { ScenariosView } from "./scenarios.js";
import { UncertaintyView } from "./uncertainty.js";
import { WriteView } from "./write.js";

/**
 * The pane's views, in tab order. A new view is one more entry here: a component that reads the
 * state and calls the controller, plus, if it needs the engine, a job kind in compute/jobs.ts.
 */
export interface ViewDefinition {
  id: string;
  label: string;
  render: (c: Controller, state: PaneState) => ComponentChildren;
}

export const VIEWS: ViewDefinition[] = [
  { id: "scenarios", label: "Scenarios", render: (c, s) => <ScenariosView c={c} state={s} /> },
  { id: "edit", label: "Edit", render: (c, s) => <EditorView c={c} state={s} /> },
  { id: "results", label: "Results", render: (c, s) => <ResultsView c={c} state={s} /> },
  { id: "compare", label: "Compare", render: (c, s) => <CompareView c={c} state={s} /> },
  { id: "workbook", label: "Write", render: (c, s) => <WriteView c={c} state={s} /> },
  { id: "uncertainty", label: "Uncertainty", render: (c, s) => <UncertaintyView c={c} state={s} /> },
  { id: "health", label: "Health", render: (c, s) => <HealthView c={c} state={s} /> },
];
