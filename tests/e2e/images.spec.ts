import type { Locator } from "@playwright/test";
import { ImagesPage } from "./pages/images-page";
import { expect, test } from "./support/fixtures";
import { E2E_SILICONFLOW_KEY } from "./support/keys";

// The image studio against the simulator over HTTP: results are bytes in IndexedDB, not links.

const GENERATIONS = "/images/generations";

/** A picture that really decoded (not a broken image): complete with a natural width. */
async function expectLoaded(img: Locator) {
  await expect(img).toBeVisible();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0)))
    .toBeGreaterThan(0);
  expect(await img.getAttribute("src")).toMatch(/^blob:/);
}

test("generate: the image shows and survives a reload", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.generate("a lighthouse at dusk");
  await expectLoaded(images.results.locator("img"));
  const { gallery } = images;
  await expect(gallery.getByTestId("gallery-item")).toHaveCount(1);

  const [call] = await sim.log({ path: GENERATIONS });
  expect(call?.body).toMatchObject({ model: "black-forest-labs/FLUX.1-schnell", prompt: "a lighthouse at dusk" });
  expect(call?.headers.authorization).toBe(`Bearer ${E2E_SILICONFLOW_KEY}`);

  await page.reload();
  await expectLoaded(gallery.getByTestId("gallery-item").locator("img"));
  await expectLoaded(images.results.locator("img"));
});

test("Generate waits for the model list with the reason shown, then sends once it is there", async ({
  page,
  t,
  sim,
}) => {
  const images = new ImagesPage(page, t);
  // The list is held back (the real response, late), as on a slow connection.
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/models?type=image", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto("/images");
  const { prompt } = images;
  // Typed once the page is interactive (the counter follows the text).
  await expect(async () => {
    await prompt.fill("a paper lantern");
    await expect(page.getByText(/^15\/\d+$/)).toBeVisible({ timeout: 500 });
  }).toPass();
  const button = images.generateButton;
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(t("images.blocker.loading"));

  release();
  await expect(button).toBeEnabled();
  await button.click();
  await expect(images.galleryItems).toHaveCount(1);
  const calls = await sim.log({ path: GENERATIONS });
  expect(calls).toHaveLength(1);
  expect(calls[0]?.body).toMatchObject({ prompt: "a paper lantern" });
});

test("batch size 4 gives four images from one call", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  // batch_size is Kolors's alone (SiliconFlow image API reference); the form shows it only there.
  await images.model.selectOption("Kwai-Kolors/Kolors");
  await images.field("images.field.batchSize").fill("4");
  await images.generate("four koi in a pond");
  const results = images.results;
  await expect(results).toHaveCount(4, { timeout: 30_000 });
  for (const img of await results.locator("img").all()) await expectLoaded(img);
  await expect(images.gallery.getByTestId("gallery-item")).toHaveCount(4);
  const calls = await sim.log({ path: GENERATIONS });
  expect(calls).toHaveLength(1);
  expect(calls[0]?.body).toMatchObject({ batch_size: 4 });
  const seed = (calls[0]?.body as { seed?: number } | undefined)?.seed;

  // The provider returned one seed for the batch: image 3 says so instead of claiming it as its own,
  // and its timings add up (the provider's inference is part of the total).
  await results.nth(2).locator("img").click();
  const viewer = page.getByRole("dialog");
  await expect(viewer.getByTestId("batch-seed-note")).toHaveText(t("images.seed.batch", { n: 3, count: 4 }));
  await expect(viewer).toContainText(String(seed));
  const seconds = async (key: Parameters<typeof t>[0]) => {
    const row = viewer.locator("div", { has: page.getByText(t(key), { exact: true }) }).last();
    return Number(/([\d.]+)/.exec((await row.locator("dd").textContent()) ?? "")?.[1]);
  };
  expect(await seconds("images.meta.inference")).toBeLessThanOrEqual(await seconds("images.meta.total"));

  // Reuse settings from image 3 sends the same batch again: seed and batch size.
  await viewer.getByRole("button", { name: t("images.action.reuse") }).click();
  await expect(images.field("images.field.seed")).toHaveValue(String(seed));
  await expect(images.field("images.field.batchSize")).toHaveValue("4");
});

test("Reuse settings sends the same seed and settings again", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.field("images.field.steps").fill("6");
  await images.generate("a paper crane");
  await expect(images.galleryItems).toHaveCount(1);
  const [first] = await sim.log({ path: GENERATIONS });
  const seed = (first?.body as { seed?: number } | undefined)?.seed;
  expect(typeof seed).toBe("number");

  // Change things, then take them back from the stored image.
  await images.prompt.fill("something else");
  await images.field("images.field.steps").fill("2");
  await images.galleryItems
    .first()
    .getByRole("button", { name: t("images.action.reuse") })
    .click();
  await expect(images.prompt).toHaveValue("a paper crane");
  await expect(images.field("images.field.seed")).toHaveValue(String(seed));
  await images.generateButton.click();
  await expect(images.galleryItems).toHaveCount(2);

  const calls = await sim.log({ path: GENERATIONS });
  expect(calls).toHaveLength(2);
  expect(calls[1]?.body).toEqual(first?.body);
});

test("a short link lifetime does not matter: the server fetched the bytes in time", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await sim.configure({ imageUrlTtlMs: 2000 });
  await images.goto();
  await images.generate("a glass of water");
  await expectLoaded(images.results.locator("img"));

  // The provider's link is dead now…
  const [file] = await sim.log({ provider: "files" });
  await expect.poll(async () => (await fetch(`${sim.url}/files${file?.path}`)).status, { timeout: 8000 }).toBe(403);
  // …and the stored picture still shows after a reload.
  await page.reload();
  await expectLoaded(images.gallery.getByTestId("gallery-item").locator("img"));
});

test("an expired link gives an alert, not a broken image, and stores nothing", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await sim.configure({ imageUrlTtlMs: 1 });
  await images.goto();
  await images.generate("too late");
  const alert = images.jobs.getByRole("alert");
  await expect(alert).toHaveAttribute("data-error-code", "expired");
  await expect(alert).toContainText(t("images.job.failed"));
  await expect(images.results).toHaveCount(0);
  await expect(page.locator("main img")).toHaveCount(0);
  await expect(images.galleryItems).toHaveCount(0);
  // What the user typed is kept for another try.
  await expect(images.prompt).toHaveValue("too late");
});

test("generations run side by side with elapsed time, and finish while another page shows", async ({
  page,
  t,
  sim,
}) => {
  const images = new ImagesPage(page, t);
  // Long enough that the first is still running when the second starts, even on a loaded machine
  // (with 3 s the first could finish before the second press landed).
  await sim.fault({ fault: "slow-first-byte", path: GENERATIONS, delayMs: 8000, times: 2 });
  await images.goto();
  await images.generate("first");
  await images.generate("second");
  const jobs = images.jobs;
  await expect(jobs).toHaveCount(2);
  await expect(jobs.and(page.locator('[data-status="running"]'))).toHaveCount(2);
  const elapsed = jobs.first().getByTestId("job-elapsed");
  const before = await elapsed.textContent();
  await expect(elapsed).not.toHaveText(before ?? "");

  // Leave the page in the app while both run; the results are stored anyway.
  const nav = page.getByRole("navigation", { name: t("nav.primary") });
  await nav.getByRole("link", { name: t("nav.settings") }).click();
  await expect(page).toHaveURL(/\/settings$/);
  const stored = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const req = indexedDB.open("siliconplay");
          req.onsuccess = () => {
            const count = req.result.transaction("images").objectStore("images").count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
  await expect.poll(stored, { timeout: 30_000 }).toBe(2);

  await nav.getByRole("link", { name: t("nav.images") }).click();
  await expect(images.jobs.and(page.locator('[data-status="succeeded"]'))).toHaveCount(2);
  await expect(images.results).toHaveCount(2);
  await expect(images.galleryItems).toHaveCount(2);
});

test("delete asks for nothing and can be undone", async ({ page, t }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.generate("a pebble");
  const item = images.galleryItems;
  await expect(item).toHaveCount(1);
  await item.getByRole("button", { name: t("images.action.delete") }).click();
  await expect(item).toHaveCount(0);
  await expect(images.results).toHaveCount(0);
  await page.getByRole("button", { name: t("images.undo") }).click();
  await expect(item).toHaveCount(1);
  await expectLoaded(item.locator("img"));
});

test("the Undo offer closes by itself, and the image stays deleted", async ({ page, t }) => {
  // The page's clock, not the test's: the offer's timer is moved past its end without waiting for it.
  await page.clock.install();
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.generate("a pebble");
  const item = images.galleryItems;
  await expect(item).toHaveCount(1);
  await item.getByRole("button", { name: t("images.action.delete") }).click();
  const undo = page.getByRole("button", { name: t("images.undo") });
  await expect(undo).toBeVisible();
  // Held still, the offer stays however long the test takes; moved past its end, it goes.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
  await expect(undo).toBeVisible();
  await page.clock.fastForward(10_000);
  await expect(undo).toHaveCount(0);
  await expect(page.getByText(t("images.deleted"))).toHaveCount(0);
  await expect(item).toHaveCount(0);
});
