import "server-only";
import { UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from "ai";
import type { ChunkedReply } from "@/lib/http/node-handler";

// The UI message stream as an SSE body, as createUIMessageStreamResponse makes it, without a stream
// stage: each value read from the source becomes its UI message chunks (toChunks, see ui-chunks.ts),
// each chunk one `data:` line read on its own, so every chunk leaves in its own write. The SDK's helpers
// put a stream stage per step (toUIMessageStream's three, then JSON → `data:` text, then a
// TextEncoderStream), each one more hop through Node's web streams for every chunk and more streams to
// build per request. /api/chat's Node route (lib/http/node-handler.ts) writes the chunks of
// uiMessageSse straight to the socket; uiMessageStreamResponse wraps the same body as a web Response.
// Same bytes, same headers.
//
// `ready` holds the response back until the upstream request is out (see lib/upstream/dispatch.ts):
// the server writes its headers together with the first chunk, and doing that while the provider
// already works on the request takes it off the path to the first token. Should `ready` never come,
// the first value that is more than `start` (the provider's answer, an error or the end) releases the
// response instead, so nothing waits for ever.

const encoder = new TextEncoder();
const DONE = encoder.encode("data: [DONE]\n\n");

const encode = (chunk: UIMessageChunk) => encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`);

interface SseResponseInit<T> {
  headers?: Record<string, string>;
  ready?: Promise<void>;
  /** The chunks of one source value, in order; the source holds UI message chunks when left out. */
  toChunks?: (value: T) => UIMessageChunk[];
  /**
   * Text and reasoning deltas of one part that arrive within this many ms of the last one written go
   * out as one chunk (0: every delta on its own). The first delta is never held.
   */
  coalesceMs?: number;
}

type Delta = Extract<UIMessageChunk, { type: "text-delta" | "reasoning-delta" }>;

const isDelta = (chunk: UIMessageChunk | undefined): chunk is Delta =>
  (chunk?.type === "text-delta" || chunk?.type === "reasoning-delta") && chunk.providerMetadata === undefined;

const sleep = (ms: number) => new Promise<"late">((resolve) => setTimeout(() => resolve("late"), ms));

/**
 * The SSE body, once `ready` (or the first chunk past `start`) came: each read is one `data:` line, and
 * undefined once `[DONE]` was read. The Node route writes it as it is.
 */
export async function uiMessageSse<T = UIMessageChunk>(
  source: ReadableStream<T>,
  init: SseResponseInit<T> = {},
): Promise<ChunkedReply> {
  const toChunks = init.toChunks ?? ((value: T) => [value as UIMessageChunk]);
  const reader = source.getReader();
  // Chunks made while waiting, and a read still in flight when `ready` came: the body takes both first.
  const early: UIMessageChunk[] = [];
  let inFlight: Promise<ReadableStreamReadResult<T>> | undefined;
  if (init.ready) {
    const ready = init.ready.then(() => "ready" as const);
    for (;;) {
      const read = reader.read();
      inFlight = read;
      const first = await Promise.race([ready, read.catch(() => "failed" as const)]);
      // Dispatched, or the source failed or ended: the body's first read settles the pending read.
      if (first === "ready" || first === "failed" || first.done) break;
      inFlight = undefined;
      const chunks = toChunks(first.value);
      early.push(...chunks);
      if (chunks.some((chunk) => chunk.type !== "start")) break;
    }
  }

  let ended = false;
  let next = 0;
  const coalesceMs = init.coalesceMs ?? 0;
  let lastDeltaAt = Number.NEGATIVE_INFINITY;

  // Appends the deltas of the same part that follow `first`, reading the source until the window since
  // the last delta written closes or another kind of chunk comes. A read still open when the window
  // closes (or one that ended or failed the source) is kept for the next call, so nothing is lost.
  const gather = async (first: Delta): Promise<UIMessageChunk> => {
    let delta = first.delta;
    const deadline = lastDeltaAt + coalesceMs;
    for (;;) {
      const following = early[next];
      if (following !== undefined) {
        if (!isDelta(following) || following.type !== first.type || following.id !== first.id) break;
        delta += following.delta;
        next++;
        continue;
      }
      const wait = deadline - performance.now();
      if (wait <= 0) break;
      const pending = inFlight ?? reader.read();
      inFlight = pending;
      const winner = await Promise.race([
        pending.then(
          () => "read" as const,
          () => "read" as const,
        ),
        sleep(wait),
      ]);
      if (winner === "late") break;
      const result = await pending.catch(() => undefined);
      if (!result || result.done) break;
      inFlight = undefined;
      early.push(...toChunks(result.value));
    }
    lastDeltaAt = performance.now();
    return delta === first.delta ? first : { ...first, delta };
  };

  const read = async (): Promise<Uint8Array | undefined> => {
    // A source value may give no chunk: read on until one does. A rejected read rejects here.
    while (next === early.length) {
      if (ended) return undefined;
      early.length = 0;
      next = 0;
      const pending = inFlight ?? reader.read();
      inFlight = undefined;
      const { done, value } = await pending;
      if (done) {
        ended = true;
        return DONE;
      }
      early.push(...toChunks(value));
    }
    const chunk = early[next++] as UIMessageChunk;
    if (coalesceMs > 0 && isDelta(chunk)) return encode(await gather(chunk));
    return encode(chunk);
  };
  // The SDK's headers are defaults: the caller's win, as in createUIMessageStreamResponse.
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(UI_MESSAGE_STREAM_HEADERS)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  return { status: 200, headers, read, cancel: (reason) => reader.cancel(reason) };
}

/** The same SSE body as a web Response, as createUIMessageStreamResponse answers. */
export async function uiMessageStreamResponse<T = UIMessageChunk>(
  source: ReadableStream<T>,
  init: SseResponseInit<T> = {},
): Promise<Response> {
  const sse = await uiMessageSse(source, init);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await sse.read();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel: (reason) => sse.cancel(reason),
  });
  return new Response(body, { status: sse.status, headers: sse.headers });
}
