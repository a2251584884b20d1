import { pattern } from "./pages/chat-page";
import { playableDuration, T2V, VideoPage } from "./pages/video-page";
import { expect, test } from "./support/fixtures";
import { E2E_SILICONFLOW_KEY } from "./support/keys";

test.describe("video studio", () => {
  test.beforeEach(async ({ sim }) => {
    await sim.configure({ videoQueueMs: 1500, videoRunMs: 2500 });
  });

  test("submit → queued → running → succeeded, with the video stored as playable bytes", async ({ page, t, sim }) => {
    const video = new VideoPage(page, t);
    await video.goto();
    const prompt = "A lighthouse at dusk, waves rolling in, slow dolly shot";
    await page.getByLabel(t("video.negativePrompt")).fill("blurry");
    await page.getByLabel(t("video.size"), { exact: true }).selectOption("960x960");
    await page.getByLabel(t("video.seed"), { exact: true }).fill("1234");
    const job = await video.generate(prompt);
    await expect(job).toHaveAttribute("data-status", "queued");
    await expect(job).toHaveAttribute("data-status", "running");
    await expect(job).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });

    // A Blob from IndexedDB, not the provider's expiring link.
    await expect(job.locator("video")).toHaveAttribute("src", /^blob:/);
    expect(await playableDuration(job)).toBeGreaterThan(0);

    const submits = await sim.log({ path: "/video/submit" });
    expect(submits).toHaveLength(1);
    expect(submits[0]?.headers.authorization).toBe(`Bearer ${E2E_SILICONFLOW_KEY}`);
    expect(submits[0]?.body).toMatchObject({
      model: T2V,
      prompt,
      negative_prompt: "blurry",
      image_size: "960x960",
      seed: 1234,
    });

    // Download hands over the stored file.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      job.getByRole("link", { name: t("video.download") }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.mp4$/);

    // After a reload the finished video plays from IndexedDB without asking the provider again.
    const statusCalls = (await sim.log({ path: "/video/status" })).length;
    await page.reload();
    const again = video.jobs;
    await expect(again).toHaveAttribute("data-status", "succeeded");
    expect(await playableDuration(again)).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    expect((await sim.log({ path: "/video/status" })).length).toBe(statusCalls);
  });

  test("a reload mid-job resumes polling and completes the same job", async ({ page, t, sim }) => {
    const video = new VideoPage(page, t);
    // Long enough to look at the running job after the reload, even on a busy machine.
    test.setTimeout(90_000);
    await sim.configure({ videoRunMs: 15_000 });
    await video.goto();
    const job = await video.generate("Timelapse of clouds over a mountain ridge");
    await expect(job).toHaveAttribute("data-status", "running");
    const requestId = await job.getAttribute("data-request-id");
    expect(requestId).toBeTruthy();

    await page.reload();
    const resumed = video.jobs;
    await expect(resumed).toHaveCount(1);
    await expect(resumed).toHaveAttribute("data-request-id", requestId ?? "");
    // While it runs: one elapsed time on the card, not two clocks that disagree.
    await expect(resumed).toHaveAttribute("data-status", "running");
    await expect(resumed.getByText(pattern(t("video.elapsed"), { time: "\\d+:\\d\\d" }))).toHaveCount(1);
    await expect(resumed).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
    expect(await playableDuration(resumed)).toBeGreaterThan(0);
    // Resuming polls the stored job; it never submits (and pays for) a second one.
    expect(await sim.log({ path: "/video/submit" })).toHaveLength(1);
  });

  test("a failing job shows the provider's reason", async ({ page, t }) => {
    const video = new VideoPage(page, t);
    await video.goto();
    const job = await video.generate("A city skyline at night [[fail]]");
    await expect(job).toHaveAttribute("data-status", "failed", { timeout: 20_000 });
    const alert = job.getByRole("alert");
    await expect(alert).toContainText(t("video.failedTitle"));
    await expect(alert).toContainText("content safety check");
    await expect(job.locator("video")).toHaveCount(0);
  });

  test("a link that expired before download is marked expired with a clear message", async ({ page, t, sim }) => {
    const video = new VideoPage(page, t);
    await sim.configure({ videoQueueMs: 300, videoRunMs: 300, videoUrlTtlMs: 0 });
    await video.goto();
    const job = await video.generate("Fireworks over a harbour");
    await expect(job).toHaveAttribute("data-status", "expired", { timeout: 20_000 });
    const alert = job.getByRole("alert");
    await expect(alert).toHaveAttribute("data-error-code", "expired");
    await expect(alert).toContainText(t("video.expiredTitle"));
  });

  test("Reuse settings fills the form, and Delete removes the job after confirmation", async ({ page, t, sim }) => {
    const video = new VideoPage(page, t);
    await sim.configure({ videoQueueMs: 200, videoRunMs: 200 });
    await video.goto();
    await page.getByLabel(t("video.seed"), { exact: true }).fill("42");
    const prompt = "Koi fish circling in a pond [[fail]]";
    const job = await video.generate(prompt);
    await expect(job).toHaveAttribute("data-status", "failed", { timeout: 20_000 });

    await video.prompt.fill("something else");
    await page.getByLabel(t("video.seed"), { exact: true }).fill("");
    await job.getByRole("button", { name: t("video.reuse") }).click();
    await expect(video.prompt).toHaveValue(prompt);
    await expect(page.getByLabel(t("video.seed"), { exact: true })).toHaveValue("42");
    await expect(video.prompt).toBeFocused();

    await job.getByRole("button", { name: t("video.delete"), exact: true }).click();
    await job.getByRole("button", { name: t("video.confirmDelete") }).click();
    await expect(video.jobs).toHaveCount(0);
  });
});

test.describe("video routes", () => {
  test("no route takes a URL from the client", async ({ request, sim }) => {
    const submit = await request.post("/api/video/submit", {
      data: { model: "Wan-AI/Wan2.2-I2V-A14B", prompt: "x", size: "1280x720", image: "http://169.254.169.254/a.png" },
    });
    expect(submit.status()).toBe(400);
    expect((await submit.json()).error.code).toBe("bad_request");

    const content = await request.post("/api/video/content", {
      data: { requestId: "abc", url: "http://127.0.0.1:1/secret" },
    });
    expect(content.status()).toBe(400);
    expect(await sim.log({ path: "/video" })).toHaveLength(0);
  });

  test("an image-to-video model without a start image is refused before anything is paid for", async ({
    request,
    sim,
  }) => {
    const res = await request.post("/api/video/submit", {
      data: { model: "Wan-AI/Wan2.2-I2V-A14B", prompt: "x", size: "1280x720" },
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.message.en).toContain("start image");
    expect(await sim.log({ path: "/video/submit" })).toHaveLength(0);
  });

  test("content for a job that is not finished is a clear 409, and the bytes stream once it is", async ({
    request,
    sim,
  }) => {
    await sim.configure({ videoQueueMs: 400, videoRunMs: 400 });
    const submit = await request.post("/api/video/submit", { data: { model: T2V, prompt: "x", size: "1280x720" } });
    const { requestId } = await submit.json();
    const early = await request.post("/api/video/content", { data: { requestId } });
    expect(early.status()).toBe(409);
    await expect
      .poll(async () => (await (await request.post("/api/video/status", { data: { requestId } })).json()).status)
      .toBe("Succeed");
    const res = await request.post("/api/video/content", { data: { requestId } });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("video/mp4");
    expect(res.headers()["x-accel-buffering"]).toBe("no");
    expect((await res.body()).length).toBeGreaterThan(1000);
  });
});
