import "server-only";
import type { ChatMessage } from "@/lib/chat/contract";
import { AppError } from "@/lib/errors";
import { bilingual, type MessageKey, type MessageVars } from "@/lib/i18n";
import type { ModelInfo } from "@/lib/providers/catalog";
import { detailOfPart } from "@/lib/vision/detail";

// What of the visible thread goes to the model: user text and images, assistant text and finished tool
// calls with their results (with the step boundaries that order them: call, result, then the answer).
// Earlier reasoning is never sent back (SiliconFlow does not take it, and it costs tokens); a tool call
// that never got a result is left out, since providers refuse a `tool_calls` message without its
// `tool` answers; data and source parts are UI-only. Pure functions; only the chat route calls them.

type Part = ChatMessage["parts"][number];

interface PreparedThread {
  messages: ChatMessage[];
  /** For Continue: the text of the cut reply the model is asked to carry on. */
  partial?: string;
}

/**
 * Continue = the cut reply as an assistant message, then a short user instruction. This works the
 * same on SiliconFlow, GLM and the simulator; prefix completion (SiliconFlow `prefix`, DeepSeek's
 * trailing assistant message) exists only on some models and providers.
 */
export const CONTINUE_INSTRUCTION = bilingual({ key: "chat.continueInstruction" });

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

export function prepareThread(messages: ChatMessage[], options: { continue?: boolean } = {}): PreparedThread {
  const out: ChatMessage[] = [];
  for (const message of messages) {
    let parts = message.parts.filter((part) => keepPart(message.role, part)).map(cleanPart);
    // Step boundaries matter only between tool rounds; a plain reply goes as it always did.
    if (!parts.some((part) => part.type !== "text" && part.type !== "file" && part.type !== "step-start")) {
      parts = parts.filter((part) => part.type !== "step-start");
    }
    if (parts.length === 0) continue;
    out.push({ id: message.id, role: message.role, parts });
  }
  if (!options.continue) return { messages: out };

  const last = messages.at(-1);
  if (last?.role !== "assistant") {
    throw new AppError("bad_request", {
      detail: "continue: the last message must be the assistant reply to continue",
      key: "error.chat.nothingToContinue",
    });
  }
  const partial = textOf(last);
  // A reply cut before any answer text (only reasoning, or nothing): answering afresh is the continuation.
  if (partial.trim() === "") return { messages: out.at(-1)?.id === last.id ? out.slice(0, -1) : out };
  const instruction = CJK.test(partial) ? CONTINUE_INSTRUCTION.zh : CONTINUE_INSTRUCTION.en;
  out.push({ id: `${last.id}-continue`, role: "user", parts: [{ type: "text", text: instruction }] });
  return { messages: out, partial };
}

/** Tool results a provider can be given (approval and denial states are not used here). */
const ANSWERED = new Set(["output-available", "output-error"]);

function keepPart(role: ChatMessage["role"], part: Part): boolean {
  if (part.type === "text") return true;
  if (role === "user") return part.type === "file";
  if (part.type === "step-start") return true;
  if (part.type === "dynamic-tool" || part.type.startsWith("tool-")) {
    return ANSWERED.has((part as { state?: string }).state ?? "");
  }
  return false;
}

/** A file part as the model gets it: only an image's `detail` survives of its provider metadata. */
function cleanPart(part: Part): Part {
  if (part.type !== "file") return part;
  const { providerMetadata: _meta, ...rest } = part;
  const detail = detailOfPart(part);
  return detail ? { ...rest, providerMetadata: { openaiCompatible: { detail } } } : rest;
}

function textOf(message: ChatMessage): string {
  let text = "";
  for (const part of message.parts) if (part.type === "text") text += part.text;
  return text;
}

/**
 * Refuses images a model cannot take, before anything is sent upstream. `publishesImages`: this
 * server can turn inline images into links (PUBLIC_BASE_URL), so a URL-only model takes them too.
 */
export function checkAttachments(
  model: ModelInfo,
  messages: ChatMessage[],
  options: { publishesImages?: boolean } = {},
): void {
  for (const message of messages) {
    let images = 0;
    for (const part of message.parts) {
      if (part.type !== "file") continue;
      if (!part.mediaType.startsWith("image/")) {
        throw refusal(`file type ${part.mediaType}`, "error.chat.imagesOnly");
      }
      images++;
      if (!model.vision) {
        throw refusal(`model ${model.id} has no vision`, "error.chat.noVision", { model: model.id });
      }
      if (model.visionUrlOnly && !options.publishesImages && part.url.startsWith("data:")) {
        throw refusal(`model ${model.id} takes image URLs only`, "error.chat.urlOnly", { model: model.id });
      }
    }
    if (model.maxImages > 0 && images > model.maxImages) {
      throw refusal(`at most ${model.maxImages} images per message for ${model.id}`, "error.chat.maxImages", {
        model: model.id,
        max: model.maxImages,
      });
    }
  }
}

function refusal(detail: string, key: MessageKey, vars?: MessageVars): AppError {
  return new AppError("bad_request", { detail: `messages: ${detail}`, key, vars });
}
