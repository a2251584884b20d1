import { continuationReasoning, readContinuation, remainderAfter } from "./continuation";
import { streamErrorPayload } from "./faults";
import { begin, type Ctx, end, hash32, isNum, record, requestModel, sleep, write } from "./http";
import { jsonModeReply } from "./json-replies";
import type { SimProvider } from "./log";
import { longMarkdown } from "./longform";
import { continuationOf } from "./prefix";
import { promptRewrite } from "./prompt-rewrite";
import { sseFrames } from "./sse-variants";
import { starterReply } from "./starters";
import {
  answerText,
  htmlReply,
  jsonReply,
  readDirectives,
  readQuestion,
  reasoningText,
  splitChunks,
  takeTokens,
  tokenWeight,
} from "./text";
import { planToolCalls, type ToolCallPlan, toolResultAnswer } from "./tool-calls";

// The provider-neutral part of a chat completion: what the model "says" and how it is paced.
// siliconflow-chat.ts and glm.ts turn a plan into each provider's own wire format.

export interface ReplyPlan {
  reasoning: string;
  content: string;
  reasoningPieces: string[];
  contentPieces: string[];
  toolCalls: ToolCallPlan[];
  finishReason: string;
  promptTokens: number;
  delayMs: number;
  /**
   * `[[error:60000]]` in the prompt: SiliconFlow ends the stream after a few chunks with a bare error line,
   * `{"code":60000,"message":"Request processing has failed due to some unknown error.","data":null}`
   * (lobehub PR #4335's capture, where it came mid tool-call stream).
   */
  midStreamError: boolean;
}

interface PlanInput {
  body: Record<string, unknown>;
  model: string;
  /** "field": reasoning_content deltas; "inline": <think>…</think> inside content. */
  thinking: "none" | "field" | "inline";
  chunkDelayMs: number;
}

export function planReply({ body, model, thinking, chunkDelayMs }: PlanInput): ReplyPlan {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  // Continue: the answer is the one the cut reply was giving, so it is planned from that question.
  const continuation = readContinuation(messages);
  const question = readQuestion(continuation ? continuation.earlier : messages);
  const directives = readDirectives(question.text);
  // The cut reply already had its finish; the rest of it ends normally.
  if (continuation) directives.finish = undefined;
  const budget = isNum(body.thinking_budget) ? body.thinking_budget : undefined;
  const starter = starterReply(question);
  let reasoning =
    thinking === "none"
      ? ""
      : continuation
        ? continuationReasoning(continuation.partial, budget)
        : starter?.reasoning
          ? takeTokens(starter.reasoning, budget ?? Number.POSITIVE_INFINITY)
          : reasoningText(question, budget);

  let content: string;
  const format = record(body.response_format).type;
  const rewrite = promptRewrite(messages);
  let toolCalls = planToolCalls(body, question.text, question.lastRole, directives.chunk);
  if (toolCalls.length > 0) content = "";
  else if (question.lastRole === "tool") content = toolResultAnswer(messages);
  else if (typeof body.prefix === "string") content = continuationOf(body.prefix);
  else if (rewrite !== undefined) content = rewrite;
  else if (directives.html) content = htmlReply();
  else if (directives.long !== undefined) content = longMarkdown(directives.long, hash32(question.text));
  else if (starter && format !== "json_object" && format !== "json_schema") content = starter.content;
  else if (format === "json_object" || format === "json_schema") {
    content = jsonModeReply(body, question.text, () => jsonReply(question, model));
  } else content = answerText(question, model);
  if (continuation) content = remainderAfter(content, continuation.partial);

  let finishReason = toolCalls.length > 0 ? "tool_calls" : "stop";
  const stops = (typeof body.stop === "string" ? [body.stop] : Array.isArray(body.stop) ? body.stop : []).filter(
    (s): s is string => typeof s === "string" && s.length > 0,
  );
  for (const stop of stops) {
    const at = content.indexOf(stop);
    if (at >= 0) content = content.slice(0, at);
  }
  if (directives.finish) {
    finishReason = directives.finish;
    // A reply that ran out of tokens ends mid-sentence, so the UI's Continue path gets realistic input.
    if (finishReason === "length") content = content.slice(0, Math.ceil(content.length * 0.6));
  }
  if (thinking === "inline" && reasoning) {
    content = `<think>\n${reasoning}\n</think>\n\n${content}`;
    reasoning = "";
  }
  if (isNum(body.max_tokens)) {
    // max_tokens covers the reasoning too, as on the real reasoning models.
    const reasoningWeight = tokenWeight(reasoning);
    const argsWeight = toolCalls.reduce((sum, call) => sum + tokenWeight(call.arguments), 0);
    if (reasoningWeight > body.max_tokens) {
      reasoning = takeTokens(reasoning, body.max_tokens);
      content = "";
      toolCalls = [];
      finishReason = "length";
    } else if (tokenWeight(content) + argsWeight > body.max_tokens - reasoningWeight) {
      content = takeTokens(content, body.max_tokens - reasoningWeight);
      toolCalls = [];
      finishReason = "length";
    }
  }

  const chunkSize = directives.chunk ?? (directives.rate ? Math.ceil(content.length / directives.rate) : undefined);
  return {
    reasoning,
    content,
    reasoningPieces: splitChunks(reasoning),
    contentPieces: splitChunks(content, chunkSize),
    toolCalls,
    finishReason,
    promptTokens: promptTokensOf(body),
    delayMs: directives.rate ? 1000 / directives.rate : chunkDelayMs,
    midStreamError: /\[\[error:60000\]\]/.test(question.text),
  };
}

/** The simulated tokenizer's count of a request's prompt: text, a few tokens per message, images. */
export function promptTokensOf(body: Record<string, unknown>): number {
  const question = readQuestion(Array.isArray(body.messages) ? body.messages : []);
  return Math.ceil(tokenWeight(question.promptText) + 4 * question.messageCount + 85 * question.allImages);
}

/** Cumulative usage while streaming: providers report running totals, not per-chunk counts. */
export class UsageCounter {
  private reasoning = 0;
  private completion = 0;

  constructor(readonly promptTokens: number) {}

  addReasoning(text: string): void {
    this.reasoning += tokenWeight(text);
  }

  addCompletion(text: string): void {
    this.completion += tokenWeight(text);
  }

  get reasoningTokens(): number {
    return Math.ceil(this.reasoning);
  }

  get completionTokens(): number {
    return Math.ceil(this.reasoning + this.completion);
  }

  get totalTokens(): number {
    return this.promptTokens + this.completionTokens;
  }
}

export function planUsage(plan: ReplyPlan): UsageCounter {
  const usage = new UsageCounter(plan.promptTokens);
  usage.addReasoning(plan.reasoning);
  usage.addCompletion(plan.content);
  for (const call of plan.toolCalls) usage.addCompletion(call.arguments);
  return usage;
}

// Stream faults strike after this many chunks, so clients have already shown some text.
const FAULT_AFTER_CHUNKS = 3;

/** SiliconFlow's mid-stream failure as captured in lobehub PR #4335. */
export const SF_60000 = {
  code: 60000,
  message: "Request processing has failed due to some unknown error.",
  data: null,
};

/**
 * Writes SSE `data:` lines with the plan's pacing, applying any queued stream fault, then `[DONE]`.
 * Comment lines and other framing variants come from the configured `sseVariants` (sse-variants.ts).
 */
export async function writeSse(
  ctx: Ctx,
  provider: SimProvider,
  payloads: unknown[],
  delayMs: number,
  options: { errorLine?: string } = {},
): Promise<void> {
  const queued = ctx.state.faults.take(provider, ctx.path, true, requestModel(ctx));
  // A line the plan asks for (a cue in the prompt) strikes where a queued stream fault would.
  const fault = queued ?? (options.errorLine !== undefined ? { fault: "bare-error-line" as const } : undefined);
  const frames = sseFrames(provider, payloads, ctx.state.config.sseVariants);
  const dataFrames = frames.filter((f) => "data" in f).length;
  const faultAt = Math.min(FAULT_AFTER_CHUNKS, dataFrames);
  begin(ctx, 200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
  });
  let sent = 0;
  let faulted = false;
  for (const frame of [...frames, undefined]) {
    if (fault && !faulted && sent === faultAt && (frame === undefined || "data" in frame)) {
      faulted = true;
      if (fault.fault === "cut-stream") {
        await ctx.cut();
        return;
      }
      if (fault.fault === "sse-error") {
        await write(ctx, `data: ${JSON.stringify(streamErrorPayload(provider))}\n\n`);
        end(ctx);
        return;
      }
      if (fault.fault === "sse-error-60000" || fault.fault === "bare-error-line") {
        // No `data:` and no [DONE] after it, as captured (lobehub PR #4335).
        await write(ctx, `${options.errorLine ?? JSON.stringify(SF_60000)}\n\n`);
        end(ctx);
        return;
      }
      if (!(await write(ctx, "data: {not json\n\n"))) return;
    }
    if (frame === undefined) break;
    if ("comment" in frame) {
      if (!(await write(ctx, `:${frame.comment}\n\n`))) return;
      continue;
    }
    if (sent > 0) await sleep(ctx, delayMs);
    if (!(await write(ctx, `data: ${JSON.stringify(frame.data)}\n\n`))) return;
    sent += 1;
  }
  if (await write(ctx, "data: [DONE]\n\n")) end(ctx);
}

/** A non-streamed reply still takes a while to "generate", but never so long that tests crawl. */
export function nonStreamDelay(plan: ReplyPlan): number {
  const pieces = plan.reasoningPieces.length + plan.contentPieces.length + plan.toolCalls.length;
  return Math.min(pieces * plan.delayMs, 2000);
}
