import { FIXTURE_WAV, launchWith, MODEL, playable, SpeechPage, silentWav } from "./pages/speech-page";
import { expect, test } from "./support/fixtures";

test.use({ launchOptions: launchWith() });

test.describe("custom voices", () => {
  test("upload a voice from a wav → listed → used for speech → deleted", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    await page.getByTestId("voice-file-input").setInputFiles(FIXTURE_WAV);
    await page.getByLabel(t("speech.upload.name"), { exact: true }).fill("narrator");
    await page.getByLabel(t("speech.upload.transcript"), { exact: true }).fill("在一无所知中，梦里的一天结束了");
    await page.getByRole("button", { name: t("speech.upload.submit"), exact: true }).click();

    const voice = page.getByTestId("custom-voice").filter({ hasText: "narrator" });
    await expect(voice).toHaveCount(1);
    const uri = await voice.getAttribute("data-uri");
    expect(uri).toMatch(/^speech:narrator:/);
    const [upload] = await sim.log({ path: "/uploads/audio/voice" });
    expect(JSON.stringify(upload?.body)).toContain("在一无所知中");

    // Listed from the provider after a reload, and selectable in the Voice field.
    await page.reload();
    await expect(voice).toHaveCount(1);
    await page.getByLabel(t("speech.voice.label"), { exact: true }).selectOption(uri!);
    const result = await speech.generate("Spoken in my own voice.");
    expect(await playable(result)).toBeGreaterThan(0);
    const [spoken] = await sim.log({ path: "/audio/speech" });
    expect(spoken?.body).toMatchObject({ voice: uri, model: MODEL });

    await voice.getByRole("button", { name: t("speech.voices.delete"), exact: true }).click();
    await expect(voice).toHaveCount(0);
    const [deletion] = await sim.log({ path: "/audio/voice/deletions" });
    expect(deletion?.body).toEqual({ uri });
    // The deleted voice is no longer selected anywhere.
    await expect(page.getByLabel(t("speech.voice.label"), { exact: true })).toHaveValue(`${MODEL}:alex`);
  });

  test("a voice can have any name: the app shows it and derives the provider's name", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    const name = "Grandma's voice 奶奶";
    await page.getByTestId("voice-file-input").setInputFiles(FIXTURE_WAV);
    await page.getByLabel(t("speech.upload.name"), { exact: true }).fill(name);
    await page.getByLabel(t("speech.upload.transcript"), { exact: true }).fill("hello");
    await page.getByRole("button", { name: t("speech.upload.submit"), exact: true }).click();
    await expect(page.getByTestId("voice-upload-done")).toContainText(name);

    const [upload] = await sim.log({ path: "/uploads/audio/voice" });
    const body = upload?.body as { customName?: string; fields?: { customName?: string } } | undefined;
    const sent = body?.customName ?? body?.fields?.customName ?? "";
    expect(sent).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const voice = page.getByTestId("custom-voice").filter({ hasText: name });
    await expect(voice).toHaveCount(1);
    await expect(voice).toHaveAttribute("data-uri", new RegExp(`^speech:${sent}:`));
    // Selected, under its own name, and still named so after a reload.
    const select = page.getByLabel(t("speech.voice.label"), { exact: true });
    await expect(select.locator("option:checked")).toHaveText(name);
    await page.reload();
    await expect(voice).toHaveCount(1);
    await expect(select.locator("option:checked")).toHaveText(name);
  });

  test("without a transcript the clip is transcribed first", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    await page.getByTestId("voice-file-input").setInputFiles(FIXTURE_WAV);
    await page.getByRole("button", { name: t("speech.upload.submit"), exact: true }).click();
    await expect(page.getByTestId("custom-voice").filter({ hasText: "voice-sample" })).toHaveCount(1);
    expect(await sim.log({ path: "/audio/transcriptions" })).toHaveLength(1);
    const [upload] = await sim.log({ path: "/uploads/audio/voice" });
    expect(JSON.stringify(upload?.body)).toContain("Hello from the simulator");
  });

  test("a clip over 30 s is refused in the browser with a clear message", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    await page
      .getByTestId("voice-file-input")
      .setInputFiles({ name: "long.wav", mimeType: "audio/wav", buffer: silentWav(31) });
    const alert = page.getByRole("alert").filter({ hasText: t("speech.upload.tooLong", { seconds: "31.0", max: 30 }) });
    await expect(alert).toBeVisible();
    await page.getByRole("button", { name: t("speech.upload.submit"), exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: t("speech.upload.noFile") })).toBeVisible();
    expect(await sim.log({ path: "/uploads/audio/voice" })).toHaveLength(0);
  });

  test("a rejected upload shows the provider's reason", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await sim.fault({ fault: "model-disabled", path: "/uploads/audio/voice" });
    await speech.goto();
    await page.getByTestId("voice-file-input").setInputFiles(FIXTURE_WAV);
    await page.getByLabel(t("speech.upload.transcript"), { exact: true }).fill("hello");
    await page.getByRole("button", { name: t("speech.upload.submit"), exact: true }).click();
    await expect(page.locator('[role="alert"][data-error-code="model_disabled"]')).toBeVisible();
    await expect(page.getByTestId("custom-voice")).toHaveCount(0);
  });
});
