import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// The empty chat's four example prompts (issue 19): each one sends at a click and the simulator
// answers with what it is meant to show.

type Part = { type: string; image_url?: { url: string } };

test("each example prompt on an empty chat sends and gets a matching answer", async ({ page, t, sim }) => {
  // Four conversations, one of them a long streamed answer.
  test.setTimeout(120_000);
  await sim.configure({ chatChunkDelayMs: 1 });
  const chat = new ChatPage(page, t);
  const starter = (kind: "reasoning" | "table" | "vision" | "long") =>
    page.getByRole("button", { name: t(`chat.starter.${kind}.title`) });
  await chat.goto();
  await expect(page.getByTestId("starter-prompt")).toHaveCount(4);

  // Reasoning: the trace in the reasoning pane, the answer with display math.
  await starter("reasoning").click();
  await expect(chat.userMessages.last()).toContainText(t("chat.starter.reasoning.prompt"));
  let reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(reply.getByTestId("reasoning")).toBeVisible();
  await expect(chat.content(reply).getByTestId("math-block")).toBeVisible();
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);

  // A table with inline math, and a Python code block.
  await chat.newChat();
  await starter("table").click();
  reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  const content = chat.content(reply);
  await expect(content.locator("table")).toBeVisible();
  await expect(content.locator("table tbody tr")).toHaveCount(3);
  await expect(content.locator("table").getByTestId("math-inline").first()).toBeVisible();
  await expect(content.getByTestId("code-block").getByTestId("code-language")).toHaveText(/python/i);

  // Vision: the bundled picture goes with the question (a vision model is picked if needed).
  await chat.newChat();
  const chosen = await chat.modelPicker.getAttribute("data-model");
  await starter("vision").click();
  reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(chat.userMessages.last().locator("img")).toBeVisible();
  const body = (await sim.log({ path: "/chat/completions" })).at(-1)?.body as {
    messages: { role: string; content: string | Part[] }[];
  };
  const parts = body.messages.at(-1)?.content as Part[];
  expect(parts.some((p) => p.type === "image_url" && p.image_url?.url.startsWith("data:image/"))).toBe(true);
  // The description: a heading and four points about the picture.
  await expect(chat.content(reply).locator("h2")).toHaveCount(1);
  await expect(chat.content(reply).locator("li")).toHaveCount(4);

  // That model answered this conversation only: a new chat still starts with the user's model.
  await expect(chat.modelPicker).not.toHaveAttribute("data-model", chosen ?? "");
  await chat.newChat();
  await expect(chat.modelPicker).toHaveAttribute("data-model", chosen ?? "");

  // A long answer: a section per step.
  await starter("long").click();
  reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(chat.content(reply).locator("h2")).toHaveCount(8);
  await expect(chat.content(reply).getByTestId("code-block")).toHaveCount(1);
});
