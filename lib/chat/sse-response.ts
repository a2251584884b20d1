import { UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from "ai";

// The UI message stream as an SSE response, as createUIMessageStreamResponse makes it, in one stream
// stage. The SDK's helper encodes in two (JSON → `data:` text, then a TextEncoderStream), and each
// stage is one more hop through Node's web streams for every chunk: measured about 0.2 ms of time to
// first token per request on a loaded machine. Same bytes, same headers, chunks still leave one by one.

const encoder = new TextEncoder();

export function uiMessageStreamResponse(
  stream: ReadableStream<UIMessageChunk>,
  init: { headers?: Record<string, string> } = {},
): Response {
  const body = stream.pipeThrough(
    new TransformStream<UIMessageChunk, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`));
      },
      flush(controller) {
        controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      },
    }),
  );
  // The SDK's headers are defaults: the caller's win, as in createUIMessageStreamResponse.
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(UI_MESSAGE_STREAM_HEADERS)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  return new Response(body, { headers });
}
