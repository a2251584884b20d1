// Chromium figures for long histories and a long streamed reply on the real chat page:
// sidebar with 10,000 conversations, opening a 2,000-message conversation, main-thread
// long tasks and keystroke latency while a 100 KB reply streams. Needs `npx next build`.
import { spawnSync } from "node:child_process";

const result = spawnSync(
  "npx",
  // Extra arguments go to Playwright, e.g. `npm run bench history -- search-perf` for one spec.
  ["playwright", "test", "--config", "playwright.bench.config.ts", "--reporter", "list", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    // Ports of their own unless set, so a bench can run beside the e2e suite (or another bench).
    env: {
      ...process.env,
      E2E_SIM_PORT: process.env.E2E_SIM_PORT ?? "4180",
      E2E_APP_PORT: process.env.E2E_APP_PORT ?? "3180",
      E2E_DEMO_PORT: process.env.E2E_DEMO_PORT ?? "3181",
    },
  },
);
process.exit(result.status ?? 1);
