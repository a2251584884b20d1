import type { Locator, Page } from "@playwright/test";
import type { Translate } from "../../lib/i18n";
import { ImagesPage } from "./pages/images-page";
import { SpeechPage } from "./pages/speech-page";
import { VideoPage } from "./pages/video-page";
import { expect, test } from "./support/fixtures";

// Images, Video and Speech share one layout (components/ui/studio-layout.tsx): the form card with its
// primary button in a sticky action bar, and results beside it on a desktop or below it on a phone,
// where a newly started job is scrolled into view.

/** What this spec needs of a studio's page object: each names its prompt, button and jobs its own way. */
interface Studio {
  goto(): Promise<void>;
  prompt: Locator;
  button: Locator;
  /** The newest job or clip (each studio lists them newest first). */
  newest: Locator;
}

const STUDIOS: { name: string; open: (page: Page, t: Translate) => Studio; results: Parameters<Translate>[0] }[] = [
  {
    name: "images",
    open: (page, t) => {
      const p = new ImagesPage(page, t);
      return { goto: () => p.goto(), prompt: p.prompt, button: p.generateButton, newest: p.jobs.first() };
    },
    results: "images.results",
  },
  {
    name: "video",
    open: (page, t) => {
      const p = new VideoPage(page, t);
      return { goto: () => p.goto(), prompt: p.prompt, button: p.generateButton, newest: p.jobs.first() };
    },
    results: "video.gallery.title",
  },
  {
    name: "speech",
    open: (page, t) => {
      const p = new SpeechPage(page, t);
      return { goto: () => p.goto(), prompt: p.text, button: p.generateButton, newest: p.results.first() };
    },
    results: "speech.results.heading",
  },
];

for (const studio of STUDIOS) {
  test(`${studio.name}: on a phone the button stays in view and a new job scrolls into view`, async ({ page, t }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const studioPage = studio.open(page, t);
    await studioPage.goto();
    const bar = page.getByTestId("studio-action-bar");
    await expect(bar.and(page.locator(":has(button[type=submit])"))).toHaveCount(1);
    // The form is taller than the screen, yet its button is on screen.
    await expect(studioPage.button).toBeInViewport();
    await studioPage.prompt.fill(`A ${studio.name} job started on a phone`);
    await studioPage.button.click();
    const job = studioPage.newest;
    await expect(job).toContainText(`A ${studio.name} job started on a phone`);
    await expect(job).toBeInViewport();
  });

  test(`${studio.name}: on a desktop the results sit beside the form and nothing scrolls`, async ({ page, t }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const studioPage = studio.open(page, t);
    await studioPage.goto();
    const bar = await page.getByTestId("studio-action-bar").boundingBox();
    const results = page.getByRole("region", { name: t(studio.results), exact: true }).first();
    const box = await results.boundingBox();
    expect(bar && box && box.x >= bar.x + bar.width).toBe(true);
    await studioPage.prompt.fill(`A ${studio.name} job started on a desktop`);
    await studioPage.button.click();
    await expect(studioPage.newest).toContainText(`A ${studio.name} job started on a desktop`);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
}
