import { describe, expect, it } from "vitest";
import { ask, GLM, rawStream, sim } from "./simulator-chat-harness";

// The simulator's GLM web search: the standalone API and the chat tool's wire format.

const TOOL = { type: "web_search", web_search: { enable: true, search_result: true, count: 3 } };
type WithSearch = { web_search?: { refer: string; link: string; title: string; media: string }[] };

async function search(body: unknown) {
  const res = await fetch(`${sim.url}${GLM}/web_search`, {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("POST /web_search", () => {
  it("answers search_result entries in GLM's shape, the same for the same query", async () => {
    const { status, json } = await search({ search_query: "tides", search_engine: "search_std", count: 4 });
    expect(status).toBe(200);
    const results = json.search_result as Record<string, string>[];
    expect(results).toHaveLength(4);
    expect(Object.keys(results[0] ?? {}).sort()).toEqual(
      ["content", "icon", "link", "media", "publish_date", "refer", "title"].sort(),
    );
    expect(results.map((r) => r.refer)).toEqual(["ref_1", "ref_2", "ref_3", "ref_4"]);
    expect(json.search_intent).toEqual([{ query: "tides", intent: "SEARCH_ALWAYS", keywords: "tides" }]);
    expect((await search({ search_query: "tides", search_engine: "search_std", count: 4 })).json.search_result).toEqual(
      results,
    );
  });

  it("refuses what GLM's reference rules out, with code 1214", async () => {
    for (const body of [
      { search_engine: "search_std" },
      { search_query: "x".repeat(71), search_engine: "search_std" },
      { search_query: "x", search_engine: "google" },
      { search_query: "x", search_engine: "search_std", count: 51 },
    ]) {
      const { status, json } = await search(body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect((json.error as { code: string }).code).toBe("1214");
    }
  });
});

describe("the chat tool", () => {
  it("puts `web_search` once, at the top level of the finishing chunk, and cites ref_N in the text", async () => {
    const { chunks } = await rawStream(GLM, { model: "glm-4-flash", messages: ask("tides"), tools: [TOOL] });
    const carrying = chunks.filter((c) => (c as WithSearch).web_search);
    expect(carrying).toHaveLength(1);
    expect(carrying[0]).toBe(chunks.at(-1));
    expect(carrying[0]?.choices[0]?.finish_reason).toBe("stop");
    expect((carrying[0] as WithSearch).web_search?.map((r) => r.refer)).toEqual(["ref_1", "ref_2", "ref_3"]);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text).toContain("[ref_1]");
    expect(text).toContain("[ref_3]");
    // Never a function call for the built-in tool.
    expect(chunks.some((c) => c.choices[0]?.delta.tool_calls)).toBe(false);
  });

  it("can put it on the first chunk, leave it out without search_result, or not search at all", async () => {
    const first = await rawStream(GLM, { model: "glm-4-flash", messages: ask("[[search:first]] 潮汐"), tools: [TOOL] });
    expect((first.chunks[0] as WithSearch).web_search).toHaveLength(3);
    const quiet = await rawStream(GLM, {
      model: "glm-4-flash",
      messages: ask("tides"),
      tools: [{ type: "web_search", web_search: { enable: true } }],
    });
    expect(quiet.chunks.some((c) => (c as WithSearch).web_search)).toBe(false);
    expect(quiet.chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toContain("[ref_1]");
    const none = await rawStream(GLM, { model: "glm-4-flash", messages: ask("[[search:none]] hi"), tools: [TOOL] });
    expect(none.chunks.some((c) => (c as WithSearch).web_search)).toBe(false);
  });

  it("returns `web_search` beside choices when not streamed, and refuses a bare tool", async () => {
    const res = await fetch(`${sim.url}${GLM}/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: JSON.stringify({ model: "glm-4-flash", messages: ask("tides"), tools: [TOOL] }),
    });
    expect(((await res.json()) as WithSearch).web_search).toHaveLength(3);
    const bare = await fetch(`${sim.url}${GLM}/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: JSON.stringify({ model: "glm-4-flash", messages: ask("tides"), tools: [{ type: "web_search" }] }),
    });
    expect(bare.status).toBe(400);
  });

  it("cites numbered context sources as [n] when the prompt carries them (SiliconFlow too)", async () => {
    const prompt = "Web search results:\n\n[1] Moon and tides\nnews\n\n[2] Sun and tides\ndocs\n\nMessage:\ntides";
    const { chunks } = await rawStream("/siliconflow/v1", { model: "Qwen/Qwen2.5-7B-Instruct", messages: ask(prompt) });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text).toContain("Moon and tides covers the basics [1]");
    expect(text).toContain("[2]");
  });
});
