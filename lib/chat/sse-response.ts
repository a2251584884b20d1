import { UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from "ai";

// The UI message stream as an SSE response, as createUIMessageStreamResponse makes it, in one stream
// stage. The SDK's helper encodes in two (JSON → `data:` text, then a TextEncoderStream), and each
// stage is one more hop through Node's web streams for every chunk: measured about 0.2 ms of time to
// first token per request on a loaded machine. Same bytes, same headers, chunks still leave one by one.
//
// `ready` holds the response back until the upstream request is out (see lib/upstream/dispatch.ts):
// the server writes its headers together with the first chunk, and doing that while the provider
// already works on the request takes it off the path to the first token (about 0.8 ms measured).
// Should `ready` never come, the first event past `start` (the provider's answer, an error or the
// end) releases the response instead, so nothing waits for ever.

const encoder = new TextEncoder();
const DONE = encoder.encode("data: [DONE]\n\n");

const encode = (chunk: UIMessageChunk) => encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`);

export async function uiMessageStreamResponse(
  stream: ReadableStream<UIMessageChunk>,
  init: { headers?: Record<string, string>; ready?: Promise<void> } = {},
): Promise<Response> {
  const reader = stream.getReader();
  // Chunks read while waiting, and a read still in flight when `ready` came: the body takes both first.
  const early: UIMessageChunk[] = [];
  let inFlight: Promise<ReadableStreamReadResult<UIMessageChunk>> | undefined;
  if (init.ready) {
    const ready = init.ready.then(() => "ready" as const);
    for (;;) {
      const read = reader.read();
      inFlight = read;
      const first = await Promise.race([ready, read.catch(() => "failed" as const)]);
      // Dispatched, or the stream failed or ended: the body's first pull settles the pending read.
      if (first === "ready" || first === "failed" || first.done) break;
      inFlight = undefined;
      early.push(first.value);
      if (first.value.type !== "start") break;
    }
  }

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = early.shift();
      if (chunk) {
        controller.enqueue(encode(chunk));
        return;
      }
      const read = inFlight ?? reader.read();
      inFlight = undefined;
      // A rejected read errors the body, as a failing pipeThrough stage did.
      const { done, value } = await read;
      if (done) {
        controller.enqueue(DONE);
        controller.close();
        return;
      }
      controller.enqueue(encode(value));
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
