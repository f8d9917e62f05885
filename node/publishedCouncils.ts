import { usePublishedCouncilTable } from "../engine/councils/index.js";

// The Node library and the CLI carry the council table, so their scenarios may name a published
// council (`council: leeds`). Imported for this effect by node/index.ts and cli/main.ts.
usePublishedCouncilTable();
