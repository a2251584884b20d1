import "server-only";
import { type TextStreamPart, type ToolSet, toUIMessageChunk, type UIMessageChunk } from "ai";

// What the AI SDK's toUIMessageStream does for each part of streamText's stream (ai 7), as a plain
// function the SSE encoder calls: the same toUIMessageChunk, the same order of the metadata chunk, the
// same handling of invalid tool calls. toUIMessageStream builds a ReadableStream and two
// TransformStreams per reply and passes every chunk through all three; on Node 20 each stream costs tens
// of microseconds to build and each hop a few more per chunk, all before the first token. Left out: its
// onEnd/onStepEnd bookkeeping (not used here) and a warning it logs about tool errors (no tools here).
// tests/unit/chat-ui-chunks.test.ts checks the bytes against toUIMessageStream's.

interface ChunkerOptions<META> {
  sendReasoning?: boolean;
  /** As toUIMessageStream's `messageMetadata`: called with every part. */
  messageMetadata?: (options: { part: TextStreamPart<ToolSet> }) => META | undefined;
  /** As toUIMessageStream's `onError`: the error text of error chunks (and of failed tool calls). */
  onError?: (error: unknown) => string;
}

/** A stateful converter, one per reply: parts in order, UI message chunks out (none, one or two). */
export function createUIChunker<META>(options: ChunkerOptions<META>) {
  const invalidToolCallIds = new Set<string>();
  return (part: TextStreamPart<ToolSet>): UIMessageChunk[] => {
    if (part.type === "tool-call" && part.invalid) invalidToolCallIds.add(part.toolCallId);
    const isInvalidToolCallError =
      part.type === "tool-error" && !part.providerExecuted && invalidToolCallIds.delete(part.toolCallId);
    const metadata = options.messageMetadata?.({ part });
    const chunk = isInvalidToolCallError
      ? undefined
      : toUIMessageChunk(part, {
          sendReasoning: options.sendReasoning,
          onError: options.onError,
          messageMetadata: metadata,
        });
    const out: UIMessageChunk[] = [];
    if (chunk != null && part.type !== "finish-step") out.push(chunk as UIMessageChunk);
    if (metadata != null && part.type !== "start" && part.type !== "finish") {
      out.push({ type: "message-metadata", messageMetadata: metadata });
    }
    if (chunk != null && part.type === "finish-step") out.push(chunk as UIMessageChunk);
    return out;
  };
}
