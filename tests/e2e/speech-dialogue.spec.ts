import { launchWith, openSpeech, playable, textBox } from "./speech-helpers";
import { expect, test } from "./support/fixtures";

// Two-speaker dialogue with MOSS-TTSD: a script of [S1]/[S2] turns spoken in the model's own two
// voices (no voice sent), played and stored like any other speech.

test.use({ launchOptions: launchWith() });

const MOSS = "fnlp/MOSS-TTSD-v0.5";

test("a MOSS-TTSD dialogue is spoken without a voice, played and stored", async ({ page, t, sim }) => {
  await openSpeech(page, t);
  await page.getByLabel(t("speech.model.label"), { exact: true }).selectOption(MOSS);
  // The model's own two voices are chosen with it.
  await expect(page.getByLabel(t("speech.voice.label"), { exact: true })).toHaveValue("");

  // A script without turns is refused on the page, before any call.
  await textBox(page, t).fill("Just one voice reading along.");
  await page.getByRole("button", { name: t("speech.generate"), exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: t("speech.dialogue.missingTurns") })).toBeVisible();
  expect(await sim.log({ path: "/audio/speech" })).toHaveLength(0);

  await textBox(page, t).fill("");
  await page.getByRole("button", { name: t("speech.dialogue.insert") }).click();
  const script = t("speech.dialogue.template");
  await expect(textBox(page, t)).toHaveValue(script);
  await page.getByRole("button", { name: t("speech.generate"), exact: true }).click();
  const result = page.getByTestId("speech-result").first();
  await expect(result).toHaveAttribute("data-state", "ready");
  expect(await playable(result)).toBeGreaterThan(0);

  const [call] = await sim.log({ path: "/audio/speech" });
  expect(call?.status).toBe(200);
  expect(call?.body).toMatchObject({ model: MOSS, input: script });
  expect(call?.body).not.toHaveProperty("voice");

  await page.reload();
  await expect(page.getByTestId("speech-result").first()).toHaveAttribute("data-state", "ready");
});
