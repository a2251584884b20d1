import "server-only";
import { AppError } from "@/lib/errors";
import { upstreamJson } from "@/lib/upstream";
import { WEB_SEARCH_COUNT, WEB_SEARCH_ENGINE, WEB_SEARCH_QUERY_MAX } from "../contract";
import { SOURCE_LIMITS, toSource, type WebSearchSource } from "../sources";

// GLM's standalone search: POST {GLM base}/web_search (docs.bigmodel.cn/api-reference/工具-api/网络搜索).
// Request: search_query (≤ 70 characters), search_engine (search_std | search_pro | search_pro_sogou |
// search_pro_quark), search_intent, count (1–50), search_recency_filter, content_size.
// Answer: { id, created, request_id, search_intent?: [...], search_result: [{ title, content, link,
// media, icon, refer, publish_date }] }. Errors come in GLM's usual `{error: {code, message}}` form and
// go through the upstream client's parser like any other GLM call.

/** A search result with the page text the model reads; the browser gets only the WebSearchSource. */
export interface SearchHit extends WebSearchSource {
  content: string;
}

interface GlmSearchAnswer {
  search_result?: unknown;
}

/** Per-result page text handed to the model: enough to answer from, small enough for every window. */
const HIT_CONTENT_MAX = 800;

/** The query for a message: its text on one line, cut to what the search API takes. */
export function searchQueryOf(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return [...line].slice(0, WEB_SEARCH_QUERY_MAX).join("");
}

/** GLM's result entries (from the search API or the chat tool's `web_search`) as numbered sources. */
export function hitsFromGlm(entries: unknown): SearchHit[] {
  if (!Array.isArray(entries)) return [];
  const out: SearchHit[] = [];
  const used = new Set<number>();
  entries.forEach((entry, index) => {
    if (typeof entry !== "object" || entry === null || out.length >= SOURCE_LIMITS.maxSources) return;
    const e = entry as Record<string, unknown>;
    // `refer` is "ref_1", "ref_2" …; the position stands in when it is missing or repeats.
    const refer = typeof e.refer === "string" ? /^ref_(\d{1,3})$/.exec(e.refer.trim()) : null;
    let n = refer ? Number(refer[1]) : index + 1;
    if (used.has(n)) n = Math.max(...used) + 1;
    const source = toSource({ n, title: e.title, url: e.link, site: e.media, date: e.publish_date });
    if (!source) return;
    used.add(source.n);
    const content = typeof e.content === "string" ? [...e.content.trim()].slice(0, HIT_CONTENT_MAX).join("") : "";
    out.push({ ...source, content });
  });
  return out;
}

/** Searches the web through GLM; the browser's abort reaches the request. */
export async function searchWeb(query: string, signal?: AbortSignal): Promise<SearchHit[]> {
  if (!query) return [];
  const answer = await upstreamJson<GlmSearchAnswer>("glm", "/web_search", {
    method: "POST",
    json: {
      search_query: query,
      search_engine: WEB_SEARCH_ENGINE,
      search_intent: false,
      count: WEB_SEARCH_COUNT,
      search_recency_filter: "noLimit",
      content_size: "medium",
    },
    signal,
  });
  if (!Array.isArray(answer.search_result)) {
    throw new AppError("upstream_error", { provider: "glm", detail: "web_search: answer has no search_result list" });
  }
  return hitsFromGlm(answer.search_result).slice(0, WEB_SEARCH_COUNT);
}
