import "server-only";
import type { JSONValue, ModelMessage, TextStreamPart, ToolSet, UIMessageChunk } from "ai";
import type { ChatMessage } from "@/lib/chat/contract";
import { AppError } from "@/lib/errors";
import type { ModelInfo } from "@/lib/providers/catalog";
import { WEB_SEARCH_NEEDS_GLM_DETAIL, webSearchMode } from "../contract";
import { type SearchVia, sourcePart, sourcesOf, type WebSearchSource } from "../sources";
import { searchContext, withSearchContext } from "./context";
import { type SearchHit, searchQueryOf, searchWeb } from "./glm-api";
import { GLM_WEB_SEARCH_FIELD, hitsFromRawChunk, webSearchToolSettings } from "./glm-tool";
import { webSearchAvailable } from "./status";

// /api/chat's web search, decided before anything goes upstream (a missing GLM key or a failed search
// is refused as a plain HTTP error, and what was typed stays in the composer). The chat handler calls
// the plan's four hooks; with the switch off each one is the identity.

type ProviderOptions = Record<string, Record<string, JSONValue>>;
type Chunker = (part: TextStreamPart<ToolSet>) => UIMessageChunk[];

interface WebSearchPlan {
  /** The system prompt to count against the context window, with the numbered results added. */
  budgetPrompt(systemPrompt: string | undefined): string | undefined;
  /** The model messages with the numbered results in front of the user's turn (context mode). */
  messages(messages: ModelMessage[]): ModelMessage[];
  /** streamText options to spread after the call settings (tool mode: the tool, and raw chunks to read). */
  streamOptions(providerOptions: ProviderOptions | undefined): {
    providerOptions?: ProviderOptions;
    includeRawChunks?: boolean;
  };
  /** The UI chunker with the sources added: after `start` (context mode) or as the tool's results arrive. */
  chunks(toChunks: Chunker): Chunker;
}

const OFF: WebSearchPlan = {
  budgetPrompt: (systemPrompt) => systemPrompt,
  messages: (messages) => messages,
  streamOptions: (providerOptions) => (providerOptions ? { providerOptions } : {}),
  chunks: (toChunks) => toChunks,
};

interface WebSearchInput {
  enabled: boolean | undefined;
  info: ModelInfo;
  /** The thread as it goes upstream (lib/chat/server/messages.ts prepareThread). */
  thread: readonly ChatMessage[];
  /** Continue: the cut reply, whose stored sources are cited on instead of searching again. */
  continued?: ChatMessage;
  signal?: AbortSignal;
}

function sourceChunks(sources: readonly WebSearchSource[], via: SearchVia): UIMessageChunk[] {
  return sources.map((s) => sourcePart(s, via) as UIMessageChunk);
}

function contextPlan(
  hits: readonly (SearchHit | WebSearchSource)[],
  emit: boolean,
  continuing: boolean,
): WebSearchPlan {
  const context = searchContext(hits);
  if (!context) return OFF;
  const chunks = emit ? sourceChunks(hits, "glm-api") : [];
  return {
    budgetPrompt: (systemPrompt) => (systemPrompt?.trim() ? `${systemPrompt}\n\n${context}` : context),
    messages: (messages) => withSearchContext(messages, context, continuing),
    streamOptions: OFF.streamOptions,
    chunks:
      chunks.length === 0
        ? OFF.chunks
        : (toChunks) => (part) => {
            const out = toChunks(part);
            if (part.type === "start") out.push(...chunks);
            return out;
          },
  };
}

const toolPlan: WebSearchPlan = {
  budgetPrompt: OFF.budgetPrompt,
  messages: OFF.messages,
  streamOptions: (providerOptions) => ({
    providerOptions: {
      ...providerOptions,
      glm: { ...providerOptions?.glm, [GLM_WEB_SEARCH_FIELD]: webSearchToolSettings() },
    },
    includeRawChunks: true,
  }),
  chunks: (toChunks) => {
    // GLM sends its results once; a repeat (or an empty list before the real one) adds nothing.
    let sent = false;
    return (part) => {
      if (part.type !== "raw") return toChunks(part);
      if (sent) return [];
      const hits = hitsFromRawChunk(part.rawValue);
      if (hits.length === 0) return [];
      sent = true;
      return sourceChunks(hits, "glm-tool");
    };
  },
};

function lastUserText(thread: readonly ChatMessage[]): string {
  const user = thread.findLast((m) => m.role === "user");
  let text = "";
  for (const part of user?.parts ?? []) if (part.type === "text") text += `${part.text}\n`;
  return text;
}

export async function planWebSearch(input: WebSearchInput): Promise<WebSearchPlan> {
  if (!input.enabled) return OFF;
  if (!webSearchAvailable()) {
    throw new AppError("bad_request", {
      detail: WEB_SEARCH_NEEDS_GLM_DETAIL,
      key: "error.search.needsGlm",
    });
  }
  if (input.continued) {
    // The continuation cites the same numbered sources; searching again would renumber them.
    const stored = sourcesOf(input.continued.parts);
    return stored.length > 0 ? contextPlan(stored, false, true) : OFF;
  }
  if (webSearchMode(input.info) === "tool") return toolPlan;
  const query = searchQueryOf(lastUserText(input.thread));
  if (!query) return OFF;
  return contextPlan(await searchWeb(query, input.signal), true, false);
}
