import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// The model picker and per-conversation settings, and the finish notices.

test("the model picker groups models by provider, searches, shows badges, and is kept per conversation", async ({
  page,
  t,
  sim,
}) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await expect(chat.modelPicker).toHaveAccessibleName(t("chat.model.label"));
  await chat.modelPicker.click();
  const list = page.getByRole("listbox", { name: t("chat.model.label") });
  await expect(list.getByRole("group", { name: t("chat.provider.siliconflow") })).toBeVisible();
  await expect(list.getByRole("group", { name: t("chat.provider.glm") })).toBeVisible();
  const r1 = list.getByRole("option", { name: /^deepseek-ai\/DeepSeek-R1\s/ });
  await expect(r1).toContainText(t("chat.badge.reasoning"));
  const flash = list.getByRole("option", { name: /^glm-4-flash/ });
  await expect(flash).toContainText(t("chat.badge.free"));

  // Search narrows the list; arrows and Enter pick.
  await page.getByRole("searchbox", { name: t("chat.model.search") }).fill("glm-4-fl");
  await expect(list.getByRole("option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(chat.modelPicker).toHaveAttribute("data-model", "glm:glm-4-flash");

  await chat.ask("Which model are you?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const glmCalls = await sim.log({ path: "/chat/completions", provider: "glm" });
  expect((glmCalls.at(-1)?.body as { model?: string } | undefined)?.model).toBe("glm-4-flash");
  const first = chat.conversationId();

  // Another conversation with another model; each keeps its own.
  await chat.newChat();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("And you?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await chat.goto(`/chat/${first}`);
  await expect(chat.modelPicker).toHaveAttribute("data-model", "glm:glm-4-flash");
});

test("chat settings refuse out-of-range values at the field and send the valid ones", async ({ page, t, sim }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await page.getByRole("button", { name: t("chat.settings.open") }).click();

  const maxTokens = page.getByLabel(t("chat.settings.maxTokens"));
  await maxTokens.fill("999999");
  await expect(maxTokens).toHaveAttribute("aria-invalid", "true");
  await expect(maxTokens).toHaveAccessibleDescription(/4096/);
  const temperature = page.getByLabel(t("chat.settings.temperature"));
  await temperature.fill("3");
  await expect(temperature).toHaveAttribute("aria-invalid", "true");
  await temperature.fill("0.3");
  await expect(temperature).not.toHaveAttribute("aria-invalid");
  await page.getByLabel(t("chat.settings.systemPrompt")).fill("Answer like a pirate.");
  await page.getByLabel(t("chat.settings.topP")).fill("0.8");

  await chat.ask("Hello there");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const body = (await sim.log({ path: "/chat/completions" })).at(-1)?.body as Record<string, unknown> & {
    messages: { role: string; content: unknown }[];
  };
  expect(body.temperature).toBe(0.3);
  expect(body.top_p).toBe(0.8);
  // No max tokens set: the model's cap is sent, so the provider's small default never applies.
  expect(body.max_tokens).toBe(4096);
  expect(body.messages[0]).toMatchObject({ role: "system", content: "Answer like a pirate." });

  // Stored with the conversation.
  await page.reload();
  await chat.ready();
  if (!(await page.getByLabel(t("chat.settings.temperature")).isVisible())) {
    await page.getByRole("button", { name: t("chat.settings.open") }).click();
  }
  await expect(page.getByLabel(t("chat.settings.temperature"))).toHaveValue("0.3");
});

test("a hybrid model has a Thinking switch and a thinking budget", async ({ page, t, sim }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen3-8B");
  await page.getByRole("button", { name: t("chat.settings.open") }).click();
  const thinking = page.getByRole("switch", { name: t("chat.settings.thinking") });
  await expect(thinking).toHaveAttribute("aria-checked", "true");
  const budget = page.getByLabel(t("chat.settings.thinkingBudget"));
  await budget.fill("50");
  await expect(budget).toHaveAttribute("aria-invalid", "true");
  await budget.fill("512");
  await expect(budget).not.toHaveAttribute("aria-invalid");
  await chat.ask("Think first: what is 17 × 23?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  let body = (await sim.log({ path: "/chat/completions" })).at(-1)?.body as Record<string, unknown>;
  expect(body.thinking_budget).toBe(512);
  await expect(chat.lastReply().getByTestId("reasoning")).toBeVisible();

  await thinking.click();
  await expect(thinking).toHaveAttribute("aria-checked", "false");
  await expect(budget).toBeDisabled();
  await chat.ask("Now answer without thinking: 2 + 2?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  body = (await sim.log({ path: "/chat/completions" })).at(-1)?.body as Record<string, unknown>;
  expect(body.enable_thinking).toBe(false);
  expect(body.thinking_budget).toBeUndefined();
  await expect(chat.lastReply().getByTestId("reasoning")).toHaveCount(0);
});

test("a reply cut by max tokens says so and offers Continue; a filtered one says why", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("[[finish:length]] Explain photosynthesis.");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(reply.getByTestId("finish-notice")).toHaveAttribute("data-reason", "length");
  await expect(reply.getByTestId("finish-notice")).toHaveText(t("chat.notice.length"));
  await chat.action(reply, "chat.actions.continue").click();
  await chat.waitForStatus(reply, "complete");
  await expect(reply.getByTestId("finish-notice")).toHaveCount(0);
  await expect(chat.action(reply, "chat.actions.continue")).toHaveCount(0);

  await chat.ask("[[finish:sensitive]] Something the filter dislikes.");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.lastReply().getByTestId("finish-notice")).toHaveText(t("chat.notice.sensitive"));
});
