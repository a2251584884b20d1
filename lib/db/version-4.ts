// Version 4: the /complete page's sessions (issue 20), one row per fill-in-the-middle document.
// A new table only, so no upgrade runs: every earlier table and row stays as it is.

import { V3_STORES } from "./version-3";

export const V4_STORES = {
  ...V3_STORES,
  completions: "id, updatedAt",
} as const;
