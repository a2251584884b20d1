import { createUIMessageStreamResponse, type UIMessageChunk } from "ai";
import { describe, expect, it } from "vitest";
import { uiMessageStreamResponse } from "@/lib/chat/server/sse-response";
import { upstreamFetch } from "@/lib/upstream/client";
import { upstreamDispatched } from "@/lib/upstream/dispatch";
import { local, until, withBase } from "./upstream-client-harness";

// The chat route's SSE encoding and its wait for the upstream request (lib/upstream/dispatch.ts).

const CHUNKS: UIMessageChunk[] = [
  { type: "start", messageMetadata: { createdAt: 1 } },
  { type: "start-step" },
  { type: "text-start", id: "t" },
  { type: "text-delta", id: "t", delta: "héllo" },
  { type: "text-end", id: "t" },
  { type: "finish-step" },
  { type: "finish" },
];

/** A stream the test feeds by hand, and whether it was cancelled. */
function manual() {
  let controller!: ReadableStreamDefaultController<UIMessageChunk>;
  let cancelled: unknown = "no";
  const stream = new ReadableStream<UIMessageChunk>({
    start(c) {
      controller = c;
    },
    cancel(reason) {
      cancelled = reason;
    },
  });
  return { stream, controller, cancelled: () => cancelled };
}

const fromChunks = () =>
  new ReadableStream<UIMessageChunk>({
    start(c) {
      for (const chunk of CHUNKS) c.enqueue(chunk);
      c.close();
    },
  });

const settledWithin = <T>(p: Promise<T>, ms = 30) =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe("uiMessageStreamResponse", () => {
  it("answers the same bytes and headers as the SDK's createUIMessageStreamResponse", async () => {
    const headers = { "cache-control": "no-store, no-transform", "x-accel-buffering": "no" };
    const ours = await uiMessageStreamResponse(fromChunks(), {
      headers,
      ready: Promise.resolve(),
    });
    const sdk = createUIMessageStreamResponse({
      stream: fromChunks(),
      headers,
    });
    expect(await ours.text()).toBe(await sdk.text());
    expect([...ours.headers]).toEqual([...sdk.headers]);
  });

  it("waits for `ready` before answering, and forwards a chunk read meanwhile first", async () => {
    const src = manual();
    let release!: () => void;
    const ready = new Promise<void>((r) => {
      release = r;
    });
    src.controller.enqueue(CHUNKS[0] as UIMessageChunk);
    const pending = uiMessageStreamResponse(src.stream, { ready });
    expect(await settledWithin(pending)).toBe(false);
    release();
    const res = await pending;
    src.controller.enqueue(CHUNKS[1] as UIMessageChunk);
    src.controller.close();
    expect(await res.text()).toBe(
      'data: {"type":"start","messageMetadata":{"createdAt":1}}\n\ndata: {"type":"start-step"}\n\ndata: [DONE]\n\n',
    );
  });

  it("answers at the first chunk past `start` when `ready` never comes", async () => {
    const src = manual();
    const pending = uiMessageStreamResponse(src.stream, { ready: new Promise(() => undefined) });
    src.controller.enqueue(CHUNKS[0] as UIMessageChunk);
    expect(await settledWithin(pending)).toBe(false);
    src.controller.enqueue({ type: "error", errorText: "boom" });
    const res = await pending;
    src.controller.close();
    expect(await res.text()).toContain('data: {"type":"error","errorText":"boom"}\n\ndata: [DONE]');
  });

  it("answers when the stream ends or fails before `ready`, and a cancelled body cancels the source", async () => {
    const ended = manual();
    const res = uiMessageStreamResponse(ended.stream, { ready: new Promise(() => undefined) });
    ended.controller.close();
    expect(await (await res).text()).toBe("data: [DONE]\n\n");

    const failed = manual();
    const failing = uiMessageStreamResponse(failed.stream, { ready: new Promise(() => undefined) });
    failed.controller.error(new Error("cut"));
    await expect((await failing).text()).rejects.toThrow("cut");

    const open = manual();
    const body = (await uiMessageStreamResponse(open.stream, { ready: Promise.resolve() })).body;
    await body?.cancel("stop");
    expect(open.cancelled()).toBe("stop");
  });
});

describe("uiMessageSse coalescing", () => {
  const delta = (id: string, text: string, type: "text-delta" | "reasoning-delta" = "text-delta") =>
    ({ type, id, delta: text }) as UIMessageChunk;
  const lines = (text: string) =>
    text
      .split("\n\n")
      .filter(Boolean)
      .map((l) => l.replace(/^data: /, ""));

  it("sends the first delta at once and joins the ones that follow within the window, part by part", async () => {
    const src = manual();
    const res = await uiMessageStreamResponse(src.stream, { coalesceMs: 60_000 });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    src.controller.enqueue(delta("t", "Hel"));
    // The first delta is not held for the window (a minute here): it is read with nothing after it.
    expect(decoder.decode((await reader.read()).value)).toBe('data: {"type":"text-delta","id":"t","delta":"Hel"}\n\n');
    src.controller.enqueue(delta("t", "lo, "));
    src.controller.enqueue(delta("t", "world"));
    src.controller.enqueue(delta("r", "hm", "reasoning-delta"));
    src.controller.enqueue(delta("r", "m", "reasoning-delta"));
    src.controller.enqueue({ type: "text-end", id: "t" });
    src.controller.close();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += decoder.decode(r.value);
    expect(lines(rest)).toEqual([
      '{"type":"text-delta","id":"t","delta":"lo, world"}',
      '{"type":"reasoning-delta","id":"r","delta":"hmm"}',
      '{"type":"text-end","id":"t"}',
      "[DONE]",
    ]);
  });

  it("writes what it gathered before the source's end or failure, then ends or fails", async () => {
    const ended = manual();
    const endedRes = uiMessageStreamResponse(ended.stream, { coalesceMs: 60_000 });
    ended.controller.enqueue(delta("t", "a"));
    ended.controller.enqueue(delta("t", "b"));
    ended.controller.enqueue(delta("t", "c"));
    ended.controller.close();
    expect(lines(await (await endedRes).text())).toEqual([
      '{"type":"text-delta","id":"t","delta":"a"}',
      '{"type":"text-delta","id":"t","delta":"bc"}',
      "[DONE]",
    ]);

    // A source that fails after two more deltas (erroring a stream drops what it still queues, so the
    // failure comes from pull, as a provider connection cut mid-reply would).
    const queue = [delta("t", "a"), delta("t", "b"), delta("t", "c")];
    const failing = new ReadableStream<UIMessageChunk>({
      pull(c) {
        const next = queue.shift();
        if (next) c.enqueue(next);
        else c.error(new Error("cut"));
      },
    });
    const reader = (await uiMessageStreamResponse(failing, { coalesceMs: 60_000 })).body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toContain('"delta":"a"');
    expect(decoder.decode((await reader.read()).value)).toContain('"delta":"bc"');
    await expect(reader.read()).rejects.toThrow("cut");
  });

  it("holds a delta no longer than the window when nothing else comes", async () => {
    const src = manual();
    const res = await uiMessageStreamResponse(src.stream, { coalesceMs: 5 });
    const reader = res.body!.getReader();
    src.controller.enqueue(delta("t", "a"));
    await reader.read();
    src.controller.enqueue(delta("t", "b"));
    // The source stays open: the gathered delta still goes out once the window has passed.
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('"delta":"b"');
    src.controller.close();
  });
});

describe("upstreamDispatched", () => {
  it("resolves once the request made with that signal was written, before any answer", async () => {
    let answer!: () => void;
    local.handler = (_req, res) => {
      answer = () => res.end("{}");
    };
    const controller = new AbortController();
    const dispatched = upstreamDispatched(controller.signal);
    const other = upstreamDispatched(new AbortController().signal);
    const response = upstreamFetch("siliconflow", "/chat/completions", {
      ...withBase(),
      json: {},
      signal: controller.signal,
    });
    await dispatched;
    expect(await settledWithin(other)).toBe(false);
    await until(() => answer !== undefined);
    answer();
    expect((await response).status).toBe(200);
  });
});
