import { bilingual } from "../../lib/i18n";
import { ChatPage, pattern } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// Streaming, reasoning, Stop, reload + Continue, and errors, against the simulator over HTTP.

test("a streamed reply appears token by token and is stored with its usage", async ({ page, t, sim }) => {
  await sim.configure({ chatChunkDelayMs: 40 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("[[long:1]] How do rivers form?");

  await expect(chat.userMessages.first()).toContainText("How do rivers form?");
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);
  const reply = chat.lastReply();
  const content = chat.content(reply);
  await expect(chat.stop).toBeVisible();
  await expect(reply).toHaveAttribute("data-status", "streaming");
  // Seen part-way: some text, not yet the whole reply.
  await expect(content).not.toBeEmpty();
  const early = (await chat.answer(reply)).length;
  await expect.poll(async () => (await chat.answer(reply)).length).toBeGreaterThan(early);
  await chat.waitForStatus(reply, "complete");
  await expect(chat.send).toBeVisible();
  const final = await chat.answer(reply);
  expect(final.length).toBeGreaterThan(early);

  // Usage per reply and per conversation.
  await expect(reply.getByTestId("message-usage")).toContainText(/\d/);
  await expect(page.getByTestId("conversation-usage")).toContainText(/\d/);

  // What the app sent upstream: the thread and the chosen model, streamed.
  const calls = await sim.log({ path: "/chat/completions" });
  const body = calls.at(-1)?.body as { model: string; stream: boolean; messages: { role: string }[] };
  expect(body.model).toBe("Qwen/Qwen2.5-7B-Instruct");
  expect(body.stream).toBe(true);

  // Stored: a reload shows the same reply, complete, under a title made from the question.
  await page.reload();
  await chat.ready();
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.content(chat.lastReply())).toHaveText(final);
  await expect(chat.conversationLink(/How do rivers form/)).toBeVisible();
});

test("the reasoning pane streams while the model thinks, collapses for the answer, and reopens", async ({
  page,
  t,
  sim,
}) => {
  await sim.configure({ chatChunkDelayMs: 40 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("deepseek-ai/DeepSeek-R1");
  await chat.ask("Why is the sky blue?");

  const reply = chat.lastReply();
  const pane = reply.getByTestId("reasoning");
  const toggle = pane.getByRole("button");
  const thoughts = pane.getByTestId("reasoning-content");
  // Open while thinking, with the thoughts arriving and no answer yet.
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(toggle).toHaveText(t("chat.reasoning.thinking"));
  await expect(thoughts).toBeVisible();
  await expect(thoughts).not.toBeEmpty();
  await expect(chat.content(reply)).toBeEmpty();

  // The answer starts: the pane closes by itself and says how long the model thought.
  await expect(chat.content(reply)).not.toBeEmpty({ timeout: 20_000 });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(thoughts).toBeHidden();
  const duration = pattern(t("chat.reasoning.thoughtFor"), { seconds: "\\d+" });
  await expect(toggle).toHaveText(duration);

  // A click reopens it; the thoughts are all there.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(thoughts).toBeVisible();
  await expect(thoughts).toContainText("Why is the sky blue?");
  await chat.waitForStatus(reply, "complete");
  await expect(toggle).toHaveText(duration);

  // The thinking time is stored with the reply.
  await page.reload();
  await chat.ready();
  await expect(chat.lastReply().getByTestId("reasoning").getByRole("button")).toHaveText(duration);
});

test("Stop keeps the partial reply, marks it stopped, and Continue carries it on", async ({ page, t, sim }) => {
  await sim.configure({ chatChunkDelayMs: 50 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("[[long:20]] Write a long essay about tides.");
  const reply = chat.lastReply();
  const content = chat.content(reply);
  await expect(content).not.toBeEmpty();
  await chat.stop.click();

  await chat.waitForStatus(reply, "stopped");
  const kept = await chat.answer(reply);
  expect(kept.length).toBeGreaterThan(0);
  await expect(reply.getByTestId("finish-notice")).toHaveText(t("chat.notice.stopped"));
  // Nothing more arrives after Stop.
  await page.waitForTimeout(500);
  await expect(content).toHaveText(kept);
  await expect(chat.send).toBeVisible();

  // Stored as stopped, text and all.
  await page.reload();
  await chat.ready();
  await chat.waitForStatus(chat.lastReply(), "stopped");
  await expect(chat.content(chat.lastReply())).toHaveText(kept);

  await sim.configure({ chatChunkDelayMs: 0 });
  await chat.action(chat.lastReply(), "chat.actions.continue").click();
  await chat.waitForStatus(chat.lastReply(), "complete");
  const continued = await chat.answer(chat.lastReply());
  expect(continued.startsWith(kept.trimEnd().slice(0, 40))).toBe(true);
  expect(continued.length).toBeGreaterThan(kept.length);
  // The model carried its answer on; it did not answer the "continue" instruction as a question.
  // The instruction the server adds (lib/chat/server/messages.ts), read from the same message key:
  // that module is server-only, so the spec cannot import it.
  for (const instruction of Object.values(bilingual({ key: "chat.continueInstruction" })))
    expect(continued).not.toContain(instruction.slice(0, 20));
  const last = (await sim.log({ path: "/chat/completions" })).at(-1)?.body as { messages: { role: string }[] };
  // Continue sends the cut reply back so the model carries it on.
  expect(last.messages.some((m) => m.role === "assistant")).toBe(true);
});

test("Escape stops a streaming reply", async ({ page, t, sim }) => {
  await sim.configure({ chatChunkDelayMs: 50 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("[[long:20]] Tell me about glaciers.");
  await expect(chat.content(chat.lastReply())).not.toBeEmpty();
  await page.keyboard.press("Escape");
  await chat.waitForStatus(chat.lastReply(), "stopped");
});

test("a reload mid-stream keeps the reply as interrupted, and Continue completes it", async ({ page, t, sim }) => {
  await sim.configure({ chatChunkDelayMs: 50 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("[[long:20]] Describe the water cycle in detail.");
  // Long enough that the throttled saver has written some of it.
  await expect.poll(async () => (await chat.answer(chat.lastReply())).length, { timeout: 20_000 }).toBeGreaterThan(300);
  const url = page.url();

  await page.reload();
  await chat.ready();
  expect(page.url()).toBe(url);
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "interrupted");
  await expect(reply.getByTestId("finish-notice")).toHaveText(t("chat.notice.interrupted"));
  const kept = await chat.answer(reply);
  expect(kept.length).toBeGreaterThan(100);

  await sim.configure({ chatChunkDelayMs: 0 });
  await chat.action(reply, "chat.actions.continue").click();
  await chat.waitForStatus(reply, "complete");
  const done = await chat.answer(reply);
  expect(done.length).toBeGreaterThan(kept.length);
  expect(done.startsWith(kept.slice(0, 100))).toBe(true);
});

test("a 429 shows an alert on the reply, keeps the question, and Retry succeeds", async ({ page, t, sim }) => {
  // Enough 429s to outlast the server's own retries before the first byte.
  await sim.fault({ fault: "rate-limit", path: "/chat/completions", times: 3 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  const question = "What makes a good sourdough starter?";
  await chat.ask(question);

  const reply = chat.lastReply();
  const alert = reply.getByRole("alert");
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toHaveAttribute("data-error-code", "rate_limited");
  await chat.waitForStatus(reply, "failed");
  // What the user typed is kept: stored as their message, shown above the failed reply.
  await expect(chat.userMessages.last()).toHaveText(question);

  await sim.clearFaults();
  await alert.getByRole("button", { name: t("common.retry") }).click();
  await chat.waitForStatus(reply, "complete");
  await expect(chat.content(reply)).toContainText(question);
  await expect(reply.getByRole("alert")).toHaveCount(0);
  await expect(chat.assistantMessages).toHaveCount(1);
});

test("a stream cut by the provider keeps what arrived as interrupted, and Continue completes it", async ({
  page,
  t,
  sim,
}) => {
  await sim.fault({ fault: "cut-stream", path: "/chat/completions" });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("Tell me about coral reefs.");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "interrupted");
  await expect(reply.getByRole("alert")).toHaveAttribute("data-error-code", "stream_interrupted");
  const kept = await chat.answer(reply);
  expect(kept.length).toBeGreaterThan(0);
  await chat.action(reply, "chat.actions.continue").click();
  await chat.waitForStatus(reply, "complete");
  await expect(reply.getByRole("alert")).toHaveCount(0);
  expect((await chat.answer(reply)).length).toBeGreaterThan(kept.length);
});

test("Enter sends, Shift+Enter makes a new line", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.input.fill("first line");
  await chat.input.press("Shift+Enter");
  await chat.input.pressSequentially("second line");
  await expect(chat.input).toHaveValue("first line\nsecond line");
  await expect(chat.userMessages).toHaveCount(0);
  await chat.input.press("Enter");
  await expect(chat.userMessages.first()).toHaveText("first line\nsecond line");
  await expect(chat.input).toHaveValue("");
  await chat.waitForStatus(chat.lastReply(), "complete");
});
