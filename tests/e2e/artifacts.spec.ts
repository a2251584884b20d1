import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { openTrap, TRAP_HOST } from "./support/trap";

// Artifact previews (issue 22). The simulator quotes the question (its first lines) at the top of its
// reply, so a question that carries a fenced html or svg block gets a reply that carries it too.

function previewIn(chat: ChatPage) {
  return chat.content(chat.lastReply()).getByRole("button", { name: chat.t("artifact.preview"), exact: true });
}

test("an HTML artifact runs its script in a sandbox that cannot read the app, its cookies or storage, or fetch", async ({
  page,
  context,
  t,
}) => {
  test.setTimeout(90_000);
  const trap = await openTrap(context);
  const chat = new ChatPage(page, t);
  await chat.goto();
  // A non-thinking model, picked once the list is in: the page has settled before the first send.
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  // Something to steal: the probe must not see it.
  await page.evaluate(() => localStorage.setItem("artifact-secret", "s3cret"));
  const probe = [
    "```html",
    '<!DOCTYPE html><html><head><title>Probe</title></head><body><p id="out">not run</p><script>',
    'const r = { ran: true }; const put = () => { document.getElementById("out").textContent = JSON.stringify(r); };',
    'try { r.parent = String(parent.document.title); } catch (e) { r.parent = "blocked"; }',
    'try { r.cookie = "read:" + document.cookie; } catch (e) { r.cookie = "blocked"; }',
    'try { r.storage = "read:" + localStorage.getItem("artifact-secret"); } catch (e) { r.storage = "blocked"; }',
    `new Image().src = "${trap.httpOrigin}/img"; new Image().src = "https://${TRAP_HOST}/img";`,
    `Promise.allSettled([fetch("${trap.httpOrigin}/fetch"), fetch("https://${TRAP_HOST}/fetch"), fetch("/api/health")]).then((all) => { r.fetch = all.map((x) => x.status).join(","); put(); });`,
    "</script></body></html>",
    "```",
  ].join("\n");
  await chat.ask(`[[rate:400]] ${probe}`);
  await chat.waitForStatus(chat.lastReply(), "complete");

  // Nothing runs until asked: no frame before Preview.
  await expect(page.getByTestId("artifact-preview")).toHaveCount(0);
  await previewIn(chat).click();
  const frame = page.getByTestId("artifact-preview");
  await expect(frame).toHaveAttribute("sandbox", "allow-scripts");
  const out = page.frameLocator('[data-testid="artifact-preview"]').locator("#out");
  await expect(out).not.toHaveText("not run", { timeout: 15_000 });
  const result = JSON.parse((await out.textContent()) ?? "{}") as Record<string, string | boolean>;
  expect(result).toEqual({
    ran: true,
    parent: "blocked",
    cookie: "blocked",
    storage: "blocked",
    fetch: "rejected,rejected,rejected",
  });
  // The panel names the artifact by its <title>; a moment for any late request to arrive.
  await expect(page.getByRole("complementary", { name: t("artifact.panel") })).toContainText("Probe");
  await page.waitForTimeout(500);
  expect(trap.hits).toEqual([]);
  await trap.close();

  // Close returns to the thread alone.
  await page.getByRole("button", { name: t("artifact.close") }).click();
  await expect(frame).toHaveCount(0);
});

test("an SVG artifact previews, and a revised artifact offers its versions", async ({ page, t }) => {
  test.setTimeout(120_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  // A non-thinking model, picked once the list is in: the page has settled before the first send.
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  const svg = [
    "```svg",
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><circle id="dot" cx="60" cy="60" r="50" fill="teal"/></svg>',
    "```",
  ].join("\n");
  await chat.ask(`[[rate:400]] ${svg}`);
  await chat.waitForStatus(chat.lastReply(), "complete");
  await previewIn(chat).click();
  const frame = page.frameLocator('[data-testid="artifact-preview"]');
  await expect(frame.locator("circle#dot")).toHaveAttribute("fill", "teal");
  await page.getByRole("button", { name: t("artifact.close") }).click();

  const page1 = (body: string) =>
    [
      "```html",
      `<!DOCTYPE html><html><head><title>Counter</title></head><body><h1 id="v">${body}</h1></body></html>`,
      "```",
    ].join("\n");
  await chat.ask(`[[rate:400]] ${page1("first version")}`);
  await chat.waitForStatus(chat.lastReply(), "complete");
  await chat.ask(`[[rate:400]] ${page1("second version")}`);
  await chat.waitForStatus(chat.lastReply(), "complete");
  await previewIn(chat).click();
  const panel = page.getByRole("complementary", { name: t("artifact.panel") });
  await expect(panel.getByTestId("artifact-version")).toHaveText(t("artifact.version", { n: 2, count: 2 }));
  await expect(frame.locator("#v")).toHaveText("second version");
  await panel.getByRole("button", { name: t("artifact.previous") }).click();
  await expect(panel.getByTestId("artifact-version")).toHaveText(t("artifact.version", { n: 1, count: 2 }));
  await expect(frame.locator("#v")).toHaveText("first version");

  // Download saves the version on screen as a file named after the artifact.
  const download = page.waitForEvent("download");
  await panel.getByRole("button", { name: t("artifact.download") }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Counter.html");
});

test("a Mermaid diagram opens in the artifact panel, zoomable", async ({ page, t }) => {
  test.setTimeout(90_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  // A non-thinking model, picked once the list is in: the page has settled before the first send.
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.ask(`[[rate:400]] ${["```mermaid", "graph TD", "  Start --> Finish", "```"].join("\n")}`);
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.content(chat.lastReply()).getByTestId("mermaid-diagram")).toBeVisible({ timeout: 30_000 });
  await chat
    .content(chat.lastReply())
    .getByRole("button", { name: t("artifact.openDiagram") })
    .click();
  const panel = page.getByRole("complementary", { name: t("artifact.panel") });
  const diagram = panel.getByTestId("artifact-diagram");
  await expect(diagram.getByTestId("mermaid-diagram").locator("svg")).toContainText("Finish", { timeout: 30_000 });
  const reset = panel.getByRole("button", { name: t("artifact.zoomReset") });
  await expect(reset).toHaveText("100%");
  await panel.getByRole("button", { name: t("artifact.zoomIn") }).click();
  await expect(reset).toHaveText("150%");
  // No frame: a diagram is the chat's own checked, sanitized SVG, not a document that runs.
  await expect(page.getByTestId("artifact-preview")).toHaveCount(0);
});
