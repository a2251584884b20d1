import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { LogEntry } from "@/lib/simulator";
import {
  chatBody,
  errorOf,
  GLM_PLAIN,
  type Harness,
  parseSse,
  readChunks,
  resetSim,
  SF_PLAIN,
  startHarness,
  textOf,
  userText,
} from "./chat-harness";

// /api/chat when things go wrong: refused requests never reach the provider, upstream failures
// arrive as typed error chunks, and a Stop closes the upstream connection.

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  await resetSim(h);
  // No backoff between the upstream client's retries.
  vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const refused = async (body: unknown) => {
  const res = await h.post(body);
  const json = (await res.json()) as { error: { code: string; status: number; detail?: string } };
  expect(await h.log()).toHaveLength(0);
  return { status: res.status, error: json.error };
};

describe("POST /api/chat refuses bad requests without calling the provider", () => {
  it.each([
    [GLM_PLAIN, { temperature: 1.5 }, "settings.temperature"],
    [SF_PLAIN, { maxTokens: 8000 }, "settings.maxTokens"],
    [SF_PLAIN, { thinking: true }, "settings.thinking"],
    [{ provider: "siliconflow", id: "Qwen/Qwen3-8B" }, { thinkingBudget: 64 }, "settings.thinkingBudget"],
    [SF_PLAIN, { stop: ["a", "b", "c", "d", "e"] }, "settings.stop"],
    [GLM_PLAIN, { topK: 10 }, "settings.topK"],
  ])("%o with %o → 400 naming %s", async (model, settings, field) => {
    const { status, error } = await refused(chatBody(model, [userText("hi")], { settings }));
    expect(status).toBe(400);
    expect(error.code).toBe("bad_request");
    expect(error.detail).toMatch(new RegExp(`^${field.replace(".", "\\.")}`));
  });

  it("refuses an unknown provider", async () => {
    const { status, error } = await refused(chatBody({ provider: "openai", id: "gpt-4o" }, [userText("hi")]));
    expect(status).toBe(400);
    expect(error.detail).toMatch(/^model\.provider/);
  });

  it("refuses a model that is not a chat model", async () => {
    const { status, error } = await refused(
      chatBody({ provider: "siliconflow", id: "black-forest-labs/FLUX.1-schnell" }, [userText("hi")]),
    );
    expect(status).toBe(400);
    expect(error.detail).toContain("image model");
  });

  it("refuses an image for a model without vision, and a data: image for GLM-4V-Flash", async () => {
    const image = { type: "file", mediaType: "image/png", url: "data:image/png;base64,AAAA" };
    const message = { id: "u1", role: "user", parts: [{ type: "text", text: "look" }, image] };
    expect((await refused(chatBody(SF_PLAIN, [message]))).status).toBe(400);
    expect((await refused(chatBody({ provider: "glm", id: "glm-4v-flash" }, [message]))).status).toBe(400);
  });

  it("refuses a link that is neither data: nor https:", async () => {
    const image = { type: "file", mediaType: "image/png", url: "http://169.254.169.254/latest" };
    const message = { id: "u1", role: "user", parts: [image] };
    expect((await refused(chatBody({ provider: "glm", id: "glm-4v-plus" }, [message]))).status).toBe(400);
  });

  it("refuses malformed bodies and too many messages", async () => {
    expect((await refused({ id: "c", messages: [], model: SF_PLAIN })).status).toBe(400);
    const many = Array.from({ length: 501 }, (_, i) => userText("x", `u${i}`));
    expect((await refused(chatBody(SF_PLAIN, many))).status).toBe(400);
    const bad = await h.post("not json at all");
    expect(bad.status).toBe(400);
  });

  it("refuses Continue when the last message is not an assistant reply", async () => {
    const { status } = await refused(chatBody(SF_PLAIN, [userText("hi")], { continue: true }));
    expect(status).toBe(400);
  });
});

describe("POST /api/chat upstream failures become typed error chunks", () => {
  it("gives rate_limited after the upstream client's retries are used up", async () => {
    await h.control("/faults", "POST", {
      fault: "rate-limit",
      provider: "siliconflow",
      times: 3,
      retryAfterSeconds: 0,
    });
    const chunks = await readChunks(await h.post(chatBody(SF_PLAIN, [userText("hi")])));
    const error = errorOf(chunks);
    expect(error?.code).toBe("rate_limited");
    expect(error?.provider).toBe("siliconflow");
    expect(error?.retryable).toBe(true);
    expect((await h.log()).map((e) => e.status)).toEqual([429, 429, 429]);
  });

  it("keeps the text that arrived and ends with stream_interrupted when the stream is cut", async () => {
    await h.control("/faults", "POST", { fault: "cut-stream", provider: "siliconflow" });
    const chunks = await readChunks(await h.post(chatBody(SF_PLAIN, [userText("Tell me everything")])));
    expect(textOf(chunks).length).toBeGreaterThan(0);
    const errorAt = chunks.findIndex((c) => c.type === "error");
    expect(errorAt).toBeGreaterThan(chunks.findIndex((c) => c.type === "text-delta"));
    expect(errorOf(chunks)?.code).toBe("stream_interrupted");
  });

  it.each([
    ["glm", GLM_PLAIN, "content_blocked"],
    ["siliconflow", SF_PLAIN, "overloaded"],
  ] as const)("turns a %s error event inside the stream into %s", async (provider, model, code) => {
    await h.control("/faults", "POST", { fault: "sse-error", provider });
    const chunks = await readChunks(await h.post(chatBody(model, [userText("hi")])));
    expect(textOf(chunks).length).toBeGreaterThan(0);
    expect(chunks.filter((c) => c.type === "error")).toHaveLength(1);
    expect(errorOf(chunks)?.code).toBe(code);
  });

  it("skips a malformed line and finishes the reply", async () => {
    await h.control("/faults", "POST", { fault: "malformed-sse", provider: "siliconflow" });
    const chunks = await readChunks(await h.post(chatBody(SF_PLAIN, [userText("Say something")])));
    expect(chunks.some((c) => c.type === "error")).toBe(false);
    expect(textOf(chunks)).toContain("Say something");
    expect(chunks.at(-1)?.type).toBe("finish");
  });

  it("gives the provider's typed error for a refused request (GLM 1301)", async () => {
    await h.control("/faults", "POST", { fault: "glm-1301", provider: "glm" });
    const chunks = await readChunks(await h.post(chatBody(GLM_PLAIN, [userText("hi")])));
    expect(errorOf(chunks)?.code).toBe("content_blocked");
  });
});

describe("POST /api/chat Stop", () => {
  it("closes the upstream connection when the browser's request is aborted mid-stream", async () => {
    await h.control("/config", "POST", { chatChunkDelayMs: 40 });
    const controller = new AbortController();
    const res = await h.post(chatBody(SF_PLAIN, [userText("A long answer please [[long:50]]")]), {
      signal: controller.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!parseSse(seen).some((c) => c.type === "text-delta")) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
    }
    controller.abort();
    await reader.cancel().catch(() => undefined);
    let entries: LogEntry[] = [];
    for (let i = 0; i < 100 && !entries[0]?.aborted; i++) {
      await new Promise((r) => setTimeout(r, 20));
      entries = await h.log();
    }
    expect(entries).toHaveLength(1);
    expect(entries[0]?.aborted).toBe(true);
    expect(entries[0]?.durationMs).toBeLessThan(2000);
  });
});
