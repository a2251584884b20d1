import { continuationReasoning, readContinuation, remainderAfter } from "./continuation";
import { streamErrorPayload } from "./faults";
import { begin, type Ctx, end, hash32, isNum, randomId, record, sleep, write } from "./http";
import type { SimProvider } from "./log";
import { longMarkdown } from "./longform";
import { sseFrames } from "./sse-variants";
import {
  answerText,
  exampleArgs,
  htmlReply,
  isChinese,
  jsonReply,
  readDirectives,
  readQuestion,
  reasoningText,
  splitChunks,
  takeTokens,
  tokenWeight,
} from "./text";

// The provider-neutral part of a chat completion: what the model "says" and how it is paced.
// siliconflow-chat.ts and glm.ts turn a plan into each provider's own wire format.

export interface ToolCallPlan {
  id: string;
  name: string;
  arguments: string;
  argPieces: string[];
}

export interface ReplyPlan {
  reasoning: string;
  content: string;
  reasoningPieces: string[];
  contentPieces: string[];
  toolCalls: ToolCallPlan[];
  finishReason: string;
  promptTokens: number;
  delayMs: number;
}

export interface PlanInput {
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
  let reasoning =
    thinking === "none"
      ? ""
      : continuation
        ? continuationReasoning(continuation.partial, budget)
        : reasoningText(question, budget);

  let content: string;
  const format = record(body.response_format).type;
  if (question.lastRole === "tool") content = toolResultAnswer(messages);
  else if (directives.html) content = htmlReply();
  else if (directives.long !== undefined) content = longMarkdown(directives.long, hash32(question.text));
  else if (format === "json_object" || format === "json_schema") content = jsonReply(question, model);
  else content = answerText(question, model);
  if (continuation) content = remainderAfter(content, continuation.partial);

  let toolCalls: ToolCallPlan[] = [];
  const tools = Array.isArray(body.tools) ? body.tools : [];
  if (tools.length > 0 && body.tool_choice !== "none" && question.lastRole !== "tool") {
    const fn = record(record(chooseTool(tools, body.tool_choice, question.text)).function);
    const args = JSON.stringify(exampleArgs(fn.parameters));
    toolCalls = [
      {
        id: `call_${randomId(24)}`,
        name: String(fn.name ?? "tool"),
        arguments: args,
        argPieces: splitChunks(args, Math.max(4, Math.ceil(args.length / 4))),
      },
    ];
    content = "";
  }

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
  };
}

/** The simulated tokenizer's count of a request's prompt: text, a few tokens per message, images. */
export function promptTokensOf(body: Record<string, unknown>): number {
  const question = readQuestion(Array.isArray(body.messages) ? body.messages : []);
  return Math.ceil(tokenWeight(question.promptText) + 4 * question.messageCount + 85 * question.allImages);
}

function chooseTool(tools: unknown[], choice: unknown, text: string): unknown {
  const named = record(record(choice).function).name;
  const nameOf = (tool: unknown) => record(record(tool).function).name;
  return (
    tools.find((t) => typeof named === "string" && nameOf(t) === named) ??
    tools.find((t) => typeof nameOf(t) === "string" && text.includes(String(nameOf(t)))) ??
    tools[0]
  );
}

function toolResultAnswer(messages: unknown[]): string {
  const result = String(record(messages[messages.length - 1]).content ?? "");
  const short = result.length > 200 ? `${result.slice(0, 199)}…` : result;
  return isChinese(result)
    ? `工具返回了结果：\n\n\`\`\`\n${short}\n\`\`\`\n\n根据这个结果，回答已经完成。`
    : `The tool returned:\n\n\`\`\`\n${short}\n\`\`\`\n\nBased on that result, the answer is complete.`;
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

/**
 * Writes SSE `data:` lines with the plan's pacing, applying any queued stream fault, then `[DONE]`.
 * Comment lines and other framing variants come from the configured `sseVariants` (sse-variants.ts).
 */
export async function writeSse(ctx: Ctx, provider: SimProvider, payloads: unknown[], delayMs: number): Promise<void> {
  const fault = ctx.state.faults.take(provider, ctx.path, true);
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
