/** The engine parts the editor uses, in one place. */
export { listSettings, loadPreset, settingLabel } from "../../../engine/index.js";
export type { Scenario } from "../../../engine/index.js";
export type { Issue, Setting } from "../../../engine/index.js";
/** Quantities a span may count instead of a tier (the engine's reserved names). */
export { RESERVED_QUANTITIES as RESERVED_QUANTITIES_FOR_PANE, QUANTITY_MEANINGS as QUANTITY_MEANINGS_FOR_PANE } from "../../../engine/scenario/schema.js";
