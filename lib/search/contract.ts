// Web search: what /api/search and /api/chat's `webSearch` flag promise the browser. The sources of
// a reply travel as `source-url` parts (lib/search/sources.ts); citations in its text are read by
// lib/search/citations.ts.

/** Results asked for per search (GLM: `count`, 1–50, default 10; fewer keep the prompt small). */
export const WEB_SEARCH_COUNT = 5;
/** GLM's search API takes a query of at most 70 characters (docs.bigmodel.cn, Web Search API). */
export const WEB_SEARCH_QUERY_MAX = 70;
/** GLM's basic engine (search_std); search_pro, search_pro_sogou and search_pro_quark cost more. */
export const WEB_SEARCH_ENGINE = "search_std";

/**
 * GET /api/search: whether the switch can work on this server. Web search always goes through GLM
 * (its chat tool, or its search API for other models), so it needs a GLM key, or demo mode.
 */
export interface WebSearchStatus {
  available: boolean;
  /** Set when not available: what is missing, for the switch to explain before anything is sent. */
  reason?: "needs_glm_key";
}

/**
 * The answer of GET /api/search, checked by hand rather than with zod: every chat page asks for it
 * as it loads, and zod (about 36 KB gzip) would come with it for two fields. Unknown fields are
 * dropped; anything else that does not fit throws.
 */
export function readWebSearchStatus(value: unknown): WebSearchStatus {
  const v = value as Partial<Record<keyof WebSearchStatus, unknown>> | null;
  const fits =
    typeof v === "object" &&
    v !== null &&
    typeof v.available === "boolean" &&
    (v.reason === undefined || v.reason === "needs_glm_key");
  if (!fits) throw new TypeError("GET /api/search: not a web search status");
  return v.reason === undefined
    ? { available: v.available as boolean }
    : { available: v.available as boolean, reason: v.reason as "needs_glm_key" };
}

/**
 * How a model searches: GLM models that take tools use GLM's built-in `web_search` tool in the chat
 * request; every other model (SiliconFlow's, GLM's vision and Z1 models) gets the results of GLM's
 * search API as numbered context.
 */
type WebSearchMode = "tool" | "context";

export function webSearchMode(model: { provider: "siliconflow" | "glm"; tools: boolean }): WebSearchMode {
  return model.provider === "glm" && model.tools ? "tool" : "context";
}

/** The `detail` of the error /api/chat answers when `webSearch` is asked for without a GLM key. */
export const WEB_SEARCH_NEEDS_GLM_DETAIL = "webSearch: needs GLM_API_KEY";
