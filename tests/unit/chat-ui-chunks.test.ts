import { createUIMessageStreamResponse, type TextStreamPart, type ToolSet, toUIMessageStream } from "ai";
import { describe, expect, it } from "vitest";
import { createMetadataTracker } from "@/lib/chat/server/metadata";
import { uiMessageStreamResponse } from "@/lib/chat/server/sse-response";
import { createUIChunker } from "@/lib/chat/server/ui-chunks";

// The chat route turns streamText's parts into UI message chunks itself (lib/chat/server/ui-chunks.ts); the
// bytes must be the ones the SDK's toUIMessageStream + createUIMessageStreamResponse give.

type Part = TextStreamPart<ToolSet>;

const usage = {
  inputTokens: 12,
  inputTokenDetails: { noCacheTokens: 12, cacheReadTokens: 0, cacheWriteTokens: 0 },
  outputTokens: 30,
  outputTokenDetails: { textTokens: 20, reasoningTokens: 10 },
  totalTokens: 42,
};

const REPLY = [
  { type: "start" },
  { type: "start-step", request: {}, warnings: [] },
  { type: "reasoning-start", id: "r0" },
  { type: "reasoning-delta", id: "r0", text: "Let me think" },
  { type: "reasoning-end", id: "r0" },
  { type: "text-start", id: "t0" },
  { type: "text-delta", id: "t0", text: "Hé, " },
  { type: "raw", rawValue: { ignored: true } },
  { type: "text-delta", id: "t0", text: 'a "quote"\n' },
  { type: "text-end", id: "t0" },
  {
    type: "finish-step",
    response: { id: "x", timestamp: new Date(0), modelId: "m", headers: {} },
    usage,
    finishReason: "stop",
    rawFinishReason: "eos",
    providerMetadata: undefined,
  },
  { type: "finish", finishReason: "stop", rawFinishReason: "eos", totalUsage: usage },
] as unknown as Part[];

const FAILED = [
  { type: "start" },
  { type: "start-step", request: {}, warnings: [] },
  { type: "text-start", id: "t0" },
  { type: "text-delta", id: "t0", text: "partial" },
  { type: "error", error: new Error("cut") },
  { type: "tool-call", toolCallId: "c1", toolName: "nope", input: {}, invalid: true, error: new Error("no tool") },
  { type: "tool-error", toolCallId: "c1", toolName: "nope", input: {}, error: new Error("no tool") },
  { type: "tool-call", toolCallId: "c2", toolName: "ok", input: { a: 1 } },
  { type: "abort", reason: "stopped" },
] as unknown as Part[];

function source(parts: Part[]) {
  return new ReadableStream<Part>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

type Metadata = (options: { part: Part }) => unknown;

async function both(parts: Part[], continuation = false, everyPart?: Metadata) {
  const options = () => {
    let t = 1000;
    const tracker = createMetadataTracker({
      model: { provider: "siliconflow", id: "m" },
      continuation,
      now: () => (t += 7),
    });
    return {
      sendReasoning: true,
      messageMetadata: everyPart ?? tracker.metadata,
      onError: (error: unknown) => `E: ${error instanceof Error ? error.message : String(error)}`,
    };
  };
  const sdk = createUIMessageStreamResponse({ stream: toUIMessageStream({ stream: source(parts), ...options() }) });
  const ours = await uiMessageStreamResponse(source(parts), { toChunks: createUIChunker(options()) });
  return { sdk: await sdk.text(), ours: await ours.text() };
}

describe("createUIChunker", () => {
  it("gives toUIMessageStream's bytes for a reply with reasoning, text, usage and finish reason", async () => {
    const { sdk, ours } = await both(REPLY);
    expect(sdk).toContain('"finishReason":"eos"');
    expect(ours).toBe(sdk);
  });

  it("gives the same bytes for a continuation (no start time)", async () => {
    const { sdk, ours } = await both(REPLY, true);
    expect(ours).toBe(sdk);
  });

  it("gives the same bytes for errors, invalid and valid tool calls and an abort", async () => {
    const { sdk, ours } = await both(FAILED);
    expect(sdk).toContain('"errorText":"E: cut"');
    expect(ours).toBe(sdk);
  });

  it("puts metadata of other parts in message-metadata chunks at the same places", async () => {
    const { sdk, ours } = await both(REPLY, false, ({ part }) => ({ seen: part.type }));
    expect(sdk).toContain('"type":"message-metadata"');
    expect(ours).toBe(sdk);
  });
});
