import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getEnv } from "@/lib/env";
import { AppError, type ErrorCode, type Provider } from "@/lib/errors";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";
import { upstreamFetch, upstreamJson } from "@/lib/upstream/client";
import { ensureSimulator, simulatorBaseUrl } from "@/lib/upstream/demo-simulator";
import { parseStreamErrorEvent } from "@/lib/upstream/parse-error";
import { resolveProvider } from "@/lib/upstream/providers";
import { readSse } from "@/lib/upstream/sse";

// The client against the real simulator: the same wire format as production, so the parser and the
// simulator's error bodies are checked against each other.

let sim: RunningSimulator;

interface LogEntry {
  provider: string;
  path: string;
  status: number;
  aborted: boolean;
  headers: Record<string, string>;
}

const control = (path: string, init?: RequestInit) => fetch(`${sim.url}/__sim${path}`, init);
const addFault = (spec: object) =>
  control("/faults", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(spec) });
const log = async () => ((await (await control("/log")).json()) as { entries: LogEntry[] }).entries;

const target = (provider: Provider) => ({
  baseUrl: simulatorBaseUrl(sim.url, provider),
  apiKey: "demo",
  connectTimeoutMs: 2000,
  firstByteTimeoutMs: 2000,
});

const chatBody = (provider: Provider) => ({
  model: provider === "glm" ? "glm-4-flash" : "Qwen/Qwen2.5-7B-Instruct",
  messages: [{ role: "user", content: "hello" }],
  stream: true,
});

beforeAll(async () => {
  sim = await startSimulator({ port: 0, config: { chatChunkDelayMs: 5 } });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  await control("/reset", { method: "POST" });
  await control("/faults", { method: "DELETE" });
  await control("/log", { method: "DELETE" });
  vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("upstream client against the simulator", () => {
  it.each<Provider>(["siliconflow", "glm"])("streams a %s chat to [DONE] with the demo key", async (provider) => {
    const res = await upstreamFetch(provider, "/chat/completions", { ...target(provider), json: chatBody(provider) });
    const data: string[] = [];
    for await (const ev of readSse(res.body as ReadableStream<Uint8Array>)) data.push(ev.data);
    expect(data.at(-1)).toBe("[DONE]");
    expect(data.length).toBeGreaterThan(2);
    const entries = await log();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.headers.authorization).toBe("Bearer demo");
  });

  it.each<[Provider, string, ErrorCode, number]>([
    ["siliconflow", "unauthorized", "invalid_key", 1],
    ["siliconflow", "balance", "insufficient_balance", 1],
    ["siliconflow", "model-disabled", "model_disabled", 1],
    ["siliconflow", "model-not-found", "model_not_found", 1],
    ["siliconflow", "not-found-text", "not_found", 1],
    ["glm", "unauthorized", "invalid_key", 1],
    ["glm", "balance", "quota_exceeded", 1],
    ["glm", "model-disabled", "model_disabled", 1],
    ["glm", "model-not-found", "model_not_found", 1],
    ["glm", "glm-1301", "content_blocked", 1],
    ["glm", "glm-1113", "quota_exceeded", 1],
  ])("%s fault %s → %s, not retried", async (provider, fault, code, tries) => {
    await addFault({ fault, provider, times: 5 });
    const err = await upstreamFetch(provider, "/chat/completions", {
      ...target(provider),
      json: chatBody(provider),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    expect(await log()).toHaveLength(tries);
  });

  it.each<[Provider, string]>([
    ["siliconflow", "rate-limit"],
    ["siliconflow", "overloaded"],
    ["siliconflow", "timeout-504"],
    ["glm", "rate-limit"],
    ["glm", "overloaded"],
    ["glm", "glm-1302"],
  ])("%s fault %s is retried and then succeeds", async (provider, fault) => {
    await addFault({ fault, provider, times: 1, retryAfterSeconds: 0 });
    const res = await upstreamFetch(provider, "/chat/completions", { ...target(provider), json: chatBody(provider) });
    await res.text();
    const entries = await log();
    expect(entries.map((e) => e.status)).toEqual([expect.any(Number), 200]);
    expect(entries[0]?.status).toBeGreaterThanOrEqual(429);
  });

  it("keeps the SiliconFlow trace id of an error", async () => {
    await addFault({ fault: "model-not-found", provider: "siliconflow" });
    const err = (await upstreamFetch("siliconflow", "/chat/completions", {
      ...target("siliconflow"),
      json: chatBody("siliconflow"),
    }).catch((e: unknown) => e)) as AppError;
    expect(err.traceId).toMatch(/\S{8,}/);
  });

  it("times out a slow first byte", async () => {
    await addFault({ fault: "slow-first-byte", provider: "glm", delayMs: 600, times: 1 });
    const err = (await upstreamFetch("glm", "/chat/completions", {
      ...target("glm"),
      json: chatBody("glm"),
      firstByteTimeoutMs: 150,
      maxAttempts: 1,
    }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("timeout");
  });

  it.each<[Provider, ErrorCode]>([
    ["siliconflow", "overloaded"],
    ["glm", "content_blocked"],
  ])("finds the %s error event inside a stream", async (provider, code) => {
    await addFault({ fault: "sse-error", provider });
    const res = await upstreamFetch(provider, "/chat/completions", { ...target(provider), json: chatBody(provider) });
    let found: AppError | null = null;
    for await (const ev of readSse(res.body as ReadableStream<Uint8Array>)) {
      if (ev.data === "[DONE]") break;
      let json: unknown;
      try {
        json = JSON.parse(ev.data);
      } catch {
        continue;
      }
      found = parseStreamErrorEvent(provider, json);
      if (found) break;
    }
    expect(found?.code).toBe(code);
  });

  it("reports a cut stream as stream_interrupted without retrying", async () => {
    await addFault({ fault: "cut-stream", provider: "siliconflow" });
    const res = await upstreamFetch("siliconflow", "/chat/completions", {
      ...target("siliconflow"),
      json: chatBody("siliconflow"),
    });
    await expect(res.text()).rejects.toMatchObject({ code: "stream_interrupted" });
    expect(await log()).toHaveLength(1);
  });

  it("shows the connection closed in the simulator's log when the caller stops", async () => {
    await control("/config", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chatChunkDelayMs: 100 }),
    });
    const controller = new AbortController();
    const res = await upstreamFetch("siliconflow", "/chat/completions", {
      ...target("siliconflow"),
      json: chatBody("siliconflow"),
      signal: controller.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
    let entries: LogEntry[] = [];
    for (let i = 0; i < 100; i++) {
      entries = await log();
      if (entries[0]?.aborted) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(entries[0]?.aborted).toBe(true);
  });

  it("reads the model list as JSON", async () => {
    const list = await upstreamJson<{ data: { id: string }[] }>("siliconflow", "/models?type=text&sub_type=chat", {
      ...target("siliconflow"),
    });
    expect(list.data.map((m) => m.id)).toContain("deepseek-ai/DeepSeek-V3");
  });
});

describe("demo mode", () => {
  const demo = getEnv().demo;

  afterAll(async () => {
    if (!demo) return;
    await (await ensureSimulator()).close();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("siliconplay.upstream.demoSimulator")];
  });

  it.skipIf(!demo)("starts one in-process simulator lazily and routes both providers to it", async () => {
    const [sf, glm] = await Promise.all([resolveProvider("siliconflow"), resolveProvider("glm")]);
    expect(sf.demo && glm.demo).toBe(true);
    expect(new URL(sf.baseUrl).origin).toBe(new URL(glm.baseUrl).origin);
    const list = await upstreamJson<{ data: { id: string }[] }>("siliconflow", "/models?type=text");
    expect(list.data.length).toBeGreaterThan(0);
    const res = await upstreamFetch("glm", "/chat/completions", { json: chatBody("glm") });
    expect(res.headers.get("content-type")).toMatch(/event-stream/);
    await res.text();
  });
});
