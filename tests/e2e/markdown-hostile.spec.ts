import { en } from "../../lib/i18n/messages/markdown";
import { zh } from "../../lib/i18n/messages/zh/markdown";
import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { openTrap, TRAP_HOST } from "./support/trap";

// Model output that used to take the page down or make it fetch an attacker's URL. The simulator
// quotes the question (its first lines) at the top of its reply, so a question carries the reply.

test("pathological replies render, and the conversation opens again after a reload", async ({ page, t }) => {
  // Three long replies streamed and rendered, then all of them again after the reload.
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const chat = new ChatPage(page, t);
  await chat.goto();
  // Issue 18: 3,000 `>` overflowed the stack (and crashed again on every reload), 10,000 `*` too,
  // and a 1,000-level list held the main thread for half a minute.
  const questions = [`>`.repeat(3000), `${"*".repeat(5000)}a${"*".repeat(5000)}`, `${"- ".repeat(1000)}x`];
  for (const q of questions) {
    await chat.ask(`[[rate:400]] ${q}`);
    await chat.waitForStatus(chat.lastReply(), "complete");
  }
  const replies = chat.assistantMessages;
  await expect(replies).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    // The rest of each reply (after the quoted question) renders as usual.
    await expect(chat.content(replies.nth(i)).getByRole("heading", { name: "Simulated answer" })).toBeVisible();
    await expect(chat.content(replies.nth(i))).toContainText("Ask the same question again");
  }

  await page.reload();
  await chat.ready();
  await expect(replies).toHaveCount(3);
  await expect(chat.content(replies.last())).toContainText("Ask the same question again");
  await expect(chat.conversations.getByRole("link")).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("a diagram in a reply makes the browser fetch nothing; ordinary diagrams still draw", async ({
  page,
  context,
  t,
  locale,
}) => {
  test.setTimeout(120_000);
  const md = locale === "zh" ? zh : en;
  const trap = await openTrap(context);
  const chat = new ChatPage(page, t);
  await chat.goto();
  const fence = (...lines: string[]) => ["```mermaid", ...lines, "```"].join("\n");
  // Issue 17 finding 5: each of these loaded its URL with no click.
  const hostile = [
    fence(
      "graph TD",
      `  A["<img src='https://${TRAP_HOST}/label.png'>"] --> B["<img src='${trap.httpOrigin}/l.png'>"]`,
    ),
    fence("graph TD", "  A --> B", `  style A fill:url(https://${TRAP_HOST}/style.png)`),
    fence(
      `%%{init: {"themeCSS": ".node rect { fill: url(https://${TRAP_HOST}/theme.png) }"}}%%`,
      "graph TD",
      "  A --> B",
    ),
  ];
  for (const q of hostile) {
    await chat.ask(`[[rate:400]] ${q}`);
    await chat.waitForStatus(chat.lastReply(), "complete");
    const source = chat.content(chat.lastReply()).getByTestId("mermaid-source");
    await expect(source.getByRole("status")).toHaveText(md["markdown.mermaid.unsafe"]);
    await expect(chat.content(chat.lastReply()).getByTestId("mermaid-diagram")).toHaveCount(0);
  }
  await chat.ask(`[[rate:400]] ${fence("graph TD", "  Start --> Finish")}`);
  await chat.waitForStatus(chat.lastReply(), "complete");
  const diagram = chat.content(chat.lastReply()).getByTestId("mermaid-diagram");
  await expect(diagram).toHaveAttribute("aria-label", md["markdown.mermaid.label"], { timeout: 30_000 });
  await expect(diagram.locator("svg")).toContainText("Finish");
  // Drawn with its theme (the cleaned SVG keeps mermaid's own styles) and with SVG text labels.
  await expect(diagram.locator("svg style")).toHaveCount(1);
  await expect(diagram.locator("foreignObject")).toHaveCount(0);
  expect(trap.hits).toEqual([]);
  await trap.close();
});

test("the pages' CSP lets no markup load a remote image", async ({ page, context, request }) => {
  const trap = await openTrap(context);
  const csp = (await request.get("/chat")).headers()["content-security-policy"] ?? "";
  expect(csp).toContain("img-src 'self' blob: data:;");
  await page.goto("/chat");
  const blocked = await page.evaluate(
    async ({ https, http }) => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        if (e.effectiveDirective === "img-src") violations.push(e.blockedURI);
      });
      const box = document.createElement("div");
      // What a diagram's label, style or theme could have put in the page.
      box.innerHTML =
        `<img src="${https}/img.png"><img src="${http}/img.png">` +
        `<div style="width:9px;height:9px;background-image:url(${https}/css.png)"></div>`;
      document.body.append(box);
      // A same-origin image in the same batch: once it has loaded, the others were decided.
      const own = new Image();
      own.src = "/icons/icon-192.png";
      document.body.append(own);
      await own.decode();
      await new Promise((r) => setTimeout(r, 200));
      return violations.sort();
    },
    { https: `https://${TRAP_HOST}`, http: trap.httpOrigin },
  );
  expect(blocked).toEqual([
    `${trap.httpOrigin}/img.png`,
    `https://${TRAP_HOST}/css.png`,
    `https://${TRAP_HOST}/img.png`,
  ]);
  expect(trap.hits).toEqual([]);
  await trap.close();
});
