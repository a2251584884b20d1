import "server-only";
import type { TextStreamPart, ToolSet } from "ai";
import type { ChatMetadata, ChatModelRef, ChatUsage } from "@/lib/chat/contract";

// Message metadata for the UI: the model and start time on `start`; usage (cached prompt tokens
// included), the provider's own finish reason, the thinking time and the speed figures on `finish`.
// The SDK's unified finish reason folds GLM's `sensitive` and SiliconFlow's `risky` into "other", so
// the raw reason is sent.

interface MetadataOptions {
  model: ChatModelRef;
  /**
   * Continue: the message already has its start time, so none is sent. Usage is always this
   * request's own; the client adds it to what the cut reply had.
   */
  continuation?: boolean;
  /** Earlier messages the request left out (lib/chat/server/trim.ts); sent with `start` when there are any. */
  contextTrimmed?: number;
  /** More fields for `start` (the playground's notes, prefix length, JSON mode: lib/chat/playground). */
  extra?: ChatMetadata;
  now?: () => number;
}

interface MetadataTracker {
  /** For streamText's `onChunk`: notes when thinking and answering began. */
  observe(type: string): void;
  /** For toUIMessageStream's `messageMetadata`. */
  metadata(options: { part: TextStreamPart<ToolSet> }): ChatMetadata | undefined;
}

export function createMetadataTracker({
  model,
  continuation,
  contextTrimmed,
  extra,
  now = Date.now,
}: MetadataOptions): MetadataTracker {
  // The request arrived when the tracker was made (before anything went upstream).
  const arrivedAt = now();
  let reasoningAt: number | undefined;
  let textAt: number | undefined;
  let firstTokenAt: number | undefined;
  return {
    observe(type) {
      if (type === "reasoning-delta") reasoningAt ??= now();
      else if (type === "text-delta") textAt ??= now();
      else if (type !== "tool-call" && type !== "tool-input-delta") return;
      firstTokenAt ??= now();
    },
    metadata({ part }) {
      if (part.type === "start") {
        const start: ChatMetadata = { ...extra, model };
        if (!continuation) start.createdAt = now();
        if (contextTrimmed) start.contextTrimmed = contextTrimmed;
        return start;
      }
      if (part.type !== "finish") return undefined;
      const usage: ChatUsage = {
        input: part.totalUsage.inputTokens ?? 0,
        output: part.totalUsage.outputTokens ?? 0,
        reasoning: part.totalUsage.outputTokenDetails?.reasoningTokens ?? 0,
      };
      const cached = part.totalUsage.inputTokenDetails?.cacheReadTokens ?? 0;
      if (cached > 0) usage.cached = cached;
      const end = now();
      const out: ChatMetadata = { usage, finishReason: part.rawFinishReason ?? part.finishReason };
      // Thinking that never reached an answer (cut by max tokens) lasted until the end.
      if (reasoningAt !== undefined) out.reasoningMs = (textAt ?? end) - reasoningAt;
      if (firstTokenAt !== undefined) out.firstTokenMs = firstTokenAt - arrivedAt;
      out.durationMs = end - arrivedAt;
      return out;
    },
  };
}
