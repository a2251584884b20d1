import { test as base, expect } from "@playwright/test";
import { type Locale, type Translate, translator } from "../../../lib/i18n";
import { E2E_KEYS } from "./keys";
import { Simulator } from "./simulator";

interface Fixtures {
  locale: Locale;
  t: Translate;
  sim: Simulator;
  demoURL: string;
  lockedURL: string;
  keyGuard: undefined;
  sharedURLs: [string, string];
}

export const test = base.extend<Fixtures>({
  // Each Playwright project runs the suite in one browser language; names come from the app's own dictionaries.
  locale: async ({}, use, testInfo) => {
    await use(testInfo.project.name === "zh" ? "zh" : "en");
  },
  t: async ({ locale }, use) => {
    await use(translator(locale));
  },
  sim: async ({}, use) => {
    const sim = new Simulator(`http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 4010}`);
    await sim.reset();
    await use(sim);
    await sim.clearFaults();
  },
  demoURL: async ({}, use) => {
    await use(`http://127.0.0.1:${process.env.E2E_DEMO_PORT ?? Number(process.env.E2E_APP_PORT ?? 3100) + 1}`);
  },
  // Runs in every test: no response the app sends to the browser may contain a provider key.
  keyGuard: [
    async ({ page }, use) => {
      const checks: Promise<string | null>[] = [];
      page.on("response", (res) => {
        const type = res.headers()["content-type"] ?? "";
        if (!/json|html|javascript|text\/(plain|css)/.test(type)) return;
        checks.push(
          res
            .text()
            .then((body) => (E2E_KEYS.some((k) => body.includes(k)) ? res.url() : null))
            .catch(() => null),
        );
      });
      await use(undefined);
      const leaks = (await Promise.all(checks)).filter(Boolean);
      expect(leaks, "responses that contain a provider key").toEqual([]);
    },
    { auto: true },
  ],
  sharedURLs: async ({}, use) => {
    const locked = Number(
      process.env.E2E_LOCKED_PORT ??
        Number(process.env.E2E_DEMO_PORT ?? Number(process.env.E2E_APP_PORT ?? 3100) + 1) + 1,
    );
    await use([`http://127.0.0.1:${locked + 1}`, `http://127.0.0.1:${locked + 2}`]);
  },
  lockedURL: async ({}, use) => {
    const demo = Number(process.env.E2E_DEMO_PORT ?? Number(process.env.E2E_APP_PORT ?? 3100) + 1);
    await use(`http://127.0.0.1:${process.env.E2E_LOCKED_PORT ?? demo + 1}`);
  },
});

export { expect };
