import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// Cost and speed under every reply, the conversation's total, Spending in Settings and the budget.

const PAID = "deepseek-ai/DeepSeek-V3";

test("a reply shows its cost and speed; Settings adds it to today's spending and warns over budget", async ({
  page,
  t,
  sim,
}) => {
  // A 20 KB answer, so its cost passes the smallest budget the field takes (¥0.01).
  await sim.configure({ chatChunkDelayMs: 0 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(PAID);
  await chat.ask("Write about autumn. [[long:20]]");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");

  // The cost follows the provider's own counts: DeepSeek-V3 is ¥2 in / ¥8 out per million tokens.
  const [request] = await sim.log({ path: "/chat/completions" });
  expect(request).toBeDefined();
  const cost = reply.getByTestId("message-cost");
  await expect(cost).toHaveText(/^¥0\.\d{4}$/);
  const yuan = Number(await cost.getAttribute("data-yuan"));
  const usage = (await reply.getByTestId("message-usage").textContent()) ?? "";
  const [input, output] = (usage.match(/\d+/g) ?? []).map(Number);
  expect(yuan).toBeCloseTo(((input ?? 0) * 2 + (output ?? 0) * 8) / 1_000_000, 10);
  await expect(reply.getByTestId("message-speed")).toBeVisible();
  const shown = (await cost.textContent()) ?? "";
  await expect(page.getByTestId("conversation-cost")).toContainText(shown);

  // Settings: today's spending is that reply; a budget below it is over, and says so.
  await page.goto("/settings");
  await expect(page.getByTestId("spending-today")).toHaveText(shown, { timeout: 20_000 });
  await expect(page.getByTestId("spending-chart")).toBeVisible();
  await page.getByLabel(t("spending.budget.monthly")).fill("0.01");
  await page.getByLabel(t("spending.budget.monthly")).blur();
  await expect(page.getByTestId("budget-status")).toHaveAttribute("data-level", "over");

  // Blocking is off: the chat warns and still sends.
  await chat.goto();
  await expect(page.getByTestId("budget-notice")).toHaveAttribute("data-level", "over");
});

test("with refusing turned on, a paid request over budget is refused and the text kept; a free one goes", async ({
  page,
  t,
  sim,
}) => {
  await sim.configure({ chatChunkDelayMs: 0 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(PAID);
  await chat.ask("Words for happy. [[long:20]]");
  await chat.waitForStatus(chat.lastReply(), "complete");

  await page.goto("/settings");
  await page.getByLabel(t("spending.budget.monthly")).fill("0.01");
  await page.getByLabel(t("spending.budget.monthly")).blur();
  await page.getByRole("switch", { name: t("spending.budget.block") }).click();
  await expect(page.getByTestId("budget-status")).toHaveAttribute("data-level", "over");

  await chat.goto();
  await chat.newChat();
  await chat.pickModel(PAID);
  await chat.input.fill("Another word for sad?");
  await chat.input.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: t("budget.blocked") })).toBeVisible();
  await expect(chat.input).toHaveValue("Another word for sad?");
  await expect(chat.userMessages).toHaveCount(0);

  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.input.press("Enter");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.lastReply().getByTestId("message-cost")).toHaveText("¥0");
});
