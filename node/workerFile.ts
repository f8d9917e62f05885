import { fileURLToPath } from "node:url";

/** The compiled worker file the parallel runner starts threads on (next to this module in dist/node). */
export const UNCERTAINTY_WORKER = fileURLToPath(new URL("./uncertaintyWorkerEntry.cjs", import.meta.url));
