import "server-only";
import type { JSONValue } from "ai";
import { WEB_SEARCH_COUNT, WEB_SEARCH_ENGINE } from "../contract";
import { hitsFromGlm, type SearchHit } from "./glm-api";

// GLM's built-in web search in a chat request: a non-function entry in `tools`,
//   { type: "web_search", web_search: { enable, search_engine, search_result, count, … } }
// (docs.bigmodel.cn/cn/guide/tools/web-search, "Web Search in Chat"; a bare {type: "web_search"} is
// refused). With `search_result: true` the results come back with the reply as a top-level
// `web_search` array of { title, link, content, media, icon, refer: "ref_N", publish_date } — on the
// final chunk, beside finish_reason and usage, in live captures of GLM-5.2 (xmiksay/entanglement ADR
// 0171; cherry-studio reads it where finish_reason is "stop"), on the first chunk in earlier GLM-4
// streams (lobehub/lobe-chat, model-runtime streams/openai.ts: "in Zhipu api, the citation is in the
// first chunk"). Any chunk may carry it here.
//
// The AI SDK's openai-compatible provider only sends function tools and drops unknown response fields,
// so the tool rides in providerOptions.glm.web_search (spread into the body as a top-level field, like
// every GLM-only option) and the provider's transformRequestBody moves it into `tools`; the results are
// read from the raw chunks (streamText's includeRawChunks), per request.

/** The providerOptions.glm key the tool settings travel under until transformRequestBody places them. */
export const GLM_WEB_SEARCH_FIELD = "web_search";

export function webSearchToolSettings(): Record<string, JSONValue> {
  return { enable: true, search_engine: WEB_SEARCH_ENGINE, search_result: true, count: WEB_SEARCH_COUNT };
}

/** For createOpenAICompatible's transformRequestBody (GLM): the tool settings become a `tools` entry. */
export function placeWebSearchTool(args: Record<string, unknown>): Record<string, unknown> {
  const settings = args[GLM_WEB_SEARCH_FIELD];
  if (typeof settings !== "object" || settings === null) return args;
  const { [GLM_WEB_SEARCH_FIELD]: _moved, ...rest } = args;
  const tools = Array.isArray(rest.tools) ? rest.tools : [];
  return { ...rest, tools: [...tools, { type: "web_search", web_search: settings }] };
}

/** The search results a raw GLM chunk carries, if any. */
export function hitsFromRawChunk(raw: unknown): SearchHit[] {
  if (typeof raw !== "object" || raw === null) return [];
  return hitsFromGlm((raw as Record<string, unknown>).web_search);
}
