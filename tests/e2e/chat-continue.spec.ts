import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// Continue on a reasoning model: each request's thinking is its own block, never glued onto the cut
// one (the simulator's side of Continue is tested in tests/unit/simulator-continue.test.ts).

test("Stop while thinking, then Continue: each request's reasoning stays apart", async ({ page, t, sim, locale }) => {
  await sim.configure({ chatChunkDelayMs: 80 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("deepseek-ai/DeepSeek-R1");
  await chat.ask(locale === "zh" ? "天空为什么是蓝色的？" : "Why is the sky blue?");
  const reply = chat.lastReply();
  const blocks = reply.getByTestId("reasoning-block");

  // Stopped while it thinks: some reasoning, no answer yet.
  await expect(reply.getByTestId("reasoning-content")).not.toBeEmpty();
  await chat.stop.click();
  await chat.waitForStatus(reply, "stopped");
  await expect(chat.content(reply)).toBeEmpty();
  await expect(blocks).toHaveCount(1);
  const cutThoughts = (await blocks.first().textContent()) ?? "";
  expect(cutThoughts.length).toBeGreaterThan(0);

  // Continue: the model thinks again, in a block of its own; the cut thinking is left as it was.
  await sim.configure({ chatChunkDelayMs: 0 });
  await chat.action(reply, "chat.actions.continue").click();
  await chat.waitForStatus(reply, "complete");
  await expect(blocks).toHaveCount(2);
  await expect(blocks.first()).toHaveText(cutThoughts);
  await expect(blocks.nth(1)).toContainText(t("chat.reasoning.continued"));
  const opening = locale === "zh" ? "用户问的是" : "The user asks";
  await expect(blocks.nth(1)).toContainText(opening);
  // One whole answer, not two glued together.
  const closing =
    locale === "zh" ? "同样的问题总会得到同样的回答。" : "Ask the same question again and you get the same answer.";
  const answer = await chat.answer(reply);
  expect(answer.split(closing).length - 1).toBe(1);

  // Stored that way: after a reload the blocks are still apart.
  await page.reload();
  await chat.ready();
  await expect(chat.lastReply().getByTestId("reasoning-block")).toHaveCount(2);
  await expect(chat.lastReply().getByTestId("reasoning-block").first()).toHaveText(cutThoughts);
  await expect(chat.content(chat.lastReply())).toHaveText(answer);
});
