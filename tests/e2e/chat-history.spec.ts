import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// The Conversations nav: titles, search, rename / pin / delete with undo, and streams that keep
// running while the user is elsewhere.

test("search finds a conversation by a word in one of its messages", async ({ page, t, locale }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  const [question, word] =
    locale === "zh" ? ["请讲讲独角鲸的长牙有什么用", "独角鲸"] : ["Tell me about narwhal tusks", "narwhal"];
  await chat.ask(question);
  await chat.waitForStatus(chat.lastReply(), "complete");
  const id = chat.conversationId();

  // A second conversation, so the hit is not simply the open one.
  await chat.newChat();
  await chat.ask("Something unrelated about volcanoes");
  await chat.waitForStatus(chat.lastReply(), "complete");

  await chat.search.fill(word);
  const hit = chat.conversations.getByRole("link").filter({ hasText: word });
  await expect(hit).toHaveCount(1);
  await expect(chat.conversations.getByTestId("search-snippet").first()).toContainText(word);
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`/chat/${id}$`));
  await expect(chat.userMessages.first()).toHaveText(question);
});

test("rename, pin, and delete with undo", async ({ page, t }) => {
  // Two conversations and a dozen steps: more than the default minute on a busy machine.
  test.setTimeout(90_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("First topic: bees");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await chat.newChat();
  await chat.ask("Second topic: ants");
  await chat.waitForStatus(chat.lastReply(), "complete");

  const links = chat.conversations.getByRole("link");
  // Newest activity first, with titles made from the first question.
  await expect(links.first()).toHaveText(/Second topic: ants/);

  // Pin the older one: it moves above.
  const actionsFor = (title: string) =>
    chat.conversations.getByRole("button", { name: t("chat.row.actions", { title }) });
  await actionsFor("First topic: bees").click();
  await page.getByRole("menuitem", { name: t("chat.row.pin") }).click();
  await expect(links.first()).toHaveText(/First topic: bees/);

  // Rename it.
  await actionsFor("First topic: bees").click();
  await page.getByRole("menuitem", { name: t("chat.row.rename") }).click();
  const name = chat.conversations.getByRole("textbox", { name: t("chat.row.renameLabel") });
  await name.fill("Bee notes");
  await name.press("Enter");
  await expect(chat.conversationLink("Bee notes")).toBeVisible();

  // Delete, then undo: it comes back where it was.
  await actionsFor("Bee notes").click();
  await page.getByRole("menuitem", { name: t("chat.row.delete") }).click();
  await expect(chat.conversationLink("Bee notes")).toHaveCount(0);
  await page
    .getByTestId("undo-toast")
    .getByRole("button", { name: t("chat.undo") })
    .click();
  await expect(links.first()).toHaveText(/Bee notes/);

  // Deleting the open conversation leaves it for New chat; Undo opens it again.
  const openId = chat.conversationId();
  await actionsFor("Second topic: ants").click();
  await page.getByRole("menuitem", { name: t("chat.row.delete") }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(chat.userMessages).toHaveCount(0);
  await page
    .getByTestId("undo-toast")
    .getByRole("button", { name: t("chat.undo") })
    .click();
  await expect(chat.conversationLink("Second topic: ants")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/chat/${openId}$`));
  await expect(chat.userMessages.first()).toHaveText("Second topic: ants");

  // Delete for good once the notice is gone.
  await actionsFor("Bee notes").click();
  await page.getByRole("menuitem", { name: t("chat.row.delete") }).click();
  await expect(chat.conversationLink("Bee notes")).toHaveCount(0);
  await page.reload();
  await chat.ready();
  await expect(chat.conversationLink("Second topic: ants")).toBeVisible();
  await expect(chat.conversationLink("Bee notes")).toHaveCount(0);
});

test("a reply keeps streaming while the user opens another conversation or page", async ({ page, t, sim }) => {
  await sim.configure({ chatChunkDelayMs: 30 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("[[long:3]] Lighthouses: a long story");
  await expect(chat.content(chat.lastReply())).not.toBeEmpty();
  const id = chat.conversationId();

  // Away to a new chat and to another studio page, then back.
  await chat.newChat();
  await page
    .getByRole("navigation", { name: t("nav.primary") })
    .getByRole("link", { name: t("nav.settings") })
    .click();
  await expect(page).toHaveURL(/\/settings$/);
  await page
    .getByRole("navigation", { name: t("nav.primary") })
    .getByRole("link", { name: t("nav.chat") })
    .click();
  await chat.conversationLink(/Lighthouses/).click();
  await expect(page).toHaveURL(new RegExp(`/chat/${id}$`));

  // The same request finished (no second request was made) and the reply is whole.
  await chat.waitForStatus(chat.lastReply(), "complete");
  expect(await sim.log({ path: "/chat/completions" })).toHaveLength(1);
  expect((await chat.answer(chat.lastReply())).length).toBeGreaterThan(2000);
});

test("another open tab sees new conversations and replies live", async ({ page, context, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  const other = new ChatPage(await context.newPage(), t);
  await other.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("Seen from the other tab?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const link = other.conversationLink(/Seen from the other tab/);
  await expect(link).toBeVisible();
  await link.click();
  await other.waitForStatus(other.lastReply(), "complete");
  await expect(other.content(other.lastReply())).toHaveText(await chat.answer(chat.lastReply()));
});

test("on a phone the conversations are a drawer behind the Conversations button", async ({ page, t }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask("Small screen question");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.conversations).toBeHidden();
  const toggle = page.getByRole("button", { name: t("chat.conversations"), exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(chat.conversationLink(/Small screen question/)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await chat.conversationLink(/Small screen question/).click();
  await expect(chat.conversations).toBeHidden();
});
