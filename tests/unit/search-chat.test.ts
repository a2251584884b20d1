import type { UIMessageChunk } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { splitCitations } from "@/lib/search/citations";
import { sourcesOf } from "@/lib/search/sources";
import {
  chatBody,
  GLM_HYBRID,
  GLM_PLAIN,
  type Harness,
  readChunks,
  resetSim,
  SF_DISTILL,
  SF_PLAIN,
  startHarness,
  textOf,
  userText,
} from "./chat-harness";

// /api/chat with `webSearch` against the simulator over real HTTP: GLM's built-in tool for GLM chat
// models, GLM's search API handed as numbered context for the others, and the sources that come back.

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  await resetSim(h);
});

type Json = Record<string, unknown>;
const sourceChunks = (chunks: UIMessageChunk[]) =>
  chunks.filter((c): c is Extract<UIMessageChunk, { type: "source-url" }> => c.type === "source-url");
const chatEntries = async () => (await h.log()).filter((e) => e.path === "/chat/completions");
type Sent = { messages: { role: string; content: string }[] };
const sentOf = (entry: { body: unknown } | undefined): Sent => (entry?.body ?? { messages: [] }) as Sent;

it("/api/search says web search works when a GLM key is set", async () => {
  const { GET } = await import("@/app/api/search/route");
  expect(await (await GET(new Request("http://localhost/api/search"))).json()).toEqual({ available: true });
});

describe("GLM chat models: the built-in web_search tool", () => {
  it("sends the tool in `tools`, and turns the results into numbered sources the reply cites", async () => {
    const chunks = await readChunks(
      await h.post(chatBody(GLM_PLAIN, [userText("Latest Rust release")], { webSearch: true })),
    );
    const [entry] = await chatEntries();
    const body = entry?.body as Json;
    expect(body.tools).toEqual([
      { type: "web_search", web_search: { enable: true, search_engine: "search_std", search_result: true, count: 5 } },
    ]);
    // The carrier field never reaches GLM as a top-level field of its own.
    expect(body).not.toHaveProperty("web_search");

    const sources = sourceChunks(chunks);
    expect(sources.map((s) => s.sourceId)).toEqual(["ref_1", "ref_2", "ref_3", "ref_4", "ref_5"]);
    for (const s of sources) {
      expect(s.url).toMatch(/^https:\/\/[a-z]+\.example\.(com|org|net)\//);
      expect(s.title).toContain("Latest Rust release");
      expect(s.providerMetadata?.webSearch).toMatchObject({ via: "glm-tool", site: expect.any(String) });
      expect(s.providerMetadata?.webSearch?.date).toMatch(/^2026-\d\d-\d\d$/);
    }
    // GLM puts the results on the final chunk by default: after the text.
    const lastText = chunks.findLastIndex((c) => c.type === "text-delta");
    expect(chunks.findIndex((c) => c.type === "source-url")).toBeGreaterThan(lastText);

    const text = textOf(chunks);
    expect(text).toContain("[ref_1]");
    const stored = sourcesOf(sources);
    const cites = splitCitations(text, stored).filter((s) => s.type === "cite");
    expect(cites.map((c) => (c.type === "cite" ? c.refs.map((r) => r.source?.url) : []))).toEqual([
      [stored[0]?.url],
      [stored[1]?.url],
      [stored[2]?.url],
    ]);
  });

  it("streams the sources before the text when GLM sends them on the first chunk", async () => {
    const chunks = await readChunks(
      await h.post(chatBody(GLM_PLAIN, [userText("[[search:first]] 今天的新闻")], { webSearch: true })),
    );
    const firstSource = chunks.findIndex((c) => c.type === "source-url");
    expect(firstSource).toBeGreaterThan(0);
    expect(firstSource).toBeLessThan(chunks.findIndex((c) => c.type === "text-delta"));
    expect(textOf(chunks)).toContain("【ref_1】");
    expect(sourceChunks(chunks)).toHaveLength(5);
  });

  it("keeps the thinking switch and the tool together in one request", async () => {
    await readChunks(
      await h.post(chatBody(GLM_HYBRID, [userText("hi")], { webSearch: true, settings: { thinking: false } })),
    );
    const body = (await chatEntries())[0]?.body as Json;
    expect(body.thinking).toEqual({ type: "disabled" });
    expect(body.tools).toHaveLength(1);
  });

  it("drops a result whose link is not http(s), and never passes on the engine's favicon links", async () => {
    const res = await h.post(chatBody(GLM_PLAIN, [userText("[[search:hostile]] news")], { webSearch: true }));
    const raw = await res.text();
    expect(raw).not.toContain("javascript:");
    expect(raw).not.toContain("favicon");
    const chunks = raw
      .split("\n")
      .filter((l) => l.startsWith("data: {"))
      .map((l) => JSON.parse(l.slice(6)) as UIMessageChunk);
    expect(sourceChunks(chunks)).toHaveLength(5);
  });

  it("adds no sources when the model decides not to search, or when the switch is off", async () => {
    const none = await readChunks(
      await h.post(chatBody(GLM_PLAIN, [userText("[[search:none]] hi")], { webSearch: true })),
    );
    expect(sourceChunks(none)).toHaveLength(0);
    expect(textOf(none)).toContain("Simulated answer");

    await resetSim(h);
    const off = await readChunks(await h.post(chatBody(GLM_PLAIN, [userText("hi")])));
    expect(sourceChunks(off)).toHaveLength(0);
    expect((await chatEntries())[0]?.body).not.toHaveProperty("tools");
  });
});

describe("other models: GLM's search API, handed over as numbered context", () => {
  it("searches with the user's message, gives the model numbered results, and streams their sources first", async () => {
    const question = "How do tides work? Please explain the role of the moon and the sun in some detail for a class.";
    const chunks = await readChunks(await h.post(chatBody(SF_PLAIN, [userText(question)], { webSearch: true })));
    const log = await h.log();
    expect(log.map((e) => `${e.provider} ${e.path}`)).toEqual(["glm /web_search", "siliconflow /chat/completions"]);
    const search = log[0]?.body as Json;
    expect(search).toMatchObject({ search_engine: "search_std", count: 5, search_intent: false });
    // GLM's limit on a query is 70 characters.
    expect(search.search_query).toBe(question.slice(0, 70));

    const sent = sentOf(log[1]).messages.at(-1);
    expect(sent?.role).toBe("user");
    expect(sent?.content).toMatch(/^Web search results/);
    expect(sent?.content).toContain("[1] How do tides work?");
    expect(sent?.content).toContain("cite it with its number in square brackets");
    expect(sent?.content.endsWith(`Message:\n${question}`)).toBe(true);

    // The sources come right after `start`, before the reply.
    expect(chunks[0]?.type).toBe("start");
    const sources = sourceChunks(chunks);
    expect(chunks.slice(1, 6).every((c) => c.type === "source-url")).toBe(true);
    expect(sources.map((s) => s.providerMetadata?.webSearch?.n)).toEqual([1, 2, 3, 4, 5]);
    expect(sources.every((s) => s.providerMetadata?.webSearch?.via === "glm-api")).toBe(true);
    const text = textOf(chunks);
    expect(text).toContain("[1]");
    const cites = splitCitations(text, sourcesOf(sources)).filter((s) => s.type === "cite");
    expect(cites.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps a reasoning model's thinking when it answers from the results", async () => {
    const chunks = await readChunks(await h.post(chatBody(SF_DISTILL, [userText("tides")], { webSearch: true })));
    expect(chunks.some((c) => c.type === "reasoning-delta")).toBe(true);
    expect(textOf(chunks)).toContain("[1]");
  });

  it("continues a cut reply on the same sources, without searching again", async () => {
    const first = await readChunks(await h.post(chatBody(SF_PLAIN, [userText("tides")], { webSearch: true })));
    const parts = [
      ...sourceChunks(first).map(({ type, sourceId, url, title, providerMetadata }) => ({
        type,
        sourceId,
        url,
        title,
        providerMetadata,
      })),
      { type: "text", text: "Tides come from the moon [1] and" },
    ];
    await resetSim(h);
    await readChunks(
      await h.post(
        chatBody(SF_PLAIN, [userText("tides"), { id: "a1", role: "assistant", parts }], {
          webSearch: true,
          continue: true,
        }),
      ),
    );
    const log = await h.log();
    expect(log.map((e) => e.path)).toEqual(["/chat/completions"]);
    const messages = sentOf(log[0]).messages;
    // The numbered results go with the question, not with the "continue" instruction.
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(messages[0]?.content).toContain("[1] tides: source 1");
    expect(messages[2]?.content).not.toContain("Web search results");
  });

  it("answers without sources when the search finds nothing", async () => {
    const chunks = await readChunks(
      await h.post(chatBody(SF_PLAIN, [userText("[[search:empty]] x")], { webSearch: true })),
    );
    expect(sourceChunks(chunks)).toHaveLength(0);
    const sent = sentOf((await h.log())[1]).messages.at(-1);
    expect(sent?.content).not.toContain("Web search results");
  });

  it("refuses with GLM's error before anything streams when the search fails", async () => {
    await h.control("/faults", "POST", { fault: "glm-1113", path: "/web_search" });
    const res = await h.post(chatBody(SF_PLAIN, [userText("tides")], { webSearch: true }));
    expect(res.headers.get("content-type")).toContain("application/json");
    const { error } = (await res.json()) as { error: { code: string; provider: string } };
    expect(error.provider).toBe("glm");
    expect(error.code).toBe("quota_exceeded");
    expect((await h.log()).map((e) => e.path)).toEqual(["/web_search"]);
  });
});
