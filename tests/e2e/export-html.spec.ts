import { readFile } from "node:fs/promises";
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
  const toggle = page.getByRole("switch", { name: t("search.switch") });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  const question = locale === "zh" ? "导出网页测试：蜜蜂如何跳舞" : "HTML export check: how do bees dance";
  await chat.ask(`[[rate:400]] ${question}`);
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.lastReply().getByTestId("citation")).toHaveCount(5);

  const title = ((await chat.conversations.getByRole("link").first().textContent()) ?? "").trim();
  await chat.conversations.getByRole("button", { name: t("chat.row.actions", { title }) }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: t("export.html") }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.html$/);
  const path = (await file.path())!;
  const html = await readFile(path, "utf8");
  expect(html).not.toMatch(/<script/i);

  // Opened from disk, in a fresh page: only the file itself is requested.
  const viewer = await context.newPage();
  const requests: string[] = [];
  viewer.on("request", (r) => requests.push(r.url()));
  await viewer.goto(`file://${path}`);
  await expect(viewer.locator("article.user")).toContainText(question);
  const reply = viewer.locator("article.assistant");
  await expect(reply.locator("header")).toContainText(t("export.assistant"));
  await expect(reply.locator(".sources li")).toHaveCount(5);
  await expect(reply.locator(".sources a").first()).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(reply.locator("sup.cite a").first()).toHaveAttribute("href", /^https:\/\//);
  // The simulator's reply has a TypeScript block: exported with its colors.
  await expect(reply.locator(".code code.hl span").first()).toBeVisible();
  await viewer.waitForLoadState("load");
  expect(requests).toEqual([`file://${path}`]);
  await viewer.close();
});
