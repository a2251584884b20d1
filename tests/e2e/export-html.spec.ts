import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
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
