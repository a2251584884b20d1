import { I2V, playableDuration, pngFile, VideoPage } from "./pages/video-page";
import { expect, test } from "./support/fixtures";
import { E2E_GLM_KEY } from "./support/keys";

// GLM CogVideoX and Wan2.2 image-to-video on the studio page, through the same durable job pipeline
// as Wan text-to-video: submit to GLM's /videos/generations, poll /async-result/{id}, store the bytes.

const GLM_SUBMIT = "/videos/generations";

test.describe("CogVideoX and Wan2.2 I2V", () => {
  test("CogVideoX-3 with first and last frame: the exact body, a reload mid-job, the clip stored", async ({
    page,
    t,
    sim,
  }) => {
    const video = new VideoPage(page, t);
    test.setTimeout(90_000);
    await sim.configure({ videoQueueMs: 500, videoRunMs: 12_000 });
    await video.goto();
    const model = video.model;
    await model.selectOption("cogvideox-3");
    // CogVideoX's own fields; Wan's seed and negative prompt are not offered.
    await expect(page.getByLabel(t("video.seed"), { exact: true })).toHaveCount(0);
    await expect(page.getByLabel(t("video.negativePrompt"))).toHaveCount(0);
    await expect(video.lastFrameInput).toHaveCount(0);

    await video.imageInput.setInputFiles(pngFile(320, 180, "first.png"));
    await expect(video.startImage).toBeVisible();
    // Adding a picture keeps CogVideoX (it takes one without needing it) and offers the last frame.
    await expect(model).toHaveValue("cogvideox-3");
    await video.lastFrameInput.setInputFiles(pngFile(320, 180, "last.png"));
    await expect(video.lastImage).toBeVisible();

    await page.getByLabel(t("video.size"), { exact: true }).selectOption("1920x1080");
    await page.getByLabel(t("video.fps"), { exact: true }).selectOption("60");
    await page.getByLabel(t("video.duration"), { exact: true }).selectOption("10");
    await page.getByLabel(t("video.audio"), { exact: true }).check();
    const prompt = "A paper boat drifts from a puddle into a river";
    const job = await video.generate(prompt);
    await expect(job).toHaveAttribute("data-status", "running", { timeout: 20_000 });
    const requestId = await job.getAttribute("data-request-id");
    expect(requestId).toBeTruthy();

    const submits = await sim.log({ path: GLM_SUBMIT, provider: "glm" });
    expect(submits).toHaveLength(1);
    expect(submits[0]?.headers.authorization).toBe(`Bearer ${E2E_GLM_KEY}`);
    const body = submits[0]?.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ["duration", "fps", "image_url", "model", "prompt", "request_id", "size", "with_audio"].sort(),
    );
    expect(body).toMatchObject({
      model: "cogvideox-3",
      prompt,
      size: "1920x1080",
      fps: 60,
      duration: 10,
      with_audio: true,
    });
    // First and last frame as a list of two, each a JPEG the browser prepared.
    expect(body.image_url).toEqual([
      expect.stringMatching(/^data:image\/jpeg;base64,/),
      expect.stringMatching(/^data:image\/jpeg;base64,/),
    ]);
    expect(typeof body.request_id).toBe("string");

    // A reload mid-job resumes polling GLM's async-result endpoint for the same task.
    await page.reload();
    const resumed = video.jobs;
    await expect(resumed).toHaveCount(1);
    await expect(resumed).toHaveAttribute("data-request-id", requestId ?? "");
    await expect(resumed).toHaveAttribute("data-status", "succeeded", { timeout: 40_000 });
    await expect(resumed.locator("video")).toHaveAttribute("src", /^blob:/);
    expect(await playableDuration(resumed)).toBeGreaterThan(0);
    const polls = await sim.log({ path: `/async-result/${requestId}`, provider: "glm" });
    expect(polls.length).toBeGreaterThan(1);
    expect(await sim.log({ path: GLM_SUBMIT, provider: "glm" })).toHaveLength(1);
    const clips = (await sim.log({ provider: "files" })).filter((e) => e.path.endsWith(".mp4"));
    expect(clips.length).toBeGreaterThan(0);
    expect(clips[0]?.headers.host).toMatch(/ufileos\.com$/);
  });

  test("a CogVideoX task that fails ends as failed with an alert, and nothing is downloaded", async ({
    page,
    t,
    sim,
  }) => {
    const video = new VideoPage(page, t);
    await sim.configure({ videoQueueMs: 200, videoRunMs: 200 });
    await video.goto();
    await video.model.selectOption("cogvideox-flash");
    const job = await video.generate("A storm over the sea [[fail]]");
    await expect(job).toHaveAttribute("data-status", "failed", { timeout: 20_000 });
    await expect(job.getByRole("alert")).toBeVisible();
    await expect(job.locator("video")).toHaveCount(0);
    expect((await sim.log({ provider: "files" })).filter((e) => e.path.endsWith(".mp4"))).toHaveLength(0);
  });

  test("Wan2.2 I2V: a start image switches to the I2V model and is sent with the required size", async ({
    page,
    t,
    sim,
  }) => {
    const video = new VideoPage(page, t);
    await sim.configure({ videoQueueMs: 200, videoRunMs: 300 });
    await video.goto();
    await video.model.selectOption("Wan-AI/Wan2.2-T2V-A14B");
    await video.imageInput.setInputFiles(pngFile(180, 320, "portrait.png"));
    await expect(video.model).toHaveValue(I2V);
    // A portrait picture picks the portrait size.
    await expect(page.getByLabel(t("video.size"), { exact: true })).toHaveValue("720x1280");
    const job = await video.generate("The figure turns and waves");
    await expect(job).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
    const [submit] = await sim.log({ path: "/video/submit" });
    expect(submit?.body).toMatchObject({ model: I2V, image_size: "720x1280", prompt: "The figure turns and waves" });
    expect((submit?.body as { image?: string } | undefined)?.image).toMatch(/^data:image\/jpeg;base64,/);
  });
});
