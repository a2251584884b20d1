import { estimateMessage, estimateTextTokens, type MessageSize } from "@/lib/chat/context";
import type { ModelInfo } from "@/lib/providers/catalog";
import type { ReplyUsage } from "./chat-cost";

// A reply's usage when the provider reported none: a stream cut before its last chunk (GLM and
// SiliconFlow send usage at the end), a stopped reply, a reload mid-stream. The prompt is counted the
// way the context-window check counts it (lib/chat/context.ts: text by script, images by SiliconFlow's
// published vision rules in seed 003, GLM images by seed 000's example), the reply from its text.
// The cost made from it carries `estimated: true`. Pure and browser-safe.

interface ReplyText {
  text: string;
  reasoning?: string;
}

export function estimateReplyUsage(
  model: Pick<ModelInfo, "id" | "provider">,
  prompt: readonly MessageSize[],
  reply: ReplyText,
): ReplyUsage {
  const input = prompt.reduce((sum, message) => sum + estimateMessage(model, message), 0);
  const reasoning = reply.reasoning ? estimateTextTokens(reply.reasoning) : 0;
  const output = estimateTextTokens(reply.text) + reasoning;
  return { input, output, reasoning };
}
