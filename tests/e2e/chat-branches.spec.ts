import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// Regenerate and Edit make new versions beside the old ones; both stay reachable (1/2, 2/2).
// The simulator answers the same question the same way, so the versions differ by model or question.

test("Regenerate keeps both versions, switchable and remembered", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("Name three prime numbers.");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(chat.content(reply)).toContainText("Qwen/Qwen2.5-7B-Instruct");

  // Regenerate with another model: a second version under the same question.
  await chat.pickModel("glm-4-flash");
  await chat.action(reply, "chat.actions.regenerate").click();
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.content(chat.lastReply())).toContainText("glm-4-flash");
  await expect(chat.lastReply().getByTestId("message-version")).toHaveText("2/2");
  await expect(chat.assistantMessages).toHaveCount(1);
  await expect(chat.userMessages).toHaveCount(1);

  await chat.action(chat.lastReply(), "chat.version.prev").click();
  await expect(chat.lastReply().getByTestId("message-version")).toHaveText("1/2");
  await expect(chat.content(chat.lastReply())).toContainText("Qwen/Qwen2.5-7B-Instruct");

  // The chosen version is stored.
  await page.reload();
  await chat.ready();
  await expect(chat.lastReply().getByTestId("message-version")).toHaveText("1/2");
  await chat.action(chat.lastReply(), "chat.version.next").click();
  await expect(chat.content(chat.lastReply())).toContainText("glm-4-flash");
});

test("Edit resends the question as a new branch and keeps the old one", async ({ page, t, sim }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("What is the capital of France?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await chat.ask("And its population?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.userMessages).toHaveCount(2);

  // Edit the first question: the thread below it is replaced by the new branch.
  const first = chat.userMessages.first();
  await chat.action(first, "chat.actions.edit").click();
  const box = first.getByRole("textbox", { name: t("chat.edit.label") });
  await box.fill("What is the capital of Italy?");
  await first.getByRole("button", { name: t("chat.edit.save") }).click();
  await expect(chat.userMessages).toHaveCount(1);
  await expect(chat.userMessages.first()).toContainText("Italy");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.content(chat.lastReply())).toContainText("Italy");
  await expect(chat.userMessages.first().getByTestId("message-version")).toHaveText("2/2");
  // The resent thread holds the edited question only.
  const body = (await sim.log({ path: "/chat/completions" })).at(-1)?.body as { messages: { content: unknown }[] };
  expect(JSON.stringify(body.messages)).not.toContain("France");

  // The old branch, with its follow-up, is one click away.
  await chat.action(chat.userMessages.first(), "chat.version.prev").click();
  await expect(chat.userMessages).toHaveCount(2);
  await expect(chat.userMessages.first()).toContainText("France");
  await expect(chat.userMessages.last()).toContainText("population");
});
