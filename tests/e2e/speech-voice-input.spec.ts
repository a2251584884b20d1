import { ChatPage } from "./pages/chat-page";
import { FIXTURE_WAV, launchWith, SIM_TRANSCRIPT, SpeechPage } from "./pages/speech-page";
import { expect, test } from "./support/fixtures";

// Chromium's fake capture device plays the fixture WAV as the microphone, so recording, the WAV
// conversion in the browser and /api/transcriptions run for real against the simulator.
test.use({
  launchOptions: launchWith("--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${FIXTURE_WAV}`),
  permissions: ["microphone"],
});

test.describe("voice input and recording", () => {
  test("dictation records, transcribes with SenseVoice and puts the text in the box", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    await speech.text.fill("Draft:");
    const mic = page.getByRole("button", { name: t("speech.dictate.label"), exact: true });
    await mic.click();
    await expect(mic).toHaveAttribute("aria-pressed", "true");
    await page.waitForTimeout(1200);
    await mic.click();
    await expect(speech.text).toHaveValue(`Draft: ${SIM_TRANSCRIPT}`);
    const [call] = await sim.log({ path: "/audio/transcriptions" });
    expect(JSON.stringify(call?.body)).toContain("FunAudioLLM/SenseVoiceSmall");
    // Recorded as WebM/Opus, sent as WAV.
    expect(JSON.stringify(call?.body)).toMatch(/audio\/wav|voice-input\.wav/);
  });

  test("a voice recorded in the browser is converted to WAV and uploaded", async ({ page, t, sim }) => {
    const speech = new SpeechPage(page, t);
    await speech.goto();
    await page.getByRole("button", { name: t("speech.record.start"), exact: true }).click();
    await page.waitForTimeout(1500);
    await page.getByRole("button", { name: t("speech.record.stop"), exact: true }).click();
    await expect(page.getByTestId("voice-clip-ready")).toContainText(".wav");
    await page.getByLabel(t("speech.upload.name"), { exact: true }).fill("my-recording");
    await page.getByLabel(t("speech.upload.transcript"), { exact: true }).fill("one two three");
    await page.getByRole("button", { name: t("speech.upload.submit"), exact: true }).click();
    await expect(page.getByTestId("custom-voice").filter({ hasText: "my-recording" })).toHaveCount(1);
    const [upload] = await sim.log({ path: "/uploads/audio/voice" });
    expect(JSON.stringify(upload?.body)).toMatch(/audio\/wav|\.wav/);
  });
});

test.describe("without microphone permission", () => {
  test.use({ permissions: [] });

  test("a denied microphone is a clear alert, and the text is untouched", async ({ page, t }) => {
    const speech = new SpeechPage(page, t);
    await page.context().clearPermissions();
    await speech.goto();
    await speech.text.fill("keep me");
    await page.getByRole("button", { name: t("speech.dictate.label"), exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: t("speech.mic.denied") })).toBeVisible();
    await expect(speech.text).toHaveValue("keep me");
  });
});

test.describe("voice input in chat", () => {
  test("the microphone in the message box puts the transcript in the box to edit", async ({ page, t }) => {
    const chat = new ChatPage(page, t);
    await chat.goto();
    const mic = page.getByRole("button", { name: t("speech.voiceInput.label"), exact: true });
    await mic.click();
    await expect(mic).toHaveAttribute("aria-pressed", "true");
    await page.waitForTimeout(1200);
    await mic.click();
    await expect(chat.input).toHaveValue(SIM_TRANSCRIPT);
    // Not sent: the user edits first.
    await expect(chat.userMessages).toHaveCount(0);
  });
});
