import {
  nonStreamDelay,
  planReply,
  planUsage,
  promptTokensOf,
  type ReplyPlan,
  type UsageCounter,
  writeSse,
} from "./chat";
import { GLM_CHAT_MODELS, glmChatModel, glmThinks, glmUserAssistantOnly, type SimChatModel } from "./chat-models";
import { admitGlm } from "./concurrency";
import { type Ctx, glmError, isNum, randomId, record, sendJson, sleep } from "./http";
import { fetchImage } from "./image-fetch";
import { GLM_IMAGE_MODELS, GLM_VIDEO_MODELS } from "./models";
import { readQuestion } from "./text";
import { toolMessageProblem } from "./tool-calls";
import { type GlmSearchResult, searchForReply, webSearchTool, withSearchedText } from "./web-search";

type Problem = { code: string; message: string } | null;

const bad = (field: string): Problem => ({ code: "1214", message: `${field} 参数非法。请检查文档。` });

function validate(body: Record<string, unknown>): Problem {
  const spec = glmChatModel(body.model);
  if (!spec) return { code: "1211", message: "模型不存在，请检查模型代码。" };
  const model = spec.id;
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return { code: "1214", message: "messages 参数非法。请检查文档。" };
  }
  if (glmUserAssistantOnly(model)) {
    // Seed 000: GLM-4V takes User and Assistant messages only, a user turn's content being a list.
    for (const message of body.messages) {
      const m = record(message);
      if (m.role !== "user" && m.role !== "assistant") return bad("messages.role");
      if (m.role === "user" && !Array.isArray(m.content)) return bad("messages.content");
    }
  }
  if (isNum(body.max_tokens) && body.max_tokens > spec.maxTokens) return bad("max_tokens");
  const searchTool = webSearchTool(body);
  if (typeof searchTool === "string") return { code: "1214", message: searchTool };
  // GLM's code for a prompt over the window (upstream-contract.md, Errors: "1261 prompt too long").
  if (promptTokensOf(body) >= spec.context) {
    return { code: "1261", message: "Prompt 超过最大长度，请缩短输入内容。" };
  }
  for (const key of ["temperature", "top_p"] as const) {
    const v = body[key];
    if (v !== undefined && (!isNum(v) || v < 0 || v > 1)) return bad(key);
  }
  // Function calling: GLM's API reference documents `tool_choice` as "auto" only; models without
  // function calling (GLM-4V, GLM-Z1) refuse `tools`. Both refusals take the usual parameter-error form
  // (code 1214); the exact wording is assumed.
  if (Array.isArray(body.tools) && body.tools.length > 0 && !spec.tools) return bad("tools");
  if (body.tool_choice !== undefined && body.tool_choice !== "auto") return bad("tool_choice");
  const format = record(body.response_format).type;
  if ((format === "json_object" || format === "json_schema") && !spec.json) return bad("response_format");
  const toolProblem = toolMessageProblem(body.messages);
  if (toolProblem) return { code: "1214", message: toolProblem };
  for (const message of body.messages) {
    const content = record(message).content;
    if (!Array.isArray(content)) continue;
    const kinds = content.map((p) => String(record(p).type));
    const media = kinds.filter((k) => k === "image_url" || k === "video_url");
    if (media.length === 0) continue;
    if (!spec.vision) return { code: "1214", message: `${model} 不支持图片或视频输入。` };
    if (kinds.includes("video_url")) {
      if (model !== "glm-4v-plus") return { code: "1214", message: "当前模型不支持视频输入。" };
      if (kinds.includes("image_url") || kinds[0] !== "video_url") {
        return { code: "1214", message: "视频必须放在第一位，且不能与图片同时输入。" };
      }
    }
    if (model === "glm-4v-flash") {
      // GLM-4V-Flash takes image URLs only (seed 000): base64 must fail the way it really does.
      const hasBase64 = content.some((p) => {
        const url = record(record(p).image_url).url;
        return typeof url === "string" && !/^https?:\/\//i.test(url);
      });
      if (hasBase64)
        return {
          code: "1214",
          message: "图片输入格式/解析错误：GLM-4V-Flash 不支持 base64 编码的图片，请使用图片 URL。",
        };
    }
  }
  return null;
}

/**
 * GLM's usage: newer (thinking) models add `completion_tokens_details.reasoning_tokens` and
 * `prompt_tokens_details.cached_tokens` (upstream-contract.md late 2026; docs.z.ai streaming guide);
 * the cached tokens are part of `prompt_tokens` (prompt-cache.ts).
 */
function usageJson(usage: UsageCounter, spec: SimChatModel, cachedTokens: number) {
  const out: Record<string, unknown> = {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.totalTokens,
  };
  if (spec.thinking !== "none") {
    out.completion_tokens_details = { reasoning_tokens: usage.reasoningTokens };
    out.prompt_tokens_details = { cached_tokens: Math.min(cachedTokens, usage.promptTokens) };
  }
  return out;
}

/**
 * GLM's chunks: `role` on every delta and only the fields in use; tool calls arrive whole; the last
 * chunk carries `finish_reason` and the usage together — not a separate `choices: []` usage chunk
 * (upstream-contract.md late 2026: docs.z.ai streaming guide and live captures).
 */
function streamPayloads(
  plan: ReplyPlan,
  meta: { id: string; created: number; model: string },
  spec: SimChatModel,
  cachedTokens: number,
  webSearch?: { results: GlmSearchResult[]; first: boolean },
): unknown[] {
  const chunk = (choice: Record<string, unknown>) => ({ ...meta, choices: [{ index: 0, ...choice }] });
  const out: unknown[] = [];
  for (const piece of plan.reasoningPieces) out.push(chunk({ delta: { role: "assistant", reasoning_content: piece } }));
  for (const piece of plan.contentPieces) out.push(chunk({ delta: { role: "assistant", content: piece } }));
  plan.toolCalls.forEach((call, index) => {
    out.push(
      chunk({
        delta: {
          role: "assistant",
          tool_calls: [
            { index, id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } },
          ],
        },
      }),
    );
  });
  out.push({
    ...chunk({ finish_reason: plan.finishReason, delta: { role: "assistant", content: "" } }),
    usage: usageJson(planUsage(plan), spec, cachedTokens),
  });
  // The tool's results ride at the top level of one chunk, beside `choices` (web-search.ts).
  if (webSearch) Object.assign(webSearch.first ? out[0]! : out.at(-1)!, { web_search: webSearch.results });
  return out;
}

function imageUrls(body: Record<string, unknown>): string[] {
  const urls: string[] = [];
  for (const message of Array.isArray(body.messages) ? body.messages : []) {
    const content = record(message).content;
    if (!Array.isArray(content)) continue;
    for (const part of content) {
      const url = record(record(part).image_url).url;
      if (typeof url === "string" && /^https?:\/\//i.test(url)) urls.push(url);
    }
  }
  return urls;
}

/** The provider downloads every linked image before answering; one it cannot get fails the request. */
async function fetchLinkedImages(ctx: Ctx, body: Record<string, unknown>): Promise<Problem> {
  const urls = imageUrls(body);
  if (urls.length === 0) return null;
  const { imageFetchPrefixes, imageFetchTimeoutMs, imageFetchAllowPrivate } = ctx.state.config;
  const fetches = await Promise.all(
    urls.map((url) =>
      fetchImage(url, {
        prefixes: imageFetchPrefixes,
        timeoutMs: imageFetchTimeoutMs,
        allowPrivate: imageFetchAllowPrivate,
      }),
    ),
  );
  ctx.entry.imageFetches = fetches;
  if (fetches.every((f) => f.ok)) return null;
  return {
    code: "1214",
    message: "图片下载失败：无法从 image_url 获取图片，请确认链接可以公开访问且为 jpg/png 图片。",
  };
}

/** POST /api/paas/v4/chat/completions. */
export async function glmChat(ctx: Ctx): Promise<void> {
  const body = record(ctx.json);
  if (!admitGlm(ctx, String(body.model))) return;
  const problem = validate(body) ?? (await fetchLinkedImages(ctx, body));
  if (problem) return glmError(ctx, 400, problem.code, problem.message);
  const spec = glmChatModel(body.model) as SimChatModel;
  const model = spec.id;
  const thinking = glmThinks(spec, body.thinking);
  const planned = planReply({
    body,
    model,
    thinking: thinking ? "field" : "none",
    chunkDelayMs: ctx.state.config.chatChunkDelayMs,
  });
  const question = readQuestion(Array.isArray(body.messages) ? body.messages : []);
  const search = searchForReply(body, question, planned);
  const plan = withSearchedText(planned, search, question);
  const now = new Date();
  const id = `${now.toISOString().replace(/\D/g, "").slice(0, 14)}${randomId(18, "0123456789abcdef")}`;
  const meta = { id, created: Math.floor(now.getTime() / 1000), model };
  const cachedPrefix = spec.thinking !== "none" ? ctx.state.glmPromptCache.cachedPrefix(model, body.messages) : [];
  const cached = cachedPrefix.length === 0 ? 0 : promptTokensOf({ messages: cachedPrefix });
  if (body.stream === true) {
    await writeSse(ctx, "glm", streamPayloads(plan, meta, spec, cached, search.webSearch), plan.delayMs);
    return;
  }
  await sleep(ctx, nonStreamDelay(plan));
  const message: Record<string, unknown> = { role: "assistant", content: plan.content };
  if (thinking) message.reasoning_content = plan.reasoning;
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call, index) => ({
      id: call.id,
      index,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  sendJson(ctx, 200, {
    ...meta,
    request_id: typeof body.request_id === "string" ? body.request_id : id,
    choices: [{ index: 0, finish_reason: plan.finishReason, message }],
    usage: usageJson(planUsage(plan), spec, cached),
    ...(search.webSearch ? { web_search: search.webSearch.results } : {}),
  });
}

/**
 * GET /models: not on GLM's API reference pages, but it answers with a key (other clients list models
 * from open.bigmodel.cn/api/paas/v4/models), so the app uses it as the cheap check of a GLM key.
 */
export function glmModels(ctx: Ctx): void {
  const created = 1_735_689_600;
  const ids = [...GLM_CHAT_MODELS.map((m) => m.id), ...GLM_IMAGE_MODELS, ...GLM_VIDEO_MODELS];
  sendJson(ctx, 200, {
    object: "list",
    data: ids.map((id) => ({ id, object: "model", created, owned_by: "zhipuai" })),
  });
}
