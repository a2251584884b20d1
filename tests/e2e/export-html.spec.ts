import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import type { Page } from "@playwright/test";
import { MAX_IMAGE_HEIGHT } from "../../lib/share/selection";
import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// "Export as HTML" (issue 22): one file, opened from disk in Chromium, shows the conversation with its
// sources and highlighted code, runs no script and makes no request at all.

test("a conversation exports as one HTML file that opens from disk with no network request", async ({
  page,
  context,
  t,
  locale,
}) => {
  test.setTimeout(90_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("glm-4-flash");
  // A plain reply first (the simulator's has a TypeScript block), then a grounded one with sources.
  const question = locale === "zh" ? "导出网页测试：蜜蜂如何跳舞" : "HTML export check: how do bees dance";
  await chat.ask(`[[rate:400]] ${question}`);
  await chat.waitForStatus(chat.lastReply(), "complete");
  const toggle = page.getByRole("switch", { name: t("search.switch") });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await chat.ask(locale === "zh" ? "[[rate:400]] 蜂群如何过冬" : "[[rate:400]] How do bees survive winter");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.lastReply().getByTestId("citation")).toHaveCount(5);

  const title = ((await chat.conversations.getByRole("link").first().textContent()) ?? "").trim();
  await chat.conversations.getByRole("button", { name: t("chat.row.actions", { title }) }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: t("export.html") }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.html$/);
  // Saved under its .html name, as a user's browser would: the type comes from the extension on disk.
  const path = test.info().outputPath("conversation.html");
  await file.saveAs(path);
  const html = await readFile(path, "utf8");
  expect(html).not.toMatch(/<script/i);

  // Opened from disk, in a fresh page: only the file itself is requested.
  const viewer = await context.newPage();
  const requests: string[] = [];
  viewer.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(path).href;
  await viewer.goto(url);
  await expect(viewer.locator("article.user").first()).toContainText(question);
  const [plain, grounded] = [viewer.locator("article.assistant").first(), viewer.locator("article.assistant").last()];
  await expect(viewer.locator("article.assistant")).toHaveCount(2);
  await expect(plain.locator("header")).toContainText(t("export.assistant"));
  // The plain reply's TypeScript block, exported with its colors.
  await expect(plain.locator(".code code.hl span").first()).toBeVisible();
  await expect(grounded.locator(".sources li")).toHaveCount(5);
  await expect(grounded.locator(".sources a").first()).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(grounded.locator("sup.cite a").first()).toHaveAttribute("href", /^https:\/\//);
  await viewer.waitForLoadState("load");
  expect(requests).toEqual([url]);
  await viewer.close();
});

test("a conversation exports as one tall PNG of its messages", async ({ page, t, locale }) => {
  test.setTimeout(90_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  const question = locale === "zh" ? "导出图片测试：蚂蚁如何分工" : "Image export check: how do ants divide work";
  await chat.ask(`[[rate:400]] ${question}`);
  await chat.waitForStatus(chat.lastReply(), "complete");
  await chat.ask("[[rate:400]] [[long:40]] And in more detail?");
  await chat.waitForStatus(chat.lastReply(), "complete");

  const title = ((await chat.conversations.getByRole("link").first().textContent()) ?? "").trim();
  await chat.conversations.getByRole("button", { name: t("chat.row.actions", { title }) }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: t("export.image") }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.png$/);
  const png = await readFile((await file.path())!);
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThanOrEqual(800);
  // Both turns, the long one in full: one image far taller than a screen.
  expect(height).toBeGreaterThan(2 * width);
  // Drawn, not blank: the page decodes it and finds dark (text) pixels in its upper part.
  const dark = await page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = Math.min(img.height, 600);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100) n++;
    return n;
  }, png.toString("base64"));
  expect(dark).toBeGreaterThan(500);
});

/** Width and height from a PNG's header, after checking it is one. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** How many dark (text) pixels the page finds in the image's upper part, decoded as a browser would. */
function darkPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = Math.min(img.height, 600);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100) n++;
    return n;
  }, png.toString("base64"));
}

test("selected messages, one scrolled out of the thread, export as a PNG of just them", async ({ page, t, locale }) => {
  test.setTimeout(120_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  const first = locale === "zh" ? "选择导出测试：鲸鱼如何睡觉" : "Selection export check: how do whales sleep";
  // Five turns, the fourth reply long. ChatPage.ask counts the rows on screen, which a virtualized
  // thread this long no longer holds all of: each reply is awaited at its place in the thread instead.
  const questions = [first, "Why?", "And dolphins?", "[[long:40]] In detail?", "Thanks"];
  for (const [i, question] of questions.entries()) {
    await chat.input.fill(`[[rate:400]] ${question}`);
    await expect(chat.send).toBeEnabled();
    await chat.input.press("Enter");
    const reply = page.locator(`[data-index="${2 * i + 1}"]`).getByTestId("message-assistant");
    await chat.waitForStatus(reply, "complete");
  }

  const toggle = page.getByRole("button", { name: t("export.select") });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const bar = page.getByRole("group", { name: t("export.selection") });
  const exportButton = bar.getByRole("button", { name: t("export.image") });
  await expect(bar).toContainText(t("export.selected", { count: 0 }));
  await expect(exportButton).toBeDisabled();
  const box = (n: number) => page.getByRole("checkbox", { name: t("export.selectMessage", { n }), exact: true });

  // The first question, above the long reply: reached by scrolling the thread to its top.
  const log = page.getByRole("log", { name: t("chat.log.label") });
  await log.evaluate((el) => el.scrollTo({ top: 0 }));
  await box(1).check();
  await log.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  // Scrolled out, its row has left the (virtualized) thread; the selection stays.
  await expect(box(1)).toHaveCount(0);
  await box(10).focus();
  await page.keyboard.press("Space");
  await expect(box(10)).toBeChecked();
  await expect(bar).toContainText(t("export.selected", { count: 2 }));

  let download = page.waitForEvent("download");
  await exportButton.click();
  const picked = await readFile((await (await download).path())!);
  const selection = pngSize(picked);
  expect(selection.width).toBeGreaterThanOrEqual(800);
  expect(await darkPixels(page, picked)).toBeGreaterThan(500);
  // Exported, the selection ends and the focus is back on the toggle.
  await expect(bar).toBeHidden();
  await expect(toggle).toBeFocused();

  // Escape leaves selection mode; the whole thread, selected with "Select all", is a far taller image.
  await toggle.click();
  await expect(box(10)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(bar).toBeHidden();
  await expect(box(10)).toHaveCount(0);
  await toggle.click();
  await bar.getByRole("button", { name: t("export.selectAll") }).click();
  await expect(bar).toContainText(t("export.selected", { count: 10 }));
  download = page.waitForEvent("download");
  await exportButton.click();
  const everything = pngSize(await readFile((await (await download).path())!));
  // Two short messages against ten with a long reply among them: only the selected ones were drawn.
  expect(everything.height).toBeGreaterThan(2 * everything.width);
  expect(everything.height).toBeGreaterThan(4 * selection.height);
  expect(selection.height).toBeLessThan(selection.width * 1.5);
});

test("an export that cannot be made says why in an alert and leaves the conversation as it was", async ({
  page,
  t,
}) => {
  test.setTimeout(120_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  // A reply so long that, drawn at a readable size, it would not fit in one image.
  await chat.ask("[[rate:100]] [[long:150]] Everything, at length");
  await chat.waitForStatus(chat.lastReply(), "complete", 60_000);

  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole("button", { name: t("export.select") }).click();
  const bar = page.getByRole("group", { name: t("export.selection") });
  await bar.getByRole("button", { name: t("export.selectAll") }).click();
  await bar.getByRole("button", { name: t("export.image") }).click();

  const alert = page.getByRole("alert").filter({ hasText: t("export.kept") });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(t("export.format.image"));
  await expect(alert).toContainText(String(MAX_IMAGE_HEIGHT));
  // It names the height the image would have had: past the limit.
  const height = Number(/(\d+) ?(?:px|像素)/.exec((await alert.textContent()) ?? "")?.[1]);
  expect(height).toBeGreaterThan(MAX_IMAGE_HEIGHT);
  expect(downloads).toEqual([]);
  // Nothing lost: the question and its whole reply are still there, and so is the selection, to narrow.
  await expect(chat.userMessages).toHaveCount(1);
  await expect(chat.assistantMessages).toHaveCount(1);
  await expect(chat.lastReply()).toHaveAttribute("data-status", "complete");
  // Only the part of a long reply near the view is mounted: its start is reached by scrolling to it.
  await chat.content(chat.lastReply()).evaluate((el) => el.scrollIntoView({ block: "start" }));
  await expect(chat.content(chat.lastReply())).toContainText("A long answer (150 KB)");
  await expect(bar).toContainText(t("export.selected", { count: 2 }));
  await alert.getByRole("button", { name: t("common.dismiss") }).click();
  await expect(alert).toBeHidden();
});
