import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// Web search with citations (issue 22), against the simulator: GLM's built-in web_search tool for a
// GLM model, GLM's search API as numbered context for a SiliconFlow model.

test("a GLM model searches with its web_search tool; citations link to sources and stay after a reload", async ({
  page,
  context,
  t,
  sim,
  locale,
}) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  context.on("request", (r) => {
    const url = new URL(r.url());
    if (url.hostname !== "127.0.0.1") requests.push(r.url());
  });
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("glm-4-flash");
  const toggle = page.getByRole("switch", { name: t("search.switch") });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  const question = locale === "zh" ? "今年的蜜蜂研究有什么新发现" : "What is new in bee research this year";
  await chat.ask(`[[rate:400]] ${question}`);
  await chat.waitForStatus(chat.lastReply(), "complete");

  // The request carried GLM's built-in tool.
  const calls = await sim.log({ provider: "glm", path: "/chat/completions" });
  const tools = (calls.at(-1)?.body as { tools?: { type: string }[] } | undefined)?.tools ?? [];
  expect(tools.map((tool) => tool.type)).toContain("web_search");

  const reply = chat.lastReply();
  const citations = reply.getByTestId("citation");
  await expect(citations).toHaveCount(5);
  const first = citations.first().getByRole("link");
  await expect(first).toHaveAttribute("href", /^https:\/\//);
  await expect(first).toHaveAttribute("target", "_blank");
  await expect(first).toHaveAttribute("rel", /noopener/);
  await expect(first).toHaveAttribute("rel", /noreferrer/);
  await expect(citations.first()).toContainText(/\d{4}-\d{2}-\d{2}/);
  // Inline markers are links to the cited pages; no raw `ref_1` is left in the text.
  const markers = chat.content(reply).getByTestId("citation-marker");
  expect(await markers.count()).toBeGreaterThan(0);
  await expect(markers.first().getByRole("link")).toHaveAttribute("href", /^https:\/\//);
  await expect(chat.content(reply)).not.toContainText("ref_");
  // Nothing was fetched from the cited sites (no favicons, no previews).
  expect(requests).toEqual([]);

  const hrefs = await citations.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  await page.reload();
  await chat.ready();
  await expect(chat.lastReply().getByTestId("citation")).toHaveCount(5);
  expect(
    await chat
      .lastReply()
      .getByTestId("citation")
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
  ).toEqual(hrefs);
  await expect(page.getByRole("switch", { name: t("search.switch") })).toHaveAttribute("aria-checked", "true");
});

test("a SiliconFlow model is grounded in GLM's search API with numbered sources", async ({ page, t, sim, locale }) => {
  test.setTimeout(90_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  const toggle = page.getByRole("switch", { name: t("search.switch") });
  if ((await toggle.getAttribute("aria-checked")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  const question = locale === "zh" ? "最新的 TypeScript 版本有什么变化" : "What changed in the latest TypeScript";
  await chat.ask(`[[rate:400]] ${question}`);
  await chat.waitForStatus(chat.lastReply(), "complete");

  const searches = await sim.log({ provider: "glm", path: "/web_search" });
  expect(searches).toHaveLength(1);
  const sf = await sim.log({ provider: "siliconflow", path: "/chat/completions" });
  // The model got the results as numbered context.
  expect(JSON.stringify(sf.at(-1)?.body)).toContain("[1]");
  const citations = chat.lastReply().getByTestId("citation");
  await expect(citations).toHaveCount(5);
  await expect(chat.content(chat.lastReply()).getByTestId("citation-marker").first()).toBeVisible();

  // Turned off, the next reply is not searched and has no sources.
  await toggle.click();
  await chat.ask("[[rate:400]] And without searching?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.lastReply().getByTestId("citation")).toHaveCount(0);
  expect(await sim.log({ provider: "glm", path: "/web_search" })).toHaveLength(1);
});
