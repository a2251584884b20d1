import "server-only";
import { type EstimatedImage, estimateMessage, type MessageSize, planContext } from "@/lib/chat/context";
import type { ChatMessage } from "@/lib/chat/contract";
import { AppError } from "@/lib/errors";
import { sniffImage } from "@/lib/images/sniff";
import type { ModelInfo } from "@/lib/providers/catalog";
import { detailOfPart } from "@/lib/vision/detail";

// /api/chat's side of the context window: the server decides what is sent, because only it sees the
// exact thread that goes upstream (after Continue's instruction, with every image inline). The oldest
// turns that do not fit are left out and the reply's metadata says how many (contextTrimmed), so the
// thread can show it; a newest message that cannot fit on its own is refused before anything is sent,
// with the same error a provider's own "prompt too long" becomes.

/** Enough of a data: URL to read an image's header (a JPEG's size can sit after its EXIF block). */
const HEAD_BASE64_CHARS = 87_384;

function imageOf(part: { url?: unknown; providerMetadata?: unknown }): EstimatedImage {
  const detail = detailOfPart(part);
  const url = typeof part.url === "string" ? part.url : "";
  const comma = url.indexOf(",");
  if (!url.startsWith("data:") || comma < 0 || !url.slice(0, comma).endsWith(";base64")) return { detail };
  try {
    const head = url.slice(comma + 1, comma + 1 + HEAD_BASE64_CHARS);
    const binary = atob(head.slice(0, head.length - (head.length % 4)));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const info = sniffImage(bytes);
    return info ? { width: info.width, height: info.height, detail } : { detail };
  } catch {
    return { detail };
  }
}

export function messageSize(message: ChatMessage): MessageSize {
  let text = "";
  const images: EstimatedImage[] = [];
  for (const part of message.parts) {
    if (part.type === "text") text += part.text;
    else if (part.type === "file" && part.mediaType.startsWith("image/")) images.push(imageOf(part));
    else if (part.type === "dynamic-tool" || part.type.startsWith("tool-")) {
      // A tool round costs its call (name and arguments) and its result, both sent as JSON text.
      const call = part as { toolName?: string; input?: unknown; output?: unknown; errorText?: string };
      text += `${call.toolName ?? ""}${JSON.stringify(call.input ?? null)}${call.errorText ?? JSON.stringify(call.output ?? null)}`;
    }
  }
  return { text, images };
}

export interface TrimmedThread {
  messages: ChatMessage[];
  /** Messages left out at the start of the thread. */
  dropped: number;
  promptTokens: number;
}

export function trimToContext(
  model: ModelInfo,
  messages: ChatMessage[],
  options: { systemPrompt?: string; maxTokens?: number; keepLast?: number },
): TrimmedThread {
  const plan = planContext({
    model,
    messageTokens: messages.map((m) => estimateMessage(model, messageSize(m))),
    roles: messages.map((m) => m.role),
    systemPrompt: options.systemPrompt,
    maxTokens: options.maxTokens,
    keepLast: options.keepLast,
  });
  if (!plan.fits) {
    throw new AppError("prompt_too_long", {
      provider: model.provider,
      detail: `messages: about ${plan.promptTokens} prompt tokens; ${model.id} leaves ${plan.budget} of its ${model.contextWindow}-token window`,
    });
  }
  return { messages: messages.slice(plan.start), dropped: plan.dropped, promptTokens: plan.promptTokens };
}
