import { describe, expect, it } from "vitest";
import { upstreamFetch, upstreamJson } from "@/lib/upstream/client";
import { readSse } from "@/lib/upstream/sse";
import { caught, json, local, noJitter, withBase } from "./upstream-client-harness";

describe("upstreamFetch", () => {
  it("sends the server-side key as a Bearer token and the JSON body", async () => {
    local.handler = (_req, res) => json(res, 200, { id: "x" });
    const out = await upstreamJson<{ id: string }>("siliconflow", "/chat/completions", {
      ...withBase(),
      json: { model: "m", messages: [] },
      headers: { Authorization: "Bearer client-supplied", "X-Extra": "1" },
    });
    expect(out).toEqual({ id: "x" });
    expect(local.seen).toHaveLength(1);
    expect(local.seen[0]?.method).toBe("POST");
    expect(local.seen[0]?.url).toBe("/v1/chat/completions");
    expect(local.seen[0]?.headers.authorization).toBe("Bearer test-key");
    expect(local.seen[0]?.headers["content-type"]).toBe("application/json");
    expect(local.seen[0]?.headers["x-extra"]).toBe("1");
    expect(JSON.parse(local.seen[0]?.body ?? "")).toEqual({ model: "m", messages: [] });
  });

  it("keeps a query string and defaults to GET without a body", async () => {
    await upstreamJson("siliconflow", "/models?type=text&sub_type=chat", withBase());
    expect(local.seen[0]?.method).toBe("GET");
    expect(local.seen[0]?.url).toBe("/v1/models?type=text&sub_type=chat");
  });

  it("encodes a FormData body as multipart", async () => {
    const form = new FormData();
    form.append("model", "FunAudioLLM/SenseVoiceSmall");
    form.append("file", new Blob([new Uint8Array([1, 2, 3])], { type: "audio/wav" }), "a.wav");
    await upstreamFetch("siliconflow", "/audio/transcriptions", { ...withBase(), method: "POST", body: form });
    expect(local.seen[0]?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(local.seen[0]?.body).toContain('name="model"');
    expect(local.seen[0]?.body).toContain('filename="a.wav"');
  });

  it("retries once after a 429 and then succeeds", async () => {
    noJitter();
    local.handler = (_req, res, i) =>
      i === 0
        ? json(res, 429, { message: "Request was rejected due to rate limiting. Details:RPM limit reached.", data: "" })
        : json(res, 200, { ok: 1 });
    const out = await upstreamJson("siliconflow", "/chat/completions", { ...withBase(), json: {} });
    expect(out).toEqual({ ok: 1 });
    expect(local.seen).toHaveLength(2);
    expect(local.seen[1]?.body).toBe("{}");
  });

  it("waits out Retry-After: 1 before the retry", async () => {
    local.handler = (_req, res, i) =>
      i === 0 ? json(res, 429, { message: "slow down" }, { "retry-after": "1" }) : json(res, 200, { ok: 1 });
    const started = Date.now();
    await upstreamJson("siliconflow", "/chat/completions", { ...withBase(), json: {} });
    const elapsed = Date.now() - started;
    expect(local.seen).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
  });

  it("gives up after 3 tries in total", async () => {
    noJitter();
    local.handler = (_req, res) => json(res, 503, { code: 50505, message: "Model service overloaded.", data: "" });
    const err = await caught(
      upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), json: {}, maxAttempts: 9 }),
    );
    expect(err.code).toBe("overloaded");
    expect(local.seen).toHaveLength(3);
  });

  it("does not retry a 401 and reports the trace id", async () => {
    local.handler = (_req, res) => json(res, 401, '"Invalid token"', { "x-siliconcloud-trace-id": "trace-401" });
    const err = await caught(upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), json: {} }));
    expect(err.code).toBe("invalid_key");
    expect(err.traceId).toBe("trace-401");
    expect(err.provider).toBe("siliconflow");
    expect(local.seen).toHaveLength(1);
  });

  it("retries GLM 1302 at HTTP 429", async () => {
    noJitter();
    local.handler = (_req, res, i) =>
      i === 0 ? json(res, 429, { error: { code: "1302", message: "并发数过高" } }) : json(res, 200, { ok: 1 });
    await upstreamJson("glm", "/chat/completions", { ...withBase(), json: {} });
    expect(local.seen).toHaveLength(2);
  });

  it("does not retry GLM 1113 at HTTP 429", async () => {
    noJitter();
    local.handler = (_req, res) => json(res, 429, { error: { code: "1113", message: "您的账户已欠费" } });
    const err = await caught(upstreamFetch("glm", "/chat/completions", { ...withBase(), json: {} }));
    expect(err.code).toBe("quota_exceeded");
    expect(local.seen).toHaveLength(1);
  });

  it("turns a slow first byte into a timeout", async () => {
    local.handler = (_req, res) => {
      setTimeout(() => json(res, 200, { late: true }), 1500);
    };
    const started = Date.now();
    const err = await caught(
      upstreamFetch("siliconflow", "/chat/completions", {
        ...withBase(),
        json: {},
        firstByteTimeoutMs: 100,
        maxAttempts: 1,
      }),
    );
    expect(err.code).toBe("timeout");
    expect(err.detail).toMatch(/response headers/);
    expect(Date.now() - started).toBeLessThan(1200);
    expect(local.seen).toHaveLength(1);
  });

  it("retries a first-byte timeout, at most 3 tries", async () => {
    noJitter();
    local.handler = (_req, res) => {
      setTimeout(() => json(res, 200, { late: true }), 400);
    };
    const err = await caught(upstreamFetch("siliconflow", "/x", { ...withBase(), json: {}, firstByteTimeoutMs: 80 }));
    expect(err.code).toBe("timeout");
    expect(local.seen).toHaveLength(3);
  });

  it("does not cut a long stream whose headers came early", async () => {
    local.handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      let n = 0;
      const timer = setInterval(() => {
        n++;
        res.write(`data: {"n":${n}}\n\n`);
        if (n === 8) {
          clearInterval(timer);
          res.end("data: [DONE]\n\n");
        }
      }, 60);
    };
    const res = await upstreamFetch("siliconflow", "/chat/completions", {
      ...withBase(),
      json: { stream: true },
      firstByteTimeoutMs: 150,
      connectTimeoutMs: 150,
    });
    const events: string[] = [];
    for await (const ev of readSse(res.body as ReadableStream<Uint8Array>)) events.push(ev.data);
    expect(events).toHaveLength(9);
    expect(events.at(-1)).toBe("[DONE]");
  });
});
