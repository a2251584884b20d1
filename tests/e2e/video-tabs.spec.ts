import { I2V, jpegSize, POLL_MS, playableDuration, pngFile, VideoPage } from "./pages/video-page";
import { expect, test } from "./support/fixtures";

type Timed = { time: string };

test.describe("video across tabs", () => {
  test.beforeEach(async ({ sim }) => {
    await sim.configure({ videoQueueMs: 1500, videoRunMs: 2500 });
  });

  test("with two tabs open only one polls, and both show the finished video", async ({ page, context, t, sim }) => {
    const video = new VideoPage(page, t);
    const other = await context.newPage();
    await video.goto();
    const otherTab = new VideoPage(other, t);
    await otherTab.goto();
    const job = await video.generate("Two tabs, one poller: a windmill in a field");
    const mirrored = otherTab.jobs;
    await expect(mirrored).toHaveAttribute("data-status", "queued");
    await expect(mirrored).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
    await expect(job).toHaveAttribute("data-status", "succeeded");
    expect(await playableDuration(mirrored)).toBeGreaterThan(0);

    const calls = await sim.log({ path: "/video/status" });
    // One poller on a 250 ms base growing ×1.5 needs about 6 polls for a 4 s job, plus one status
    // call by the content route. Two pollers would make about twice as many.
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.length).toBeLessThanOrEqual(8);
    // …and they follow one backoff schedule: no two polls land together (the last call is the
    // content route's own status check, made right after the poll that saw Succeed).
    const times = calls.slice(0, -1).map((c) => Date.parse((c as unknown as Timed).time));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThan(POLL_MS * 0.6);
    expect(await sim.log({ path: "/video/submit" })).toHaveLength(1);
  });

  test("a job submitted in a second tab is polled, and another tab takes over when the poller closes", async ({
    page,
    context,
    t,
  }) => {
    const video = new VideoPage(page, t);
    await video.goto(); // first tab: takes the poller lock
    const second = await context.newPage();
    const secondTab = new VideoPage(second, t);
    await secondTab.goto();
    const job = await secondTab.generate("Handover: a hot-air balloon rising");
    await expect(video.jobs).toHaveAttribute("data-status", "queued");
    await page.close();
    await expect(job).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
    expect(await playableDuration(job)).toBeGreaterThan(0);
  });
});

test.describe("image to video", () => {
  test.beforeEach(async ({ sim }) => {
    await sim.configure({ videoQueueMs: 500, videoRunMs: 800 });
  });

  test("an uploaded start image switches to an image-to-video model and is sent, scaled to fit", async ({
    page,
    t,
    sim,
  }) => {
    const video = new VideoPage(page, t);
    await video.goto();
    await video.imageInput.setInputFiles(pngFile(1920, 1080));
    await expect(video.startImage).toBeVisible();
    await expect(video.model).toHaveValue(I2V);
    await expect(page.getByLabel(t("video.size"), { exact: true })).toHaveValue("1280x720");

    const job = await video.generate("The gradient slowly swirls like ink in water");
    await expect(job).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
    await expect(job.getByRole("img", { name: t("video.startThumb") })).toBeVisible();

    const [submit] = await sim.log({ path: "/video/submit" });
    const body = submit?.body as { model: string; image: string; image_size: string };
    expect(body.model).toBe(I2V);
    expect(body.image_size).toBe("1280x720");
    expect(body.image).toMatch(/^data:image\/jpeg;base64,/);
    expect(jpegSize(body.image)).toEqual({ width: 1280, height: 720 });
  });

  test("Animate from the image gallery: /video?startImage=<id> uses that stored image", async ({ page, t, sim }) => {
    const video = new VideoPage(page, t);
    await video.goto();
    // Put an image in the gallery's store the way the Images studio does (since v5 its bytes are a
    // `mediaBlobs` row and the `images` row keeps the id).
    const png = pngFile(600, 600).buffer.toString("base64");
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("siliconplay");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(["images", "mediaBlobs"], "readwrite");
        const blob = new Blob([bytes], { type: "image/png" });
        tx.objectStore("mediaBlobs").put({
          id: "gallery-image-1-bytes",
          blob,
          mime: "image/png",
          size: blob.size,
          createdAt: Date.now(),
          owner: "images",
        });
        tx.objectStore("images").put({
          id: "gallery-image-1",
          createdAt: Date.now(),
          prompt: "a square gradient",
          model: { provider: "siliconflow", id: "black-forest-labs/FLUX.1-schnell" },
          params: {},
          mime: "image/png",
          blobId: "gallery-image-1-bytes",
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, png);

    // The in-page picker lists it too.
    await page.getByRole("button", { name: t("video.startImage.gallery") }).click();
    await page.getByRole("button", { name: t("video.picker.use", { n: 1 }) }).click();
    await expect(video.startImage).toBeVisible();
    await page.getByRole("button", { name: t("video.startImage.remove") }).click();
    await expect(video.startImage).toHaveCount(0);

    await page.goto("/video?startImage=gallery-image-1");
    await expect(video.startImage).toBeVisible();
    await expect(page).toHaveURL(/\/video$/);
    await expect(video.model).toHaveValue(I2V);
    await expect(page.getByLabel(t("video.size"), { exact: true })).toHaveValue("960x960");

    const job = await video.generate("Animate the gallery picture");
    await expect(job).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
    const [submit] = await sim.log({ path: "/video/submit" });
    const body = submit?.body as { image: string };
    expect(jpegSize(body.image)).toEqual({ width: 600, height: 600 });
  });

  test("a gallery image that is gone is reported, and the form still works", async ({ page, t }) => {
    const video = new VideoPage(page, t);
    await video.goto("/video?startImage=does-not-exist");
    const alert = page.getByRole("alert").filter({ hasText: t("video.startImage.missing") });
    await expect(alert).toHaveAttribute("data-error-code", "not_found");
    await expect(video.startImage).toHaveCount(0);
  });
});
