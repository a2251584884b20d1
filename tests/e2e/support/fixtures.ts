import { test as base, expect } from "@playwright/test";
import { type Locale, type Translate, translator } from "../../../lib/i18n";
import { Simulator } from "./simulator";

interface Fixtures {
  locale: Locale;
  t: Translate;
  sim: Simulator;
  demoURL: string;
  lockedURL: string;
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
    await use(`http://127.0.0.1:${process.env.E2E_DEMO_PORT ?? 3101}`);
  },
  lockedURL: async ({}, use) => {
    const demo = Number(process.env.E2E_DEMO_PORT ?? 3101);
    await use(`http://127.0.0.1:${process.env.E2E_LOCKED_PORT ?? demo + 1}`);
  },
});

export { expect };
