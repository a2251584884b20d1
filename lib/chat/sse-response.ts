import { UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from "ai";

// The UI message stream as an SSE response, as createUIMessageStreamResponse makes it, in one stream
// stage: each value read from the source becomes its UI message chunks (toChunks, see ui-chunks.ts),
// each chunk one `data:` line enqueued on its own, so every chunk still leaves in its own write. The
// SDK's helpers put a stream stage per step (toUIMessageStream's three, then JSON → `data:` text, then a
// TextEncoderStream), each one more hop through Node's web streams for every chunk and more streams
// to build per request. Same bytes, same headers.
//
// `ready` holds the response back until the upstream request is out (see lib/upstream/dispatch.ts):
// the server writes its headers together with the first chunk, and doing that while the provider
// already works on the request takes it off the path to the first token. Should `ready` never come,
// the first value that is more than `start` (the provider's answer, an error or the end) releases the
// response instead, so nothing waits for ever.

const encoder = new TextEncoder();
const DONE = encoder.encode("data: [DONE]\n\n");

const encode = (chunk: UIMessageChunk) => encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`);

export interface SseResponseInit<T> {
  headers?: Record<string, string>;
  ready?: Promise<void>;
  /** The chunks of one source value, in order; the source holds UI message chunks when left out. */
  toChunks?: (value: T) => UIMessageChunk[];
}

export async function uiMessageStreamResponse<T = UIMessageChunk>(
  source: ReadableStream<T>,
  init: SseResponseInit<T> = {},
): Promise<Response> {
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
      // Dispatched, or the source failed or ended: the body's first pull settles the pending read.
      if (first === "ready" || first === "failed" || first.done) break;
      inFlight = undefined;
      const chunks = toChunks(first.value);
      early.push(...chunks);
      if (chunks.some((chunk) => chunk.type !== "start")) break;
    }
  }

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A pull that enqueues nothing is not called again: read on until a value gives a chunk.
      while (early.length === 0) {
        const read = inFlight ?? reader.read();
        inFlight = undefined;
        // A rejected read errors the body, as a failing stream stage did.
        const { done, value } = await read;
        if (done) {
          controller.enqueue(DONE);
          controller.close();
          return;
        }
        early.push(...toChunks(value));
      }
      for (const chunk of early) controller.enqueue(encode(chunk));
      early.length = 0;
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  // The SDK's headers are defaults: the caller's win, as in createUIMessageStreamResponse.
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(UI_MESSAGE_STREAM_HEADERS)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  return new Response(body, { headers });
}
