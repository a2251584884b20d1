import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server bundle; unit tests run the server modules directly.
      "server-only": path.resolve(import.meta.dirname, "tests/unit/server-only-shim.ts"),
    },
  },
  test: {
    // .tsx for component tests, which opt into jsdom per file with `// @vitest-environment jsdom`.
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
    environment: "node",
    testTimeout: 20_000,
  },
});
