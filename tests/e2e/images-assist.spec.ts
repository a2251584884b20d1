import { ChatPage } from "./pages/chat-page";
import { ImagesPage } from "./pages/images-page";
import { expect, test } from "./support/fixtures";
import { solidPng } from "./support/images";

// The image studio's helpers: "Improve prompt" (a chat model's rewrite, shown for review, used only
// on request and undoable), against the simulator, which answers the rewrite deterministically; and
// "Edit image" on a picture sent in chat, which hands it to an edit model as the reference.

const GENERATIONS = "/images/generations";
const CHAT = "/chat/completions";
const EDIT = "Qwen/Qwen-Image-Edit-2509";

test("Improve prompt shows a suggestion; Use puts it in the prompt and Generate sends it", async ({
  page,
  t,
  locale,
  sim,
}) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  const prompt = images.prompt;
  const idea = locale === "zh" ? "雪中的红狐狸" : "a red fox in snow";
  await expect(images.selectedModel()).toContainText("FLUX.1");
  // The studio starts on FLUX.1, which reads English best: a Chinese idea comes back in English
  // (the simulator quotes it inside a fixed English sentence, being unable to translate).
  const detail = "highly detailed, soft golden-hour light, shallow depth of field, rich colours, 35mm photograph";
  const rewrite = locale === "zh" ? `A scene of “雪中的红狐狸”, ${detail}` : `a red fox in snow, ${detail}`;
  await prompt.fill(idea);
  await page.getByRole("button", { name: t("images.improve.button"), exact: true }).click();

  const suggestion = page.getByLabel(t("images.improve.suggestion"), { exact: true });
  await expect(suggestion).toHaveValue(rewrite);
  // Nothing changes until the user says so.
  await expect(prompt).toHaveValue(idea);
  const [ask] = await sim.log({ path: CHAT });
  expect((ask?.body as { messages?: { role: string; content: string }[] } | undefined)?.messages?.at(-1)).toEqual({
    role: "user",
    content: idea,
  });

  // Discard leaves the prompt as typed.
  await page.getByRole("button", { name: t("images.improve.discard"), exact: true }).click();
  await expect(suggestion).toHaveCount(0);
  await expect(prompt).toHaveValue(idea);

  // Asked again, edited in the review box, used: the prompt holds the edited text, and can go back.
  await page.getByRole("button", { name: t("images.improve.button"), exact: true }).click();
  await expect(suggestion).toHaveValue(rewrite);
  await suggestion.fill(`${rewrite}, wide shot`);
  await page.getByRole("button", { name: t("images.improve.use"), exact: true }).click();
  await expect(prompt).toHaveValue(`${rewrite}, wide shot`);
  await expect(suggestion).toHaveCount(0);
  await page.getByRole("button", { name: t("images.improve.restore"), exact: true }).click();
  await expect(prompt).toHaveValue(idea);

  await page.getByRole("button", { name: t("images.improve.button"), exact: true }).click();
  await page.getByRole("button", { name: t("images.improve.use"), exact: true }).click();
  await expect(prompt).toHaveValue(rewrite);
  await images.generateButton.click();
  await expect(images.results.locator("img")).toBeVisible();
  const [call] = await sim.log({ path: GENERATIONS });
  expect((call?.body as { prompt?: string } | undefined)?.prompt).toBe(rewrite);
});

test("a failed Improve prompt is an alert, and the typed prompt stays as it was", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  const prompt = images.prompt;
  await prompt.fill("a lighthouse at dusk");
  await sim.fault({ fault: "balance", provider: "siliconflow", path: CHAT });
  await page.getByRole("button", { name: t("images.improve.button"), exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: t("images.improve.failed") });
  await expect(alert).toBeVisible();
  await expect(prompt).toHaveValue("a lighthouse at dusk");
  await expect(page.getByLabel(t("images.improve.suggestion"), { exact: true })).toHaveCount(0);
  // Retry once the provider answers again gives the suggestion.
  await sim.clearFaults();
  await alert.getByRole("button", { name: t("common.retry"), exact: true }).click();
  await expect(page.getByLabel(t("images.improve.suggestion"), { exact: true })).toHaveValue(/^a lighthouse at dusk, /);
});

test("Edit image on a picture sent in chat opens the studio with it as the edit reference", async ({
  page,
  t,
  sim,
}) => {
  const images = new ImagesPage(page, t);
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-VL-72B-Instruct");
  await page
    .getByTestId("attach-input")
    .setInputFiles({ name: "teapot.png", mimeType: "image/png", buffer: solidPng(64, 48, [30, 140, 90]) });
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(1, { timeout: 20_000 });
  await chat.ask("What is this?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const [asked] = await sim.log({ path: CHAT });
  const content = (asked?.body as { messages?: { content: unknown }[] } | undefined)?.messages?.at(-1)?.content as {
    type: string;
    image_url?: { url: string };
  }[];
  const sent = content.find((p) => p.type === "image_url")?.image_url?.url;
  expect(sent).toMatch(/^data:image\/jpeg;base64,/);

  await chat.userMessages
    .first()
    .getByRole("link", { name: t("images.fromChat.action"), exact: true })
    .click();
  await expect(page).toHaveURL(/\/images$/);
  await expect(images.selectedModel()).toHaveText(EDIT);
  await expect(images.references).toHaveCount(1);
  await images.prompt.fill("make the teapot red");
  await images.generateButton.click();
  await expect(images.results.locator("img")).toBeVisible();
  const [call] = await sim.log({ path: GENERATIONS });
  expect(call?.body).toMatchObject({ model: EDIT, prompt: "make the teapot red", image: sent });
});

test("a generation running when the page reloads comes back as interrupted, not lost", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await sim.fault({ fault: "slow-first-byte", path: GENERATIONS, delayMs: 15_000 });
  await images.prompt.fill("a slow harbour at night");
  await images.generateButton.click();
  await expect(page.getByRole("button", { name: t("images.job.cancel"), exact: true })).toBeVisible();
  await page.reload();
  const alert = page.getByRole("alert").filter({ hasText: t("images.job.interrupted") });
  await expect(alert).toBeVisible();
  await expect(page.getByText("a slow harbour at night").first()).toBeVisible();
});
