import { restoreSentence } from "../../lib/db/backup-summary";
import { ChatPage } from "./pages/chat-page";
import { PromptsPage } from "./pages/prompts-page";
import { expect, test } from "./support/fixtures";

// Issue 24: the prompt library through "/" in the message box, and the keyboard-only palette.

test("typing / inserts a saved prompt after asking for its variable, and it is sent as filled", async ({
  page,
  t,
  sim,
  locale,
}) => {
  const zh = locale === "zh";
  const title = zh ? "法语翻译" : "French translation";
  const variable = zh ? "内容" : "text";
  const body = zh ? `把 {{${variable}}} 翻译成法语。` : `Translate {{${variable}}} into French.`;
  const value = zh ? "早上好" : "good morning";
  const filled = body.replace(`{{${variable}}}`, value);

  const prompts = new PromptsPage(page, t);
  await prompts.goto();
  await prompts.create(title, body);
  await expect(prompts.item(title)).toBeVisible();

  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.input.fill("/");
  const list = prompts.picker;
  await expect(list.getByRole("option", { name: new RegExp(title) })).toBeVisible();
  // Typing narrows the list; Escape closes it and leaves the text alone.
  await chat.input.pressSequentially("zzz");
  await expect(list).toHaveCount(0);
  await chat.input.fill(`/${title.slice(0, 2)}`);
  await expect(list.getByRole("option")).toHaveCount(1);
  await chat.input.press("Enter");

  await prompts.fillAndInsert(title, variable, value);
  await expect(chat.input).toHaveValue(filled);
  await expect(chat.input).toBeFocused();

  await chat.input.press("Enter");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const sent = (await sim.log({ path: "/chat/completions" })).at(-1)?.body as {
    messages: { role: string; content: unknown }[];
  };
  expect(JSON.stringify(sent.messages.at(-1)?.content)).toContain(filled);
});

test("the command palette reaches a conversation by keyboard only, and ? lists the shortcuts", async ({
  page,
  t,
  locale,
}) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  const question = locale === "zh" ? "命令面板测试：章鱼有几颗心脏" : "Palette check: octopus hearts";
  await chat.ask(question);
  await chat.waitForStatus(chat.lastReply(), "complete");
  const id = chat.conversationId();
  await chat.newChat();
  await page.locator("body").click({ position: { x: 5, y: 5 } });

  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: t("palette.open") });
  const box = palette.getByRole("combobox", { name: t("palette.input") });
  await expect(box).toBeFocused();
  await page.keyboard.type(locale === "zh" ? "章鱼" : "octopus");
  const option = palette.getByRole("option", { name: question });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "");
  await page.keyboard.press("Enter");
  await expect(palette).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/chat/${id}$`));
  await expect(chat.userMessages.first()).toContainText(question);

  // Pages are reachable the same way.
  await page.keyboard.press("Control+k");
  await expect(box).toBeFocused();
  await page.keyboard.type(t("nav.settings"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings$/);

  // The theme chosen from the palette shows in the header's theme select at once, not after a reload.
  const themeSelect = page.getByRole("combobox", { name: t("theme.label") }).first();
  const dark = await page.locator("html").evaluate((html) => html.classList.contains("dark"));
  await page.keyboard.press("Control+k");
  await page.keyboard.type(t("palette.theme"));
  await page.keyboard.press("Enter");
  await expect(themeSelect).toHaveValue(dark ? "light" : "dark");

  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: t("shortcuts.title") });
  await expect(help).toContainText(t("shortcuts.palette"));
  await expect(help).toContainText(t("shortcuts.copyLast"));
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
});

test("a search hit opens its conversation at the matching message, with a plain-text snippet", async ({
  page,
  t,
  locale,
}) => {
  const zh = locale === "zh";
  const word = zh ? "独角鲸" : "narwhal";
  // One long conversation (imported), whose only mention of the word is near its start: opening it
  // at its end, as a conversation normally opens, would leave the match far out of sight.
  const now = Date.now();
  const conversationId = "search-landing";
  const messages = Array.from({ length: 60 }, (_, i) => {
    const text =
      i === 2
        ? zh
          ? `## 关于**${word}**\n\n- [${word}的长牙](https://example.com/tusk)很特别`
          : `## About the **${word}**\n\n- [${word} tusks](https://example.com/tusk) are special`
        : `${zh ? "第" : "Line "}${i}${zh ? "条：蜜蜂与花。" : ": bees and flowers."} ${"filler ".repeat(40)}`;
    return {
      id: `m-${String(i).padStart(3, "0")}`,
      conversationId,
      parentId: i === 0 ? null : `m-${String(i - 1).padStart(3, "0")}`,
      role: i % 2 === 0 ? "user" : "assistant",
      parts: [{ type: "text", text }],
      text,
      status: "complete",
      createdAt: now - (60 - i) * 60_000,
      updatedAt: now - (60 - i) * 60_000,
    };
  });
  const backup = {
    format: "siliconplay-backup",
    version: 1,
    conversations: [
      {
        id: conversationId,
        title: zh ? "长对话" : "A long conversation",
        titleSource: "user",
        pinned: 0,
        createdAt: now - 3_600_000,
        updatedAt: now,
        deletedAt: 0,
        usage: { input: 0, output: 0, reasoning: 0 },
        activeLeafId: "m-059",
      },
    ],
    messages,
  };
  await page.goto("/settings");
  await page.getByTestId("import-input").setInputFiles({
    name: "long.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.getByTestId("data-status")).toContainText(
    restoreSentence(t, locale, { conversations: 1, messages: 60 }, {}),
  );

  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.search.fill(word);
  const snippet = chat.conversations.getByTestId("search-snippet");
  await expect(snippet).toHaveCount(1);
  // As the message reads on screen: no heading, emphasis or link marks.
  await expect(snippet).toContainText(word);
  await expect(snippet).not.toContainText("**");
  await expect(snippet).not.toContainText("](");
  await expect(snippet).not.toContainText("##");

  await chat.conversations.getByRole("link", { name: backup.conversations[0]!.title }).click();
  await expect(page).toHaveURL(new RegExp(`/chat/${conversationId}$`));
  const found = page.locator("[data-found]");
  await expect(found).toContainText(word);
  await expect(found).toBeInViewport();
  await expect(found).toBeFocused();
  // The end of the thread is out of sight: the view stayed at the match.
  await expect(page.locator('[data-row-id="m-059"]')).not.toBeInViewport();
});
