import { randomUUID } from "node:crypto";
import {
  nonStreamDelay,
  planReply,
  planUsage,
  promptTokensOf,
  type ReplyPlan,
  SF_60000,
  UsageCounter,
  writeSse,
} from "./chat";
import { type SimChatModel, sfChatModel, sfThinking } from "./chat-models";
import { type Ctx, isNum, record, sendJson, sfBadRequest, sfError, sfModelNotFound, sleep } from "./http";
import { prefixProblem } from "./prefix";
import { readQuestion } from "./text";
import { toolMessageProblem } from "./tool-calls";
import { searchForReply, withSearchedText } from "./web-search";

/**
 * What SiliconFlow applies when a request sets no max_tokens: undocumented today; its older API docs
 * gave 512, and clients that sent none saw reasoning models spend it all on thinking (upstream-contract.md
 * late 2026, "Default output cap"; chatbox #2093). Reasoning counts against it here, as observed there.
 */
export const SF_DEFAULT_MAX_TOKENS = 512;

/** POST /chat/completions in SiliconFlow's dialect (see upstream-contract.md, "Streaming"). */
export async function siliconflowChat(ctx: Ctx): Promise<void> {
  const body = record(ctx.json);
  const problem = validate(body);
  if (problem === "model") {
    sfModelNotFound(ctx);
    return;
  }
  if (problem) {
    sfBadRequest(ctx, problem);
    return;
  }
  const spec = sfChatModel(body.model) as SimChatModel;
  const format = record(body.response_format).type;
  if ((format === "json_object" || format === "json_schema") && !spec.json) {
    // The real refusal (chatwise-releases #141).
    sfError(ctx, 400, 20024, "Json mode is not supported for this model.");
    return;
  }
  const model = spec.id;
  const thinking = sfThinking(spec, body.enable_thinking);
  const planned = planReply({
    body: isNum(body.max_tokens) ? body : { ...body, max_tokens: SF_DEFAULT_MAX_TOKENS },
    model,
    thinking,
    chunkDelayMs: ctx.state.config.chatChunkDelayMs,
  });
  // A prompt carrying numbered web search results gets a reply citing them (web-search.ts).
  const question = readQuestion(Array.isArray(body.messages) ? body.messages : []);
  const plan = withSearchedText(planned, searchForReply(body, question, planned), question);
  const meta = { id: randomUUID().replace(/-/g, ""), created: Math.floor(Date.now() / 1000), model };
  if (body.stream === true) {
    await writeSse(ctx, "siliconflow", streamPayloads(plan, meta), plan.delayMs, {
      errorLine: plan.midStreamError ? JSON.stringify(SF_60000) : undefined,
    });
    return;
  }
  await sleep(ctx, nonStreamDelay(plan));
  const usage = planUsage(plan);
  const message: Record<string, unknown> = { role: "assistant", content: plan.content };
  if (thinking === "field") message.reasoning_content = plan.reasoning;
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  sendJson(ctx, 200, {
    ...meta,
    object: "chat.completion",
    choices: [{ index: 0, message, finish_reason: plan.finishReason }],
    usage: usageJson(usage),
    system_fingerprint: "",
  });
}

function validate(body: Record<string, unknown>): string | "model" | null {
  if (typeof body.model !== "string" || body.model === "") return "model is required";
  const spec = sfChatModel(body.model);
  if (!spec) return "model";
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return "messages is required and must be a non-empty array";
  for (const message of body.messages) {
    const m = record(message);
    if (!["system", "user", "assistant", "tool"].includes(String(m.role)))
      return `invalid message role: ${String(m.role)}`;
    if (Array.isArray(m.content) && m.content.some((p) => record(p).type === "image_url") && !spec.vision) {
      return `The model ${body.model} does not support image input.`;
    }
  }
  // Only the models the API reference lists take enable_thinking; the wording is the real refusal's
  // (upstream-contract.md late 2026; cherry-studio #6642, lobehub #12008).
  if (body.enable_thinking !== undefined && spec.thinking !== "switch") {
    return "Value error, current model does not support parameter `enable_thinking`.";
  }
  // The prompt alone must stay under the window; the wording is the real refusal's (upstream-contract.md).
  const promptTokens = promptTokensOf(body);
  if (promptTokens >= spec.context) {
    return `length of prompt_tokens (${promptTokens}) must be less than max_seq_len (${spec.context}).`;
  }
  const cap = spec.maxTokens;
  if (body.max_tokens !== undefined && body.max_tokens !== null) {
    if (!isNum(body.max_tokens) || !Number.isInteger(body.max_tokens) || body.max_tokens < 1) {
      return "max_tokens must be a positive integer";
    }
    if (body.max_tokens > cap) return `max_tokens is too large: the maximum for ${body.model} is ${cap}`;
  }
  if (body.temperature !== undefined && (!isNum(body.temperature) || body.temperature < 0 || body.temperature > 2)) {
    return "temperature must be between 0 and 2";
  }
  if (body.top_p !== undefined && (!isNum(body.top_p) || body.top_p < 0 || body.top_p > 1)) {
    return "top_p must be between 0 and 1";
  }
  if (
    body.thinking_budget !== undefined &&
    (!isNum(body.thinking_budget) || body.thinking_budget < 128 || body.thinking_budget > 32768)
  ) {
    return "thinking_budget must be between 128 and 32768";
  }
  if (Array.isArray(body.stop) && body.stop.length > 4) return "stop accepts at most 4 sequences";
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools) || body.tools.length > 128) return "tools must be an array of at most 128 functions";
    for (const tool of body.tools) {
      const t = record(tool);
      if (t.type !== "function" || typeof record(t.function).name !== "string") {
        return 'each tool needs type "function" and a function.name';
      }
    }
    // Models outside the function-calling list (chat-models.ts, SF-FC). The wording is assumed: the
    // form of the documented `enable_thinking` refusal.
    if (body.tools.length > 0 && !spec.tools) return "Value error, current model does not support parameter `tools`.";
    // DeepSeek-V3.1 cannot think while tools are on (upstream-contract.md, late 2026); how the provider
    // answers a request that asks for both is not documented: a refusal is assumed, so a client that
    // forgets to switch thinking off finds out here.
    if (body.tools.length > 0 && /DeepSeek-V3\.1/.test(spec.id) && sfThinking(spec, body.enable_thinking) !== "none") {
      return "Value error, function calling is not supported in thinking mode for this model; set enable_thinking to false.";
    }
  }
  const toolProblem = toolMessageProblem(body.messages);
  if (toolProblem) return toolProblem;
  const prefix = prefixProblem(spec, body);
  if (prefix) return prefix;
  const format = record(body.response_format).type;
  if (format !== undefined && !["text", "json_object", "json_schema"].includes(String(format))) {
    return `response_format.type must be "text" or "json_object"`;
  }
  return null;
}

function usageJson(usage: UsageCounter) {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.totalTokens,
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens },
  };
}

/**
 * SiliconFlow chunks as captured from the real service: every delta repeats `role` and carries
 * both `content` and `reasoning_content` (the unused one null), and every chunk has the running usage.
 */
function streamPayloads(plan: ReplyPlan, meta: { id: string; created: number; model: string }): unknown[] {
  const usage = new UsageCounter(plan.promptTokens);
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    ...meta,
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta: { role: "assistant", ...delta }, finish_reason: finishReason }],
    system_fingerprint: "",
    usage: usageJson(usage),
  });
  const out: unknown[] = [];
  for (const piece of plan.reasoningPieces) {
    usage.addReasoning(piece);
    out.push(chunk({ content: null, reasoning_content: piece }));
  }
  for (const piece of plan.contentPieces) {
    usage.addCompletion(piece);
    out.push(chunk({ content: piece, reasoning_content: null }));
  }
  plan.toolCalls.forEach((call, index) => {
    out.push(
      chunk({
        content: null,
        reasoning_content: null,
        tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
      }),
    );
    for (const piece of call.argPieces) {
      usage.addCompletion(piece);
      out.push(
        chunk({
          content: null,
          reasoning_content: null,
          // Later deltas: `id: null` (upstream-contract.md, Streaming: "never overwrite a known id with
          // null") and `name: ""` rather than no name (CodexPlusPlus PR #771's log of SiliconFlow streams).
          tool_calls: [{ index, id: null, type: "function", function: { name: "", arguments: piece } }],
        }),
      );
    }
  });
  out.push(chunk({ content: "", reasoning_content: null }, plan.finishReason));
  return out;
}
