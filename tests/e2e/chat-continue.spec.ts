import { CONTINUE_INSTRUCTION } from "../../lib/chat/messages";
import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// Continue on a reasoning model: each request's thinking is its own block (never glued onto the cut
// one), and the continuation carries the answer on instead of answering the "continue" instruction.

test("Stop while thinking, then Continue: each request's reasoning stays apart and the answer carries on", async ({
  page,
  t,
  sim,
  locale,
}) => {
  await sim.configure({ chatChunkDelayMs: 40 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("deepseek-ai/DeepSeek-R1");
  await chat.ask(locale === "zh" ? "天空为什么是蓝色的？" : "Why is the sky blue?");
  const reply = chat.lastReply();
  const blocks = reply.getByTestId("reasoning-block");

  // 1. Stopped while it thinks: reasoning, no answer yet.
  await expect(reply.getByTestId("reasoning-content")).not.toBeEmpty();
  await chat.stop.click();
  await chat.waitForStatus(reply, "stopped");
  await expect(chat.content(reply)).toBeEmpty();
  await expect(blocks).toHaveCount(1);
  const firstThoughts = (await blocks.first().textContent()) ?? "";
  expect(firstThoughts.length).toBeGreaterThan(0);

  // 2. Continue, and stop again once the answer has started.
  await chat.action(reply, "chat.actions.continue").click();
  await expect(chat.content(reply)).not.toBeEmpty({ timeout: 20_000 });
  await chat.stop.click();
  await chat.waitForStatus(reply, "stopped");
  const cut = await chat.answer(reply);
  await expect(blocks).toHaveCount(2);
  // The first block is exactly what was there: the new thinking went into a block of its own.
  await expect(blocks.first()).toHaveText(firstThoughts);
  await expect(blocks.nth(1)).toContainText(t("chat.reasoning.continued"));

  // 3. Continue to the end, fast.
  await sim.configure({ chatChunkDelayMs: 0 });
  await chat.action(reply, "chat.actions.continue").click();
  await chat.waitForStatus(reply, "complete");
  await expect(blocks).toHaveCount(3);
  await expect(blocks.first()).toHaveText(firstThoughts);
  const answer = await chat.answer(reply);
  expect(answer.startsWith(cut.trimEnd().slice(0, 20))).toBe(true);
  // The model carried its answer on; it did not answer the instruction.
  const instruction = locale === "zh" ? CONTINUE_INSTRUCTION.zh : CONTINUE_INSTRUCTION.en;
  expect(answer).not.toContain(instruction.slice(0, 12));
  const closing =
    locale === "zh" ? "同样的问题总会得到同样的回答。" : "Ask the same question again and you get the same answer.";
  expect(answer.split(closing).length - 1).toBe(1);
  // The continuation's thinking is short and about where the reply was cut, not the first chain again.
  const lastThoughts = (await blocks.nth(2).textContent()) ?? "";
  expect(lastThoughts).not.toContain(firstThoughts.slice(0, 30));

  // Stored that way: after a reload the blocks are still apart.
  await page.reload();
  await chat.ready();
  await expect(chat.lastReply().getByTestId("reasoning-block")).toHaveCount(3);
  await expect(chat.content(chat.lastReply())).toHaveText(answer);
});
