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
