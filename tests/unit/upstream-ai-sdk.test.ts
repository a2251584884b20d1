import http from "node:http";
import type { AddressInfo } from "node:net";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createUpstreamFetch } from "@/lib/upstream/client";

let server: http.Server;
let base: string;
let mode: "ok" | "429" | "hang" = "ok";
const auth: string[] = [];
let closedEarly = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    auth.push(String(req.headers.authorization));
    res.on("close", () => {
      if (!res.writableFinished) closedEarly++;
    });
    req.resume();
    req.on("end", () => {
      if (mode === "429") {
        res.writeHead(429, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "1113", message: "您的账户已欠费" } }));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      if (mode === "hang") {
        res.write(`data: ${JSON.stringify({ id: "c1", choices: [{ index: 0, delta: { content: "first" } }] })}\n\n`);
        return;
      }
      const chunk = (delta: object, finish: string | null = null) =>
        `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: "assistant", reasoning_content: "thinking" }));
      res.write(chunk({ role: "assistant", content: "Hello" }));
      res.write(chunk({ role: "assistant", content: " world" }, "stop"));
      res.end("data: [DONE]\n\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/paas/v4`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function model(baseUrl = base) {
  const provider = createOpenAICompatible({
    name: "glm",
    baseURL: baseUrl,
    fetch: createUpstreamFetch("glm", {
      baseUrl,
      apiKey: "server-key",
      connectTimeoutMs: 2000,
      firstByteTimeoutMs: 2000,
    }),
  });
  return provider.chatModel("glm-4.5");
}

describe("createUpstreamFetch with @ai-sdk/openai-compatible", () => {
  it("streams text and reasoning through the upstream client with the server key", async () => {
    mode = "ok";
    const result = streamText({ model: model(), prompt: "hi", maxRetries: 0 });
    expect(await result.text).toBe("Hello world");
    expect(await result.reasoningText).toBe("thinking");
    expect(auth.at(-1)).toBe("Bearer server-key");
  });

  it("surfaces the parsed AppError", async () => {
    mode = "429";
    const errors: unknown[] = [];
    const result = streamText({ model: model(), prompt: "hi", onError: ({ error }) => void errors.push(error) });
    await result.consumeStream();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(AppError);
    expect((errors[0] as AppError).code).toBe("quota_exceeded");
  });

  it("closes the upstream connection when streamText is aborted mid-stream", async () => {
    mode = "hang";
    closedEarly = 0;
    const controller = new AbortController();
    const result = streamText({ model: model(), prompt: "hi", abortSignal: controller.signal, maxRetries: 0 });
    for await (const delta of result.textStream) {
      expect(delta).toBe("first");
      controller.abort();
    }
    const deadline = Date.now() + 2000;
    while (closedEarly === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(closedEarly).toBe(1);
  });

  it("keeps a network failure as an AppError instead of the SDK's APICallError", async () => {
    const errors: unknown[] = [];
    const dead = "http://127.0.0.1:9/api/paas/v4";
    const result = streamText({ model: model(dead), prompt: "hi", onError: ({ error }) => void errors.push(error) });
    await result.consumeStream();
    expect(errors[0]).toBeInstanceOf(AppError);
    expect((errors[0] as AppError).code).toBe("network");
  });
});
