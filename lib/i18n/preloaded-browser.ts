import type { preloaded as all } from "./preloaded";

// The browser's `#i18n-preloaded` (package.json "imports", "browser" condition): no language beyond
// English up front. A page in Chinese gets its dictionary before hydration (lib/i18n/client.tsx).
export const preloaded: Partial<typeof all> = {};
