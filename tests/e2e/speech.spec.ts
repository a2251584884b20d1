import { launchWith, MODEL, playable, SpeechPage } from "./pages/speech-page";
import { expect, test } from "./support/fixtures";
import { E2E_SILICONFLOW_KEY } from "./support/keys";

test.use({ launchOptions: launchWith() });

test.describe("speech studio", () => {
  test("generate speech → playable audio, stored, and still there after a reload", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    const text = "Hello from the speech studio [laughter] nice to meet you.";
    await speech.text.fill(text);
    await speech.generateButton.click();
    const result = speech.result(text);
    // MP3 plays from a MediaSource while it arrives, then the stored file takes over.
    await expect(result.locator("audio")).toHaveAttribute("data-source", "stream");
    await expect(result).toHaveAttribute("data-state", "ready");
    expect(await playable(result)).toBeGreaterThan(0);

    const calls = await sim.log({ path: "/audio/speech" });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${E2E_SILICONFLOW_KEY}`);
    expect(calls[0]?.body).toMatchObject({
      model: MODEL,
      input: text,
      voice: `${MODEL}:alex`,
      response_format: "mp3",
      sample_rate: 44100,
      speed: 1,
      gain: 0,
    });

    await page.reload();
    const stored = speech.result(text);
    await expect(stored).toHaveAttribute("data-state", "ready");
    await expect(stored.locator("audio")).toHaveAttribute("src", /^blob:/);
    expect(await playable(stored)).toBeGreaterThan(0);
    await expect(stored.getByRole("link", { name: t("speech.result.download") })).toHaveAttribute("download", /\.mp3$/);
  });

  test("settings reach the provider; sample rates follow the format; pcm downloads as wav", async ({
    page,
    t,
    sim,
  }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    const format = page.getByLabel(t("speech.format.label"), { exact: true });
    const rate = page.getByLabel(t("speech.sampleRate.label"), { exact: true });
    await format.selectOption("opus");
    await expect(rate.locator("option")).toHaveText([/48,000/]);
    await format.selectOption("pcm");
    await expect(rate.locator("option")).toHaveCount(5);
    await rate.selectOption("16000");
    await page.getByLabel(t("speech.voice.label"), { exact: true }).selectOption(`${MODEL}:claire`);
    await page.getByLabel(t("speech.speed.label"), { exact: true }).fill("1.5");
    await page.getByLabel(t("speech.gain.label"), { exact: true }).fill("-4");
    // The Style is a chip beside the text: the text box keeps only what is spoken, in any UI language.
    await speech.text.fill("今天真开心");
    await page.getByLabel(t("speech.instruction.label"), { exact: true }).selectOption("happy");
    await expect(speech.text).toHaveValue("今天真开心");
    const chip = t("speech.style.chip", { style: t("speech.instruction.happy") });
    await expect(page.getByTestId("speech-style")).toContainText(chip);
    await speech.generateButton.click();
    const result = speech.result("今天真开心");
    await expect(result).toHaveAttribute("data-state", "ready");
    // History shows the style as a chip too, never the raw instruction.
    await expect(result.getByTestId("speech-style")).toHaveText(chip);
    await expect(result).not.toContainText("<|endofprompt|>");
    await expect(result).not.toContainText("你能用高兴的情感说吗");
    expect(await playable(result)).toBeGreaterThan(0);
    await expect(result.getByRole("link", { name: t("speech.result.download") })).toHaveAttribute("download", /\.wav$/);
    const [call] = await sim.log({ path: "/audio/speech" });
    expect(call?.body).toMatchObject({
      input: "你能用高兴的情感说吗？<|endofprompt|>今天真开心",
      voice: `${MODEL}:claire`,
      response_format: "pcm",
      sample_rate: 16000,
      speed: 1.5,
      gain: -4,
    });

    // The choices are remembered for the next visit; the stored clip keeps its style apart.
    await page.reload();
    await expect(format).toHaveValue("pcm");
    await expect(rate).toHaveValue("16000");
    const stored = speech.result("今天真开心");
    await expect(stored.getByTestId("speech-style")).toHaveText(chip);
    await expect(stored).not.toContainText("<|endofprompt|>");
  });

  test("tag buttons keep the selected words: a span tag wraps them, a point tag follows them", async ({ page, t }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    const box = speech.text;
    await box.fill("say this loudly");
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(4, 8));
    await page.getByRole("button", { name: t("speech.tags.wrap", { tag: "<strong>" }), exact: true }).click();
    await expect(box).toHaveValue("say <strong>this</strong> loudly");
    await box.fill("say this loudly");
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(4, 8));
    await page.getByRole("button", { name: t("speech.tags.insert", { tag: "[laughter]" }), exact: true }).click();
    await expect(box).toHaveValue("say this [laughter] loudly");
  });

  test("empty text and text over the model's limit are refused with a clear message", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    const generateButton = speech.generateButton;
    await generateButton.click();
    const empty = page.getByRole("alert").filter({ hasText: t("speech.error.empty") });
    await expect(empty).toBeVisible();
    // The complaint goes once there is text.
    await speech.text.fill("Now there is text.");
    await expect(empty).toHaveCount(0);

    await speech.text.fill("a".repeat(4001));
    await generateButton.click();
    await expect(
      page.getByRole("alert").filter({ hasText: t("speech.error.tooLong", { count: 4001, max: 4000 }) }),
    ).toBeVisible();
    expect(await sim.log({ path: "/audio/speech" })).toHaveLength(0);
    await expect(speech.results).toHaveCount(0);
  });

  test("a provider failure is shown with what to do, and Retry recovers", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await sim.fault({ fault: "balance", path: "/audio/speech" });
    await speech.goto();
    await speech.text.fill("This will fail once.");
    await speech.generateButton.click();
    const alert = page.getByRole("alert").filter({ hasText: t("speech.results.failed") });
    await expect(alert).toHaveAttribute("data-error-code", "insufficient_balance");
    await alert.getByRole("button", { name: t("common.retry") }).click();
    await expect(speech.results).toHaveAttribute("data-state", "ready");
    await expect(alert).toHaveCount(0);
  });

  test("a stream cut off mid-way is reported and not stored as a finished clip", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await sim.fault({ fault: "cut-stream", path: "/audio/speech" });
    await speech.goto();
    await speech.text.fill("This stream will break. ".repeat(8));
    await speech.generateButton.click();
    await expect(page.locator('[role="alert"][data-error-code="stream_interrupted"]')).toBeVisible();
    await expect(speech.results).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(t("speech.results.empty"))).toBeVisible();
    await expect(speech.results).toHaveCount(0);
  });

  test("Settings: the default voice for Read aloud is kept across reloads", async ({ page, t }) => {
    await page.goto("/settings");
    const select = page.getByLabel(t("speech.settings.defaultVoice"), { exact: true });
    await select.selectOption(`${MODEL}:bella`);
    await page.reload();
    await expect(select).toHaveValue(`${MODEL}:bella`);
  });
});
