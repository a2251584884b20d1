import { readFile, writeFile } from "node:fs/promises";
import { restoreSentence } from "../../lib/db/backup-summary";
import { AssistantsPage } from "./pages/assistants-page";
import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { solidPng } from "./support/images";

// Issue 24: folders in the sidebar (kept across reload, export and import) and assistants
// (a preset whose model and system prompt reach the provider).

test("a conversation moved into a folder stays there after reload, export and import", async ({
  page,
  browser,
  t,
  locale,
}) => {
  // Two browser profiles, an export and an import: more steps than the default budget.
  test.slow();
  const chat = new ChatPage(page, t);
  await chat.goto();
  const question = locale === "zh" ? "文件夹测试：蜜蜂如何交流" : "Folder check: how do bees talk";
  const folderName = locale === "zh" ? "工作" : "Work";
  await chat.ask(question);
  await chat.waitForStatus(chat.lastReply(), "complete");

  await chat.conversations.getByRole("button", { name: t("organize.folder.new"), exact: true }).click();
  const create = page.getByRole("dialog", { name: t("organize.folder.new") });
  await create.getByLabel(t("organize.folder.name")).fill(folderName);
  await create.getByRole("button", { name: t("organize.folder.create"), exact: true }).click();
  const folder = chat.conversations.getByRole("group", { name: folderName });
  await expect(folder).toBeVisible();
  await expect(folder).toContainText(t("organize.folder.empty"));

  // The conversation's menu moves it.
  const title = ((await chat.conversationLink(question).textContent()) ?? "").trim();
  await chat.conversations.getByRole("button", { name: t("chat.row.actions", { title }) }).click();
  await page.getByRole("menuitem", { name: t("organize.move") }).click();
  await page
    .getByRole("dialog", { name: t("organize.move.title", { title }) })
    .getByRole("button", { name: folderName })
    .click();
  await expect(folder.getByRole("link", { name: title })).toBeVisible();
  await expect(chat.conversationLink(title)).toHaveCount(1);

  await page.reload();
  await chat.ready();
  await expect(
    chat.conversations.getByRole("group", { name: folderName }).getByRole("link", { name: title }),
  ).toBeVisible();

  // Export, then import into an empty browser: the folder and its conversation come back together.
  await page.goto("/settings");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: t("data.export"), exact: true }).click();
  const backup = JSON.parse(await readFile((await (await download).path())!, "utf8")) as {
    folders: { id: string; name: string }[];
    conversations: { folderId: string }[];
  };
  expect(backup.folders.map((f) => f.name)).toEqual([folderName]);
  expect(backup.conversations[0]?.folderId).toBe(backup.folders[0]?.id);
  const fresh = await browser.newContext({ locale: locale === "zh" ? "zh-CN" : "en-US" });
  const other = await fresh.newPage();
  await other.goto("/settings");
  const path = test.info().outputPath("backup.json");
  await writeFile(path, JSON.stringify(backup));
  await other.getByTestId("import-input").setInputFiles(path);
  await expect(other.getByTestId("data-status")).toContainText(
    restoreSentence(t, locale, { conversations: 1, messages: 2, folders: 1 }, {}),
  );
  const chat2 = new ChatPage(other, t);
  await chat2.goto();
  await expect(
    chat2.conversations.getByRole("group", { name: folderName }).getByRole("link", { name: title }),
  ).toBeVisible();
  await fresh.close();

  // Deleting the folder sends the conversation back to the main list; nothing is deleted.
  await chat.goto();
  await chat.conversations.getByRole("button", { name: t("organize.folder.actions", { name: folderName }) }).click();
  await page.getByRole("menuitem", { name: t("organize.folder.delete") }).click();
  await page
    .getByRole("dialog", { name: t("organize.folder.delete") })
    .getByRole("button", { name: t("organize.folder.delete") })
    .click();
  await expect(chat.conversations.getByRole("group", { name: folderName })).toHaveCount(0);
  await expect(chat.conversationLink(title)).toBeVisible();
});

test("an assistant starts a chat whose model and system prompt reach the provider", async ({
  page,
  t,
  sim,
  locale,
}) => {
  const assistants = new AssistantsPage(page, t);
  await assistants.goto();
  await expect(assistants.heading).toBeVisible();
  const name = locale === "zh" ? "海盗助手" : "Pirate helper";
  const prompt = locale === "zh" ? "像海盗一样回答。" : "Answer like a pirate.";
  await assistants.newAssistant.click();
  const form = assistants.fields;
  await form.name.fill(name);
  await form.systemPrompt.fill(prompt);
  await expect(form.model.locator("option[value='siliconflow:Qwen/Qwen2.5-7B-Instruct']")).toHaveCount(1);
  await form.model.selectOption("siliconflow:Qwen/Qwen2.5-7B-Instruct");
  // The model takes JSON mode (its catalog entry), so the form offers it; Start chat copies it.
  await form.jsonMode.click();
  // A picture besides the emoji: re-encoded small in the browser, shown on the card and the chat's badge.
  await form.image.setInputFiles({
    name: "pirate.png",
    mimeType: "image/png",
    buffer: solidPng(300, 200),
  });
  await expect(form.removeImage).toBeVisible();
  await form.save.click();
  await expect(assistants.form).toHaveCount(0);

  const card = assistants.card(name);
  await expect(card).toContainText("Qwen/Qwen2.5-7B-Instruct");
  await expect(card.getByTestId("assistant-image")).toHaveAttribute("src", /^data:image\/png;base64,/);
  await assistants.start(name);
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);
  const chat = new ChatPage(page, t);
  await chat.ready();
  await expect(page.getByTestId("conversation-assistant")).toContainText(name);
  await expect(page.getByTestId("conversation-assistant").getByTestId("assistant-image")).toBeVisible();
  await expect(chat.modelPicker).toHaveAttribute("data-model", "siliconflow:Qwen/Qwen2.5-7B-Instruct");

  await chat.ask(locale === "zh" ? "你好" : "Hello");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const body = (await sim.log({ path: "/chat/completions", provider: "siliconflow" })).at(-1)?.body as {
    model: string;
    response_format?: unknown;
    messages: { role: string; content: unknown }[];
  };
  expect(body.model).toBe("Qwen/Qwen2.5-7B-Instruct");
  expect(body.response_format).toEqual({ type: "json_object" });
  // JSON mode adds its own instruction after the assistant's system prompt.
  expect(body.messages[0]).toMatchObject({ role: "system", content: expect.stringContaining(prompt) });
  // The badge stays after the first exchange and a reload.
  await page.reload();
  await chat.ready();
  await expect(page.getByTestId("conversation-assistant")).toContainText(name);
});

test("a starter assistant opens a chat with its opening message in the reader's language", async ({ page, t }) => {
  const assistants = new AssistantsPage(page, t);
  await assistants.goto();
  await assistants.start(t("assistants.starter.translate.name"));
  await expect(page.getByTestId("assistant-greeting")).toContainText(t("assistants.starter.translate.opening"));
  await expect(page.getByTestId("conversation-assistant")).toContainText(t("assistants.starter.translate.name"));
});

test("a plain new chat starts with the defaults set in Settings, and they reach the provider", async ({
  page,
  t,
  sim,
  locale,
}) => {
  const prompt = locale === "zh" ? "请始终用一句话回答。" : "Always answer in one sentence.";
  await page.goto("/settings");
  const section = page.getByRole("region", { name: t("defaults.heading") });
  const model = section.getByLabel(t("defaults.model"), { exact: true });
  await expect(model.locator("option[value='glm:glm-4-flash']")).toHaveCount(1);
  const temperature = section.getByLabel(t("chat.settings.temperature"), { exact: true });
  const save = section.getByRole("button", { name: t("defaults.save"), exact: true });
  // The fields' own clamp notices are statuses too; the form's is the one with words after a save.
  const saved = section.getByRole("status").filter({ hasText: /\S/ });
  // With no model chosen the range is every model's (0–2); picking GLM afterwards clamps on save.
  await temperature.fill("1.5");
  await temperature.blur();
  await expect(temperature).toHaveValue("1.5");
  await model.selectOption("glm:glm-4-flash");
  await save.click();
  await expect(saved).toHaveText(t("defaults.savedClamped", { model: "glm-4-flash" }));
  await expect(temperature).toHaveValue("1");
  await section.getByLabel(t("chat.settings.systemPrompt"), { exact: true }).fill(prompt);
  // The chat settings panel's number field: its range is the chosen model's (GLM takes 0–1), letters
  // are not taken, and a value out of range is clamped when the field is left, saying so.
  await expect(temperature).toHaveAccessibleDescription(new RegExp(t("ui.slider.range", { min: 0, max: 1 })));
  await temperature.clear();
  await temperature.pressSequentially("warm");
  await expect(temperature).toHaveValue("");
  await temperature.fill("3");
  await temperature.blur();
  await expect(temperature).toHaveValue("1");
  await expect(section.getByText(t("ui.number.clampedMax", { typed: 3, value: 1 }))).toBeVisible();
  await temperature.fill("0.4");
  await save.click();
  await expect(saved).toHaveText(t("defaults.saved"));

  const chat = new ChatPage(page, t);
  await chat.goto();
  await expect(chat.modelPicker).toHaveAttribute("data-model", "glm:glm-4-flash");
  await chat.ask(locale === "zh" ? "你好" : "Hello");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const body = (await sim.log({ path: "/chat/completions", provider: "glm" })).at(-1)?.body as {
    model: string;
    temperature?: number;
    messages: { role: string; content: unknown }[];
  };
  expect(body.model).toBe("glm-4-flash");
  expect(body.temperature).toBe(0.4);
  expect(body.messages[0]).toMatchObject({ role: "system", content: prompt });
});

test("with many folders the chat keeps to the window: the sidebar scrolls, the newest message is in view", async ({
  page,
  t,
  locale,
}) => {
  // A short window and a folder list several times its height (found by the 2,000-message bench:
  // the list stretched the page, so the thread opened far above its newest message).
  await page.setViewportSize({ width: 1100, height: 600 });
  const now = Date.now();
  const folders = Array.from({ length: 12 }, (_, f) => ({
    id: `tall-folder-${f}`,
    name: `Tall folder ${f}`,
    createdAt: now - 1000 * f,
    updatedAt: now - 1000 * f,
  }));
  const row = (id: string, title: string, folderId: string, at: number) => ({
    id,
    title,
    titleSource: "user",
    pinned: 0,
    createdAt: at,
    updatedAt: at,
    deletedAt: 0,
    usage: { input: 0, output: 0, reasoning: 0 },
    folderId,
  });
  const filed = folders.flatMap((f, i) =>
    [0, 1, 2].map((k) => row(`tall-${i}-${k}`, `Filed ${i}.${k}`, f.id, now - 3_600_000 - i * 10_000 - k)),
  );
  const messages = Array.from({ length: 30 }, (_, i) => {
    const text = `Message ${i}: ${"words about bees ".repeat(12)}`;
    return {
      id: `tall-m-${String(i).padStart(2, "0")}`,
      conversationId: "tall-open",
      parentId: i === 0 ? null : `tall-m-${String(i - 1).padStart(2, "0")}`,
      role: i % 2 === 0 ? "user" : "assistant",
      parts: [{ type: "text", text }],
      text,
      status: "complete",
      createdAt: now - (30 - i) * 60_000,
      updatedAt: now - (30 - i) * 60_000,
    };
  });
  const open = { ...row("tall-open", "The one to open", "", now), activeLeafId: "tall-m-29" };
  const backup = { format: "siliconplay-backup", version: 1, folders, conversations: [open, ...filed], messages };
  await page.goto("/settings");
  await page.getByTestId("import-input").setInputFiles({
    name: "tall.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.getByTestId("data-status")).toContainText(
    restoreSentence(
      t,
      locale,
      { conversations: 1 + filed.length, messages: messages.length, folders: folders.length },
      {},
    ),
  );

  const chat = new ChatPage(page, t);
  await chat.goto();
  await expect(chat.conversations.getByRole("group", { name: "Tall folder 11" })).toBeAttached();
  await chat.conversationLink("The one to open").click();
  await expect(page.locator('[data-row-id="tall-m-29"]')).toBeInViewport();
  // The page itself never scrolls: the sidebar and the thread scroll inside it.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
  await expect(chat.conversationLink("The one to open")).toBeInViewport();
});
