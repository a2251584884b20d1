import { defineConfig } from "@playwright/test";
import { E2E_GLM_KEY, E2E_SILICONFLOW_KEY } from "./tests/e2e/support/keys";

// One simulator and two production servers from the same build: one configured with a
// test key against the simulator over HTTP (the production code path), one with no key
// at all (demo mode).
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4010);
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
// Derived from APP_PORT, so parallel checkouts given their own E2E_APP_PORT never share a demo or locked server.
const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? APP_PORT + 1);
const LOCKED_PORT = Number(process.env.E2E_LOCKED_PORT ?? DEMO_PORT + 1);
// Two instances sharing rate-limit counters through a real Redis.
const REDIS_PORT = Number(process.env.E2E_REDIS_PORT ?? SIM_PORT + 1);
const SHARED_A_PORT = LOCKED_PORT + 1;
const SHARED_B_PORT = LOCKED_PORT + 2;
const sim = `http://127.0.0.1:${SIM_PORT}`;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const startCommand = process.env.E2E_START_COMMAND ?? "npx next start";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // The simulator's fault queue and request log are shared: one worker keeps tests from
  // consuming each other's faults.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    // Recorded on a retry only: recording every test cost about a quarter of the suite's CPU time,
    // and CI retries a failure once (its trace then shows the failing run again).
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "en", use: { browserName: "chromium", locale: "en-US" } },
    // Chinese runs the shell, chat, and the specs of every second-wave feature whose issue asks for
    // both locales, not the whole suite again: what differs by language is the text, and every key's
    // zh string is checked by the unit tests (i18n parity). The suite is CPU-bound on a 2-core
    // machine (one Chromium keeps most of both cores busy), and the full suite twice took 45 minutes.
    {
      name: "zh",
      use: { browserName: "chromium", locale: "zh-CN" },
      testMatch: [
        "shell",
        "chat",
        "playground",
        "artifacts",
        "web-search",
        "export-html",
        "images-edit",
        "images-assist",
        "video-glm",
        "speech-dialogue",
        "organize",
        "organize-reuse",
      ].map((name) => `**/${name}.spec.ts`),
    },
  ],
  webServer: [
    {
      // Results on the providers' real media hosts (served by the simulator over HTTPS, reached through
      // MEDIA_TEST_NETWORK); GLM may fetch the app's image links on 127.0.0.1, which real GLM could not.
      command: `npx tsx scripts/simulator.ts --port ${SIM_PORT} --media-hosts provider --image-fetch-allow-private true`,
      url: `${sim}/__sim/config`,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      timeout: 60_000,
    },
    {
      command: `${startCommand} -p ${APP_PORT}`,
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      stdout: "pipe",
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: {
        PORT: String(APP_PORT),
        SILICONFLOW_API_KEY: E2E_SILICONFLOW_KEY,
        SILICONFLOW_BASE_URL: `${sim}/siliconflow/v1`,
        GLM_API_KEY: E2E_GLM_KEY,
        GLM_BASE_URL: `${sim}/glm/api/paas/v4`,
        MEDIA_TEST_NETWORK: sim,
        // One address runs the whole suite; the limiter itself is tested on the locked server.
        RATE_LIMIT_PER_MINUTE: "100000",
        // Its own origin, so the simulated GLM can fetch images published for GLM-4V-Flash; a short
        // TTL lets a test see a link expire.
        PUBLIC_BASE_URL: `http://127.0.0.1:${APP_PORT}`,
        UPLOAD_URL_TTL_SECONDS: "8",
      },
    },
    {
      command: `${startCommand} -p ${DEMO_PORT}`,
      url: `http://127.0.0.1:${DEMO_PORT}/api/health`,
      stdout: "pipe",
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: { PORT: String(DEMO_PORT), SILICONFLOW_API_KEY: "", GLM_API_KEY: "", RATE_LIMIT_PER_MINUTE: "100000" },
    },
    {
      // Locked with an access code and a tiny rate limit: the security suite runs against it.
      command: `${startCommand} -p ${LOCKED_PORT}`,
      url: `http://127.0.0.1:${LOCKED_PORT}/api/health`,
      stdout: "pipe",
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: {
        PORT: String(LOCKED_PORT),
        SILICONFLOW_API_KEY: E2E_SILICONFLOW_KEY,
        SILICONFLOW_BASE_URL: `${sim}/siliconflow/v1`,
        GLM_API_KEY: E2E_GLM_KEY,
        GLM_BASE_URL: `${sim}/glm/api/paas/v4`,
        MEDIA_TEST_NETWORK: sim,
        ACCESS_CODE: "open-sesame,second-code",
        AUTH_SECRET: "e2e-secret-0123456789abcdef",
        RATE_LIMIT_PER_MINUTE: "3",
      },
    },
    {
      command: `redis-server --port ${REDIS_PORT} --bind 127.0.0.1 --save "" --appendonly no`,
      port: REDIS_PORT,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    ...[SHARED_A_PORT, SHARED_B_PORT].map((port) => ({
      command: `${startCommand} -p ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      stdout: "pipe" as const,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: {
        PORT: String(port),
        SILICONFLOW_API_KEY: E2E_SILICONFLOW_KEY,
        SILICONFLOW_BASE_URL: `${sim}/siliconflow/v1`,
        MEDIA_TEST_NETWORK: sim,
        REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
        RATE_LIMIT_PER_MINUTE: "3",
      },
    })),
  ],
});
