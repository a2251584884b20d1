import "server-only";
import { createOpenAICompatible, type OpenAICompatibleProvider } from "@ai-sdk/openai-compatible";
import { extractReasoningMiddleware, type LanguageModel, wrapLanguageModel } from "ai";
import type { ChatModelRef } from "@/lib/chat/contract";
import { AppError } from "@/lib/errors";
import { describeModel, type ModelInfo } from "@/lib/providers/catalog";
import { placeWebSearchTool } from "@/lib/search/server/glm-tool";
import { createUpstreamFetch, resolveProvider } from "@/lib/upstream";
import { withImageDetail } from "@/lib/vision/detail";
import { withGlmMessageShapes } from "./glm-shapes";
import { guardedFetch } from "./stream-guard";

// The single way to get a chat model. Requests go through the upstream client (server key, timeouts,
// retries before the first byte, abort) and the stream guard (typed errors inside the stream).

interface ChatModel {
  model: LanguageModel;
  info: ModelInfo;
}

// One provider instance per provider and target; the target only changes with the configuration.
const providers = new Map<string, OpenAICompatibleProvider>();
// Model instances are reused: each one builds (and zod compiles on first use) its own chunk schemas,
// which cost about a millisecond of time to first token when done per request. Ids come from the
// client, so the cache is bounded (least recently used goes first).
const models = new Map<string, LanguageModel>();
const MODEL_CACHE_MAX = 64;

// GLM-4V models take user and assistant turns only, with list content (lib/chat/server/glm-shapes.ts).
function glmShapes(fetchFn: typeof fetch, provider: ChatModelRef["provider"]): typeof fetch {
  if (provider !== "glm") return fetchFn;
  return withGlmMessageShapes(fetchFn, (id) => describeModel("glm", id).systemInUser);
}

/** The catalog entry for `ref`; ids the catalog knows as image, video or audio models are refused. */
export function chatModelInfo(ref: ChatModelRef): ModelInfo {
  const info = describeModel(ref.provider, ref.id);
  if (info.type !== "chat") {
    throw new AppError("bad_request", {
      provider: ref.provider,
      detail: `model: ${ref.id} is a ${info.type} model`,
      key: "error.model.notChat",
      vars: { model: ref.id },
    });
  }
  return info;
}

/**
 * The model for `ref`. A provider without a key throws its "not configured" error here, before
 * anything streams, so it reaches the browser as a plain HTTP error.
 */
export async function getChatModel(ref: ChatModelRef, info = chatModelInfo(ref)): Promise<ChatModel> {
  const target = await resolveProvider(ref.provider);
  const key = `${ref.provider} ${target.baseUrl}`;
  const modelKey = `${key} ${ref.id}`;
  const cached = models.get(modelKey);
  if (cached) {
    models.delete(modelKey);
    models.set(modelKey, cached);
    return { model: cached, info };
  }
  let provider = providers.get(key);
  if (!provider) {
    provider = createOpenAICompatible({
      name: ref.provider,
      baseURL: target.baseUrl,
      // No apiKey here: the upstream client sets the server-side key itself.
      // SiliconFlow reads an image's `detail` inside image_url (lib/vision/detail.ts); GLM has none.
      fetch: withImageDetail(
        guardedFetch(
          ref.provider,
          glmShapes(
            createUpstreamFetch(ref.provider, { baseUrl: target.baseUrl, apiKey: target.apiKey }),
            ref.provider,
          ),
        ),
        ref.provider === "siliconflow",
      ),
      // SiliconFlow repeats the running usage on every chunk and GLM puts it on the finishing chunk (with
      // reasoning_tokens on thinking models); the SDK keeps the last one it sees, which is the total in
      // both cases (checked in chat-route tests).
      includeUsage: true,
      // Image URLs go to the provider as they are: the server never fetches a URL a client supplied.
      supportedUrls: () => ({ "image/*": [/^https:\/\//] }),
      // GLM's built-in web search is a non-function tool the SDK cannot express (lib/search/server/glm-tool.ts).
      transformRequestBody: ref.provider === "glm" ? placeWebSearchTool : undefined,
    });
    providers.set(key, provider);
  }
  const base = provider.chatModel(ref.id);
  const model = info.thinkTags
    ? wrapLanguageModel({ model: base, middleware: extractReasoningMiddleware({ tagName: "think" }) })
    : base;
  models.set(modelKey, model);
  if (models.size > MODEL_CACHE_MAX) models.delete(models.keys().next().value as string);
  return { model, info };
}
