import net, { type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { sleep } from "@/lib/upstream/abort";
import { createUpstreamFetch, upstreamFetch, upstreamJson } from "@/lib/upstream/client";
import { readSse } from "@/lib/upstream/sse";
import { caught, json, local, noJitter, opts, until, withBase } from "./upstream-client-harness";

describe("upstreamFetch: aborts, failures and bodies", () => {
  it("closes the upstream connection when the caller aborts mid-stream", async () => {
    local.handler = (_req, res) => {
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
    await until(() => local.closeEvents === 1);
    expect(local.seen[0]?.closedEarly).toBe(true);
  });

  it("closes the upstream connection when the body is cancelled", async () => {
    local.handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: 1\n\n");
    };
    const res = await upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), json: {} });
    for await (const _ev of readSse(res.body as ReadableStream<Uint8Array>)) break;
    await until(() => local.closeEvents === 1);
  });

  it("aborts a request that is still waiting for headers, without retrying", async () => {
    local.handler = () => {
      // never answers
    };
    const controller = new AbortController();
    const pending = upstreamFetch("siliconflow", "/chat/completions", {
      ...withBase(),
      json: {},
      signal: controller.signal,
    });
    await until(() => local.seen.length === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await until(() => local.closeEvents === 1);
    expect(local.seen).toHaveLength(1);
  });

  it("rejects at once when the signal is already aborted", async () => {
    await expect(
      upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(local.seen).toHaveLength(0);
  });

  it("stops waiting for a retry when the caller aborts during the backoff", async () => {
    local.handler = (_req, res) => json(res, 429, { message: "slow down" }, { "retry-after": "5" });
    const controller = new AbortController();
    const pending = upstreamFetch("siliconflow", "/chat/completions", {
      ...withBase(),
      json: {},
      signal: controller.signal,
    });
    await until(() => local.seen.length === 1);
    await sleep(50);
    const started = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(local.seen).toHaveLength(1);
  });

  it("does not retry a server that fails after the first byte", async () => {
    noJitter();
    local.handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\n');
      setTimeout(() => res.destroy(), 30);
    };
    const res = await upstreamFetch("siliconflow", "/chat/completions", { ...withBase(), json: {} });
    const text = res.text();
    await expect(text).rejects.toMatchObject({ code: "stream_interrupted" });
    await sleep(100);
    expect(local.seen).toHaveLength(1);
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
    local.handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(JSON.stringify({ zipped: true })));
    };
    expect(await upstreamJson("siliconflow", "/models", withBase())).toEqual({ zipped: true });
  });

  it("throws an error object that arrives with HTTP 200", async () => {
    local.handler = (_req, res) =>
      json(res, 200, { code: 30001, message: "Sorry, your account balance is insufficient", data: null });
    const err = await caught(upstreamJson("siliconflow", "/user/info", withBase()));
    expect(err.code).toBe("insufficient_balance");
  });

  it("throws upstream_error for a 200 body that is not JSON", async () => {
    local.handler = (_req, res) => {
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
    expect(local.seen).toHaveLength(0);
  });
});

describe("createUpstreamFetch", () => {
  it("serves the AI SDK's full URLs under the base, with our key", async () => {
    const f = createUpstreamFetch("siliconflow", withBase());
    const res = await f(`${local.base}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer sdk-placeholder" },
      body: JSON.stringify({ model: "m" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(local.seen[0]?.url).toBe("/v1/chat/completions");
    expect(local.seen[0]?.headers.authorization).toBe("Bearer test-key");
    expect(local.seen[0]?.headers["content-type"]).toBe("application/json");
    expect(local.seen[0]?.body).toBe('{"model":"m"}');
  });

  it("accepts a path relative to the base and a Request object", async () => {
    const f = createUpstreamFetch("glm", withBase());
    await f("/models");
    await f(new Request(`${local.base}/chat/completions`, { method: "POST", body: "{}" }));
    expect(local.seen.map((s) => `${s.method} ${s.url}`)).toEqual(["GET /v1/models", "POST /v1/chat/completions"]);
    expect(local.seen[1]?.body).toBe("{}");
  });

  it("refuses URLs outside the configured base", async () => {
    const f = createUpstreamFetch("siliconflow", withBase());
    for (const url of [
      "https://evil.example/v1/chat/completions",
      `${local.base}x/chat`,
      `${local.base.replace("/v1", "")}/other`,
    ]) {
      const err = await caught(f(url));
      expect(err.code).toBe("bad_request");
    }
    expect(local.seen).toHaveLength(0);
  });

  it("throws the parsed AppError for a non-2xx answer, without a cause chain", async () => {
    local.handler = (_req, res) => json(res, 400, { error: { code: "1301", message: "unsafe" } });
    const f = createUpstreamFetch("glm", withBase());
    const err = await caught(f(`${local.base}/chat/completions`, { method: "POST", body: "{}" }));
    expect(err.code).toBe("content_blocked");
    expect(err.cause).toBeUndefined();
  });

  it("throws an AbortError when the caller's signal aborts", async () => {
    local.handler = () => {
      // never answers
    };
    const controller = new AbortController();
    const f = createUpstreamFetch("siliconflow", withBase());
    const pending = f(`${local.base}/chat/completions`, { method: "POST", body: "{}", signal: controller.signal });
    await until(() => local.seen.length === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
