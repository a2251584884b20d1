import { launchWith, playable, SpeechPage, silentWav } from "./pages/speech-page";
import { expect, test } from "./support/fixtures";

// Two-speaker dialogue with MOSS-TTSD: a script of [S1]/[S2] turns spoken in the model's own two
// voices (no voice sent), or in a reference clip per speaker (sent as `references` in S1, S2 order),
// played and stored like any other speech.

test.use({ launchOptions: launchWith() });

const MOSS = "fnlp/MOSS-TTSD-v0.5";

test("a MOSS-TTSD dialogue is spoken without a voice, played and stored", async ({ page, t, sim }) => {
  const speech = new SpeechPage(page, t);
  await speech.goto();
  await page.getByLabel(t("speech.model.label"), { exact: true }).selectOption(MOSS);
  // The model's own two voices are chosen with it.
  await expect(page.getByLabel(t("speech.voice.label"), { exact: true })).toHaveValue("");

  // A script without turns is refused on the page, before any call.
  await speech.text.fill("Just one voice reading along.");
  await speech.generateButton.click();
  await expect(page.getByRole("alert").filter({ hasText: t("speech.dialogue.missingTurns") })).toBeVisible();
  expect(await sim.log({ path: "/audio/speech" })).toHaveLength(0);

  await speech.text.fill("");
  await page.getByRole("button", { name: t("speech.dialogue.insert") }).click();
  const script = t("speech.dialogue.template");
  await expect(speech.text).toHaveValue(script);
  await speech.generateButton.click();
  const result = speech.results.first();
  await expect(result).toHaveAttribute("data-state", "ready");
  expect(await playable(result)).toBeGreaterThan(0);

  const [call] = await sim.log({ path: "/audio/speech" });
  expect(call?.status).toBe(200);
  expect(call?.body).toMatchObject({ model: MOSS, input: script });
  expect(call?.body).not.toHaveProperty("voice");

  await page.reload();
  await expect(speech.results.first()).toHaveAttribute("data-state", "ready");
});

test("each speaker can speak in a reference clip of its own", async ({ page, t, sim }) => {
  const speech = new SpeechPage(page, t);
  await speech.goto();
  await page.getByLabel(t("speech.model.label"), { exact: true }).selectOption(MOSS);
  await page.getByRole("button", { name: t("speech.dialogue.insert") }).click();
  const script = t("speech.dialogue.template");
  const generate = speech.generateButton;
  const voiceFor = (speaker: string) => page.getByRole("radiogroup", { name: t("speech.clips.voiceFor", { speaker }) });
  const fileFor = (speaker: string) => page.getByLabel(t("speech.clips.file", { speaker }), { exact: true });
  const transcriptOf = (speaker: string) => page.getByLabel(t("speech.clips.transcript", { speaker }), { exact: true });
  const alert = (text: string) => page.getByRole("alert").filter({ hasText: text });
  const first = { name: "first-speaker.wav", mimeType: "audio/wav", buffer: silentWav(2) };
  const second = { name: "second-speaker.wav", mimeType: "audio/wav", buffer: silentWav(3) };

  // A clip for S1 only is a mix the provider cannot take: said at once, refused on Generate.
  await voiceFor("S1")
    .getByRole("radio", { name: t("speech.clips.clip") })
    .check();
  await fileFor("S1").setInputFiles(first);
  await expect(page.getByText(t("speech.clips.ready", { name: first.name, seconds: "2.0" }))).toBeVisible();
  await transcriptOf("S1").fill("Hello, I am the first speaker.");
  const mixed = t("speech.clips.bothNeeded", { speaker: "S2" });
  await expect(page.getByRole("note").filter({ hasText: mixed })).toBeVisible();
  await generate.click();
  await expect(alert(mixed)).toBeVisible();
  await expect(page.getByLabel(t("speech.voice.label"), { exact: true })).toBeDisabled();

  // A file that is not audio is refused when chosen; a clip without its transcript on Generate.
  await voiceFor("S2")
    .getByRole("radio", { name: t("speech.clips.clip") })
    .check();
  await fileFor("S2").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not audio") });
  await expect(alert(t("speech.clips.badType", { name: "notes.txt" }))).toBeVisible();
  await fileFor("S2").setInputFiles({ name: "long.wav", mimeType: "audio/wav", buffer: silentWav(31) });
  await expect(alert(t("speech.clips.tooLong", { name: "long.wav", seconds: "31.0", max: 30 }))).toBeVisible();
  await fileFor("S2").setInputFiles(second);
  await expect(page.getByText(t("speech.clips.ready", { name: second.name, seconds: "3.0" }))).toBeVisible();
  await generate.click();
  await expect(alert(t("speech.clips.noTranscript", { speaker: "S2" }))).toBeVisible();
  await expect(transcriptOf("S2")).toBeFocused();
  // Nothing typed is lost, and nothing reached the provider.
  await expect(speech.text).toHaveValue(script);
  await expect(transcriptOf("S1")).toHaveValue("Hello, I am the first speaker.");
  expect(await sim.log({ path: "/audio/speech" })).toHaveLength(0);

  await transcriptOf("S2").fill("And I am the second.");
  await generate.click();
  const result = speech.results.first();
  await expect(result).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
  expect(await playable(result)).toBeGreaterThan(0);
  const voices = [
    t("speech.clips.resultVoice", { speaker: "S1", name: first.name }),
    t("speech.clips.resultVoice", { speaker: "S2", name: second.name }),
  ].join(", ");
  await expect(result).toContainText(voices);

  const [call] = await sim.log({ path: "/audio/speech" });
  expect(call?.status).toBe(200);
  expect(call?.body).toMatchObject({
    model: MOSS,
    input: script,
    references: [
      { audio: `data:audio/wav;base64,${first.buffer.toString("base64")}`, text: "Hello, I am the first speaker." },
      { audio: `data:audio/wav;base64,${second.buffer.toString("base64")}`, text: "And I am the second." },
    ],
  });
  // The provider's voice and references are mutually exclusive: no voice goes with the clips.
  expect(call?.body).not.toHaveProperty("voice");

  await page.reload();
  const stored = speech.results.first();
  await expect(stored).toHaveAttribute("data-state", "ready");
  await expect(stored).toContainText(voices);
  expect(await playable(stored)).toBeGreaterThan(0);
});
