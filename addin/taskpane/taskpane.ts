import { listPresets } from "../../engine/index.js";

/** The task pane: a placeholder that lists the presets until the pane is built. */
Office.onReady(() => {
  const status = document.getElementById("status");
  if (status) status.textContent = `${listPresets().length} presets ready.`;
});
