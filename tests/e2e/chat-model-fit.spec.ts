import type { Page } from "@playwright/test";
import type { Translate } from "../../lib/i18n";
import { ChatPage, pattern } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import type { Simulator } from "./support/simulator";

// Fitting a conversation to its model: the Thinking control each model actually has, settings clamped
// to a newly picked model with a visible notice (issue 18), and the context window — earlier messages
// left out with a notice in the thread, a message too long on its own refused at the composer.

type Body = Record<string, unknown> & { messages: { role: string }[] };
const lastBody = async (sim: Simulator) => (await sim.log({ path: "/chat/completions" })).at(-1)?.body as Body;

async function openSettings(page: Page, t: Translate) {
  const done = page.getByRole("button", { name: t("chat.settings.done") });
  if (!(await done.isVisible())) await page.getByRole("button", { name: t("chat.settings.open") }).click();
  await expect(done).toBeVisible();
}

/** A GLM model by its exact id (SiliconFlow serves GLM models too, under zai-org/ names). */
async function pickGlm(page: Page, t: Translate, id: string) {
  await page.getByTestId("model-picker").click();
  await page.getByRole("searchbox", { name: t("chat.model.search") }).fill(id);
  await page
    .getByRole("group", { name: t("chat.provider.glm") })
    .getByRole("option", { name: new RegExp(`^${id.replace(/\./g, "\\.")}(\\s|$)`) })
    .click();
  await expect(page.getByTestId("model-picker")).toHaveAttribute("data-model", `glm:${id}`);
}

test("the Thinking control shows what each model supports: a switch, a budget, an effort, or nothing", async ({
  page,
  t,
  sim,
}) => {
  // Five model picks and three full replies: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const chat = new ChatPage(page, t);
  const thinking = page.getByRole("switch", { name: t("chat.settings.thinking") });
  const budget = page.getByLabel(t("chat.settings.thinkingBudget"));
  const effort = page.getByLabel(t("chat.settings.reasoningEffort"));
  await chat.goto();

  // A plain model: nothing to switch.
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await openSettings(page, t);
  await expect(page.getByLabel(t("chat.settings.temperature"))).toBeVisible();
  await expect(thinking).toHaveCount(0);
  await expect(budget).toHaveCount(0);
  await expect(effort).toHaveCount(0);

  // Always thinks: no switch, says so, keeps SiliconFlow's budget.
  await chat.pickModel("deepseek-ai/DeepSeek-R1");
  await openSettings(page, t);
  await expect(thinking).toHaveCount(0);
  await expect(page.getByTestId("thinking-note")).toBeVisible();
  await expect(budget).toBeVisible();

  // DeepSeek-V4: an effort level, no switch.
  await chat.pickModel("deepseek-ai/DeepSeek-V4-Flash");
  await openSettings(page, t);
  await expect(thinking).toHaveCount(0);
  await expect(budget).toHaveCount(0);
  await effort.selectOption("max");
  await chat.ask("Think hard: 12 × 13?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  let body = await lastBody(sim);
  expect(body.reasoning_effort).toBe("max");
  expect(body).not.toHaveProperty("enable_thinking");

  // GLM-4.7: a switch without a budget; off is sent as thinking.type "disabled".
  await chat.newChat();
  await pickGlm(page, t, "glm-4.7");
  await openSettings(page, t);
  await expect(budget).toHaveCount(0);
  await expect(effort).toHaveCount(0);
  await expect(thinking).toHaveAttribute("aria-checked", "true");
  await thinking.click();
  await chat.ask("No thinking, please: 2 + 2?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  body = await lastBody(sim);
  expect(body.thinking).toEqual({ type: "disabled" });
  await expect(chat.lastReply().getByTestId("reasoning")).toHaveCount(0);

  // GLM-5.2: a switch and an effort; GLM's reasoning tokens (usage on the finishing chunk) are shown.
  await pickGlm(page, t, "glm-5.2");
  await openSettings(page, t);
  await expect(thinking).toBeVisible();
  await expect(effort).toBeVisible();
  await thinking.click();
  await expect(thinking).toHaveAttribute("aria-checked", "true");
  await chat.ask("Think it through: why do leaves fall?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const usage = chat.lastReply().getByTestId("message-usage");
  await expect(usage).toContainText(pattern(t("chat.usage.reasoning"), { reasoning: "[1-9]\\d*" }));
});

test("settings out of a newly picked model's range are clamped with a notice, never dropped", async ({
  page,
  t,
  sim,
}) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen3-8B");
  const settingsButton = page.getByRole("button", { name: t("chat.settings.open") });
  await expect(page.getByTestId("settings-active")).toHaveCount(0);
  await openSettings(page, t);
  await page.getByLabel(t("chat.settings.temperature")).fill("1.5");
  await page.getByLabel(t("chat.settings.maxTokens")).fill("10000");
  await page.getByRole("button", { name: t("chat.settings.done") }).click();
  // The button shows that non-default values are active.
  await expect(page.getByTestId("settings-active")).toBeVisible();
  await expect(settingsButton).toHaveAccessibleDescription(t("chat.settings.active"));

  await chat.pickModel("glm-4-flash");
  const notice = page.getByTestId("settings-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute("role", "status");
  const change = (field: "chat.settings.temperature" | "chat.settings.maxTokens", from: string, to: string) =>
    t("chat.settings.change", { field: t(field), from, to });
  await expect(notice).toContainText(change("chat.settings.temperature", "1.5", "1"));
  await expect(notice).toContainText(change("chat.settings.maxTokens", "10000", "4096"));
  await chat.ask("Hello after the switch");
  await chat.waitForStatus(chat.lastReply(), "complete");
  let body = await lastBody(sim);
  expect(body.model).toBe("glm-4-flash");
  expect(body.temperature).toBe(1);
  expect(body.max_tokens).toBe(4096);

  // A value typed out of range and left with Done is clamped the same way.
  await notice.getByRole("button", { name: t("common.dismiss") }).click();
  await expect(notice).toHaveCount(0);
  await openSettings(page, t);
  const temperature = page.getByLabel(t("chat.settings.temperature"));
  await temperature.fill("5");
  await expect(temperature).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: t("chat.settings.done") }).click();
  await expect(notice).toContainText(change("chat.settings.temperature", "5", "1"));
  await chat.ask("And once more");
  await chat.waitForStatus(chat.lastReply(), "complete");
  body = await lastBody(sim);
  expect(body.temperature).toBe(1);

  // Text that is not a number never gets in: the number field refuses the letters and keeps its value.
  await openSettings(page, t);
  await temperature.fill("warm");
  await expect(temperature).toHaveValue("1");
  await expect(temperature).not.toHaveAttribute("aria-invalid");
});

// deepseek-ai/deepseek-vl2 has a 4K-token window: a few hundred Chinese characters per turn fill it.
const VL2 = "deepseek-ai/deepseek-vl2";

test("earlier messages that do not fit the context window are left out with a notice in the thread", async ({
  page,
  t,
  sim,
}) => {
  // Three long turns: the replies stream in small pieces, so pace them quickly (reset after each test).
  test.setTimeout(120_000);
  await sim.configure({ chatChunkDelayMs: 1 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VL2);
  // About 1,000 tokens a question and 700 an answer (the simulator quotes a question's first 12 lines):
  // two turns fit the window, the third request has to leave the first turn out.
  for (const topic of ["山", "水", "云"]) {
    await chat.ask(Array.from({ length: 25 }, () => topic.repeat(40)).join("\n"));
    await chat.waitForStatus(chat.lastReply(), "complete");
  }
  await expect(chat.assistantMessages.nth(1).getByTestId("context-notice")).toHaveCount(0);
  const notice = chat.lastReply().getByTestId("context-notice");
  await expect(notice).toHaveText(t("chat.context.trimmed", { count: 2 }));
  await expect(chat.assistantMessages.first().getByTestId("context-notice")).toHaveCount(0);
  const body = await lastBody(sim);
  expect(body.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);

  // Stored with the reply.
  await page.reload();
  await chat.ready();
  await expect(chat.lastReply().getByTestId("context-notice")).toHaveText(t("chat.context.trimmed", { count: 2 }));
});

test("a message too long for the model on its own is refused at the composer and the text is kept", async ({
  page,
  t,
  sim,
}) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VL2);
  const text = "长".repeat(3500);
  await chat.input.fill(text);
  await chat.input.press("Enter");
  const alert = page.locator('[role="alert"][data-error-code="prompt_too_long"]');
  await expect(alert).toContainText(t("error.prompt_too_long"));
  await expect(chat.input).toHaveValue(text);
  await expect(chat.userMessages).toHaveCount(0);
  expect(await sim.log({ path: "/chat/completions" })).toHaveLength(0);
});
