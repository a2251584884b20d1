import { readFile, writeFile } from "node:fs/promises";
import { exportSentence, restoreSentence } from "../../lib/db/backup-summary";
import { ChatPage } from "./pages/chat-page";
import { SettingsPage } from "./pages/settings-page";
import { expect, test } from "./support/fixtures";

// Export → a fresh browser profile (nothing stored) → import restores identical data, and a
// second import of the same file adds nothing.

const TABLES = ["conversations", "messages", "images", "videos", "speech", "attachments"] as const;

async function exportFile(page: import("@playwright/test").Page, t: import("../../lib/i18n").Translate) {
  const settings = new SettingsPage(page, t);
  await settings.goto();
  const path = await (await settings.exportBackup()).path();
  return JSON.parse(await readFile(path, "utf8")) as Record<string, unknown[]> & { format: string };
}

test("export, then import into an empty browser, restores identical data", async ({ page, browser, t, locale }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  const question = locale === "zh" ? "备份测试：请解释推理模型" : "Backup check: explain reasoning models";
  await chat.ask(question);
  await chat.waitForStatus(chat.lastReply(), "complete");
  const original = await exportFile(page, t);
  expect(original.format).toBe("siliconplay-backup");
  expect(original.conversations?.length).toBe(1);
  expect(original.messages?.length).toBe(2);

  const fresh = await browser.newContext({ locale: locale === "zh" ? "zh-CN" : "en-US" });
  const other = await fresh.newPage();
  const otherSettings = new SettingsPage(other, t);
  await otherSettings.goto();
  const path = test.info().outputPath("backup.json");
  await writeFile(path, JSON.stringify(original));
  await otherSettings.importInput.setInputFiles(path);
  // The whole sentence: its first word alone also matches the "Importing…" shown while it runs.
  await expect(otherSettings.dataStatus).toContainText(
    restoreSentence(t, locale, { conversations: 1, messages: 2 }, {}),
  );

  const restored = await exportFile(other, t);
  for (const table of TABLES) expect(restored[table], table).toEqual(original[table]);

  // The conversation is back in the sidebar with its messages.
  const chat2 = new ChatPage(other, t);
  await chat2.goto();
  await expect(chat2.conversations.getByRole("link").first()).toBeVisible();
  await chat2.conversations.getByRole("link").first().click();
  await expect(chat2.userMessages.first()).toContainText(question);

  // Importing the same file again adds nothing and says so.
  await otherSettings.goto();
  await otherSettings.importInput.setInputFiles(path);
  await expect(otherSettings.dataStatus).toContainText(
    restoreSentence(t, locale, {}, { conversations: 1, messages: 2 }),
  );
  await fresh.close();
});

test("a file that is not a backup is refused with a clear alert", async ({ page, t, locale }) => {
  const settings = new SettingsPage(page, t);
  await settings.goto();
  await settings.importInput.setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello":"world"}'),
  });
  const alert = page.getByRole("alert").and(page.locator("[data-error-code]"));
  await expect(alert).toBeVisible();
  // Says what the file is not, in the reader's language.
  await expect(alert).toContainText(locale === "zh" ? "不是 SiliconPlay 备份" : "is not a SiliconPlay backup");
});

test("one conversation exports as Markdown from its menu", async ({ page, t, locale }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  const question = locale === "zh" ? "导出测试：蜜蜂如何跳舞" : "Export check: how do bees dance";
  await chat.ask(question);
  await chat.waitForStatus(chat.lastReply(), "complete");

  const title = ((await chat.conversations.getByRole("link").first().textContent()) ?? "").trim();
  await chat.conversations.getByRole("button", { name: t("chat.row.actions", { title }) }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: t("chat.row.exportMarkdown") }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  const text = await readFile((await file.path())!, "utf8");
  expect(text).toContain(question);
  // Headings name the speakers in the page's language, and the reply follows the question.
  const [you, assistant] = locale === "zh" ? ["你", "助手"] : ["You", "Assistant"];
  const youAt = text.indexOf(`**${you}**`);
  const replyAt = text.indexOf(`**${assistant}`);
  expect(youAt).toBeGreaterThan(-1);
  // The title heading repeats the question; the message follows the speaker's label.
  const questionAt = text.indexOf(question, youAt);
  expect(questionAt).toBeGreaterThan(youAt);
  expect(replyAt).toBeGreaterThan(questionAt);
  expect(text.slice(replyAt).trim().length).toBeGreaterThan(40);
});

/** Rows in one of the app's IndexedDB stores, read without the app's own code (0 when the store is gone). */
function countRows(page: import("@playwright/test").Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("siliconplay");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve(0);
            return;
          }
          const req = db.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

test("Clear all data offers a backup first, then really empties IndexedDB", async ({ page, t, locale }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.ask(locale === "zh" ? "清除测试：海獭为什么牵手" : "Clear check: why do sea otters hold hands");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const settings = new SettingsPage(page, t);
  await settings.goto();
  expect(await countRows(page, "conversations")).toBe(1);
  expect(await countRows(page, "messages")).toBe(2);

  const dialog = await settings.openClearAll();
  // The backup is offered inside the dialog, and it is a real file of what is about to go.
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: t("data.clear.exportFirst") }).click();
  const backup = JSON.parse(await readFile((await (await download).path())!, "utf8")) as Record<string, unknown[]>;
  expect(backup.conversations?.length).toBe(1);
  await expect(dialog.getByTestId("clear-exported")).toHaveText(
    exportSentence(t, locale, { conversations: 1, messages: 2 }),
  );

  await dialog.getByRole("button", { name: t("data.clear.confirm") }).click();
  await expect(settings.dataStatus).toHaveText(t("data.cleared"));
  expect(await countRows(page, "conversations")).toBe(0);
  expect(await countRows(page, "messages")).toBe(0);
  await chat.goto();
  await expect(chat.conversations.getByRole("link")).toHaveCount(0);
});

test("Cancel in Clear all data keeps everything", async ({ page, t, locale }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.ask(locale === "zh" ? "保留测试" : "Keep check");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const settings = new SettingsPage(page, t);
  await settings.goto();
  const dialog = await settings.openClearAll();
  await dialog.getByRole("button", { name: t("data.clear.cancel") }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await countRows(page, "conversations")).toBe(1);
});
