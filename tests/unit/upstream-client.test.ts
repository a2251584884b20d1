import http, { type IncomingMessage, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { sleep } from "@/lib/upstream/abort";
import { createUpstreamFetch, upstreamFetch, upstreamJson } from "@/lib/upstream/client";
import { readSse } from "@/lib/upstream/sse";

type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  closedEarly: boolean;
}

let server: http.Server;
let base: string;
let handler: Handler;
let seen: Seen[];
let closeEvents: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const entry: Seen = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: "",
      closedEarly: false,
    };
    const index = seen.length;
    seen.push(entry);
    res.on("close", () => {
      if (!res.writableFinished) {
        entry.closedEarly = true;
        closeEvents++;
      }
    });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      entry.body = Buffer.concat(chunks).toString("utf8");
      handler(req, res, index);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  closeEvents = 0;
  handler = (_req, res) => json(res, 200, { ok: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

const opts = { apiKey: "test-key", connectTimeoutMs: 2000, firstByteTimeoutMs: 2000 } as const;
const withBase = () => ({ ...opts, baseUrl: base });

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the promise to reject");
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(10);
  }
}

/** No backoff wait in tests that are not about timing. */
const noJitter = () => vi.spyOn(Math, "random").mockReturnValue(0);

describe("upstreamFetch", () => {
  it("sends the server-side key as a Bearer token and the JSON body", async () => {
    handler = (_req, res) => json(res, 200, { id: "x" });
    const out = await upstreamJson<{ id: string }>("siliconflow", "/chat/completions", {
      ...withBase(),
      json: { model: "m", messages: [] },
      headers: { Authorization: "Bearer client-supplied", "X-Extra": "1" },
    });
    expect(out).toEqual({ id: "x" });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe("POST");
    expect(seen[0]?.url).toBe("/v1/chat/completions");
    expect(seen[0]?.headers.authorization).toBe("Bearer test-key");
    expect(seen[0]?.headers["content-type"]).toBe("application/json");
    expect(seen[0]?.headers["x-extra"]).toBe("1");
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual({ model: "m", messages: [] });
  });

  it("keeps a query string and defaults to GET without a body", async () => {
    await upstreamJson("siliconflow", "/models?type=text&sub_type=chat", withBase());
    expect(seen[0]?.method).toBe("GET");
    expect(seen[0]?.url).toBe("/v1/models?type=text&sub_type=chat");
  });

  it("encodes a FormData body as multipart", async () => {
    const form = new FormData();
    form.append("model", "FunAudioLLM/SenseVoiceSmall");
    form.append("file", new Blob([new Uint8Array([1, 2, 3])], { type: "audio/wav" }), "a.wav");
    await upstreamFetch("siliconflow", "/audio/transcriptions", { ...withBase(), method: "POST", body: form });
    expect(seen[0]?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]?.body).toContain('name="model"');
    expect(seen[0]?.body).toContain('filename="a.wav"');
  });

  it("retries once after a 429 and then succeeds", async () => {
    noJitter();
    handler = (_req, res, i) =>
      i === 0
        ? json(res, 429, { message: "Request was rejected due to rate limiting. Details:RPM limit reached.", data: "" })
        : json(res, 200, { ok: 1 });
    const out = await upstreamJson("siliconflow", "/chat/completions", { ...withBase(), json: {} });
    expect(out).toEqual({ ok: 1 });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.body).toBe("{}");
  });

  it("waits out Retry-After: 1 before the retry", async () => {
    handler = (_req, res, i) =>
      i === 0 ? json(res, 429, { message: "slow down" }, { "retry-after": "1" }) : json(res, 200, { ok: 1 });
    const started = Date.now();
    await upstreamJson("siliconflow", "/chat/completions", { ...withBase(), json: {} });
    const elapsed = Date.now() - started;
    expect(seen).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
  });

  it("gives up after 3 tries in total", async () => {
    noJitter();
    handler = (_req, res) => json(res, 503, { code: 50505, message: "Model service overloaded.", data: "" });
    const err = await caught(
      upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), json: {}, maxAttempts: 9 }),
    );
    expect(err.code).toBe("overloaded");
    expect(seen).toHaveLength(3);
  });

  it("does not retry a 401 and reports the trace id", async () => {
    handler = (_req, res) => json(res, 401, '"Invalid token"', { "x-siliconcloud-trace-id": "trace-401" });
    const err = await caught(upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), json: {} }));
    expect(err.code).toBe("invalid_key");
    expect(err.traceId).toBe("trace-401");
    expect(err.provider).toBe("siliconflow");
    expect(seen).toHaveLength(1);
  });

  it("retries GLM 1302 at HTTP 429", async () => {
    noJitter();
    handler = (_req, res, i) =>
      i === 0 ? json(res, 429, { error: { code: "1302", message: "并发数过高" } }) : json(res, 200, { ok: 1 });
    await upstreamJson("glm", "/chat/completions", { ...withBase(), json: {} });
    expect(seen).toHaveLength(2);
  });

  it("does not retry GLM 1113 at HTTP 429", async () => {
    noJitter();
    handler = (_req, res) => json(res, 429, { error: { code: "1113", message: "您的账户已欠费" } });
    const err = await caught(upstreamFetch("glm", "/chat/completions", { ...withBase(), json: {} }));
    expect(err.code).toBe("quota_exceeded");
    expect(seen).toHaveLength(1);
  });

  it("turns a slow first byte into a timeout", async () => {
    handler = (_req, res) => {
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
    expect(seen).toHaveLength(1);
  });

  it("retries a first-byte timeout, at most 3 tries", async () => {
    noJitter();
    handler = (_req, res) => {
      setTimeout(() => json(res, 200, { late: true }), 400);
    };
    const err = await caught(upstreamFetch("siliconflow", "/x", { ...withBase(), json: {}, firstByteTimeoutMs: 80 }));
    expect(err.code).toBe("timeout");
    expect(seen).toHaveLength(3);
  });

  it("does not cut a long stream whose headers came early", async () => {
    handler = (_req, res) => {
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

  it("closes the upstream connection when the caller aborts mid-stream", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\n');
      // then nothing: the stream stays open until someone closes it
    };
    const controller = new AbortController();
    const res = await upstreamFetch("siliconflow", "/chat/completions", {
      ...withBase(),
      json: { stream: true },
      signal: controller.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"n":1');
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
    await until(() => closeEvents === 1);
    expect(seen[0]?.closedEarly).toBe(true);
  });

  it("closes the upstream connection when the body is cancelled", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: 1\n\n");
    };
    const res = await upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), json: {} });
    for await (const _ev of readSse(res.body as ReadableStream<Uint8Array>)) break;
    await until(() => closeEvents === 1);
  });

  it("aborts a request that is still waiting for headers, without retrying", async () => {
    handler = () => {
      // never answers
    };
    const controller = new AbortController();
    const pending = upstreamFetch("siliconflow", "/chat/completions", {
      ...withBase(),
      json: {},
      signal: controller.signal,
    });
    await until(() => seen.length === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await until(() => closeEvents === 1);
    expect(seen).toHaveLength(1);
  });

  it("rejects at once when the signal is already aborted", async () => {
    await expect(
      upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toHaveLength(0);
  });

  it("stops waiting for a retry when the caller aborts during the backoff", async () => {
    handler = (_req, res) => json(res, 429, { message: "slow down" }, { "retry-after": "5" });
    const controller = new AbortController();
    const pending = upstreamFetch("siliconflow", "/chat/completions", {
      ...withBase(),
      json: {},
      signal: controller.signal,
    });
    await until(() => seen.length === 1);
    await sleep(50);
    const started = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(seen).toHaveLength(1);
  });

  it("does not retry a server that fails after the first byte", async () => {
    noJitter();
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\n');
      setTimeout(() => res.destroy(), 30);
    };
    const res = await upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), json: {} });
    const text = res.text();
    await expect(text).rejects.toMatchObject({ code: "stream_interrupted" });
    await sleep(100);
    expect(seen).toHaveLength(1);
  });

  it("maps a refused connection to a network error after retrying", async () => {
    noJitter();
    const spare = net.createServer();
    await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
    const port = (spare.address() as AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
    const err = await caught(
      upstreamFetch("glm", "/chat/completions", { ...opts, baseUrl: `http://127.0.0.1:${port}/api/paas/v4`, json: {} }),
    );
    expect(err.code).toBe("network");
    expect(err.provider).toBe("glm");
    expect(err.detail).toMatch(/ECONNREFUSED/);
  });

  it("turns a connection that never completes its TLS handshake into a connect timeout", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const err = await caught(
        upstreamFetch("siliconflow", "/models", {
          apiKey: "k",
          baseUrl: `https://127.0.0.1:${port}/v1`,
          connectTimeoutMs: 100,
          firstByteTimeoutMs: 5000,
          maxAttempts: 1,
        }),
      );
      expect(err.code).toBe("timeout");
      expect(err.detail).toMatch(/No connection/);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("decodes a gzip-encoded body", async () => {
    const { gzipSync } = await import("node:zlib");
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(JSON.stringify({ zipped: true })));
    };
    expect(await upstreamJson("siliconflow", "/models", withBase())).toEqual({ zipped: true });
  });

  it("throws an error object that arrives with HTTP 200", async () => {
    handler = (_req, res) =>
      json(res, 200, { code: 30001, message: "Sorry, your account balance is insufficient", data: null });
    const err = await caught(upstreamJson("siliconflow", "/user/info", withBase()));
    expect(err.code).toBe("insufficient_balance");
  });

  it("throws upstream_error for a 200 body that is not JSON", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>oops</html>");
    };
    const err = await caught(upstreamJson("siliconflow", "/user/info", withBase()));
    expect(err.code).toBe("upstream_error");
  });

  it.each([
    "//evil.example/x",
    "http://x",
    "/../x",
    "/@evil",
    "chat",
    "/v1/%2e%2e/x",
    "/a\\b",
    "/a b",
    "/ok\r\nHost: x",
  ])("refuses the path %j before any request", async (path) => {
    const err = await caught(upstreamFetch("siliconflow", path, withBase()));
    expect(err.code).toBe("bad_request");
    expect(seen).toHaveLength(0);
  });
});

describe("createUpstreamFetch", () => {
  it("serves the AI SDK's full URLs under the base, with our key", async () => {
    const f = createUpstreamFetch("siliconflow", withBase());
    const res = await f(`${base}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer sdk-placeholder" },
      body: JSON.stringify({ model: "m" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(seen[0]?.url).toBe("/v1/chat/completions");
    expect(seen[0]?.headers.authorization).toBe("Bearer test-key");
    expect(seen[0]?.headers["content-type"]).toBe("application/json");
    expect(seen[0]?.body).toBe('{"model":"m"}');
  });

  it("accepts a path relative to the base and a Request object", async () => {
    const f = createUpstreamFetch("glm", withBase());
    await f("/models");
    await f(new Request(`${base}/chat/completions`, { method: "POST", body: "{}" }));
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(["GET /v1/models", "POST /v1/chat/completions"]);
    expect(seen[1]?.body).toBe("{}");
  });

  it("refuses URLs outside the configured base", async () => {
    const f = createUpstreamFetch("siliconflow", withBase());
    for (const url of [
      "https://evil.example/v1/chat/completions",
      `${base}x/chat`,
      `${base.replace("/v1", "")}/other`,
    ]) {
      const err = await caught(f(url));
      expect(err.code).toBe("bad_request");
    }
    expect(seen).toHaveLength(0);
  });

  it("throws the parsed AppError for a non-2xx answer, without a cause chain", async () => {
    handler = (_req, res) => json(res, 400, { error: { code: "1301", message: "unsafe" } });
    const f = createUpstreamFetch("glm", withBase());
    const err = await caught(f(`${base}/chat/completions`, { method: "POST", body: "{}" }));
    expect(err.code).toBe("content_blocked");
    expect(err.cause).toBeUndefined();
  });

  it("throws an AbortError when the caller's signal aborts", async () => {
    handler = () => {
      // never answers
    };
    const controller = new AbortController();
    const f = createUpstreamFetch("siliconflow", withBase());
    const pending = f(`${base}/chat/completions`, { method: "POST", body: "{}", signal: controller.signal });
    await until(() => seen.length === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
