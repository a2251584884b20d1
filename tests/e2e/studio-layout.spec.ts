import type { Locator, Page } from "@playwright/test";
import type { Translate } from "../../lib/i18n";
import { openSpeech } from "./speech-helpers";
import { expect, test } from "./support/fixtures";
import { openStudio } from "./video-helpers";

// Images, Video and Speech share one layout (components/ui/studio-layout.tsx): the form card with its
// primary button in a sticky action bar, and results beside it on a desktop or below it on a phone,
// where a newly started job is scrolled into view.

interface Studio {
  name: string;
  open: (page: Page, t: Translate) => Promise<void>;
  prompt: (page: Page, t: Translate) => Locator;
  button: (page: Page, t: Translate) => Locator;
  newest: (page: Page) => Locator;
  results: Parameters<Translate>[0];
}

const STUDIOS: Studio[] = [
  {
    name: "images",
    open: async (page, t) => {
      await page.goto("/images");
      await expect(page.getByLabel(t("images.field.model"), { exact: true })).toBeEnabled();
    },
    prompt: (page, t) => page.getByLabel(t("images.field.prompt"), { exact: true }),
    button: (page, t) => page.getByRole("button", { name: t("images.generate"), exact: true }),
    newest: (page) => page.getByTestId("image-job").first(),
    results: "images.results",
  },
  {
    name: "video",
    open: (page, t) => openStudio(page, t),
    prompt: (page, t) => page.getByLabel(t("video.prompt"), { exact: true }),
    button: (page, t) => page.getByRole("button", { name: t("video.generate"), exact: true }),
    newest: (page) => page.getByTestId("video-job").first(),
    results: "video.gallery.title",
  },
  {
    name: "speech",
    open: (page, t) => openSpeech(page, t),
    prompt: (page, t) => page.getByLabel(t("speech.text.label"), { exact: true }),
    button: (page, t) => page.getByRole("button", { name: t("speech.generate"), exact: true }),
    newest: (page) => page.getByTestId("speech-result").first(),
    results: "speech.results.heading",
  },
];

for (const studio of STUDIOS) {
  test(`${studio.name}: on a phone the button stays in view and a new job scrolls into view`, async ({ page, t }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await studio.open(page, t);
    const bar = page.getByTestId("studio-action-bar");
    await expect(bar.and(page.locator(":has(button[type=submit])"))).toHaveCount(1);
    // The form is taller than the screen, yet its button is on screen.
    await expect(studio.button(page, t)).toBeInViewport();
    await studio.prompt(page, t).fill(`A ${studio.name} job started on a phone`);
    await studio.button(page, t).click();
    const job = studio.newest(page);
    await expect(job).toContainText(`A ${studio.name} job started on a phone`);
    await expect(job).toBeInViewport();
  });

  test(`${studio.name}: on a desktop the results sit beside the form and nothing scrolls`, async ({ page, t }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await studio.open(page, t);
    const bar = await page.getByTestId("studio-action-bar").boundingBox();
    const results = page.getByRole("region", { name: t(studio.results), exact: true }).first();
    const box = await results.boundingBox();
    expect(bar && box && box.x >= bar.x + bar.width).toBe(true);
    await studio.prompt(page, t).fill(`A ${studio.name} job started on a desktop`);
    await studio.button(page, t).click();
    await expect(studio.newest(page)).toContainText(`A ${studio.name} job started on a desktop`);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
}
