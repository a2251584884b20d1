import { isToolPartType } from "./bounds";

// The tool calls of an assistant message and the round (step) each belongs to, read from its UI parts.
// Shared: the browser's tool loop (client/tool-loop.ts) shows and answers the calls, and the route
// refuses a reply whose rounds went past MAX_TOOL_ROUNDS (server/call.ts).

/** One tool call as read from its UI part (dynamic-tool or tool-<name>). */
export interface ToolCallView {
  toolCallId: string;
  toolName: string;
  state: string;
  input?: unknown;
  output?: unknown;
  errorText?: string;
  /** Which step (round) of the message the call belongs to, from 1. */
  round: number;
}

interface PartLike {
  type: string;
  toolCallId?: unknown;
  toolName?: unknown;
  state?: unknown;
  input?: unknown;
  output?: unknown;
  errorText?: unknown;
}

export interface MessageLike {
  role: string;
  parts: readonly PartLike[];
}

/** Every tool call of an assistant message, in order, with its round. */
export function toolCallsOf(message: MessageLike): ToolCallView[] {
  const out: ToolCallView[] = [];
  let round = 0;
  let roundHasCalls = false;
  for (const part of message.parts) {
    if (part.type === "step-start") {
      roundHasCalls = false;
      continue;
    }
    if (!isToolPartType(part.type) || typeof part.toolCallId !== "string") continue;
    if (!roundHasCalls) {
      round++;
      roundHasCalls = true;
    }
    out.push({
      toolCallId: part.toolCallId,
      toolName: typeof part.toolName === "string" ? part.toolName : part.type.slice("tool-".length),
      state: typeof part.state === "string" ? part.state : "input-streaming",
      input: part.input,
      output: part.output,
      errorText: typeof part.errorText === "string" ? part.errorText : undefined,
      round,
    });
  }
  return out;
}

/** Rounds of tool calls in the message (steps that called at least one tool). */
export function toolRounds(message: MessageLike): number {
  return toolCallsOf(message).reduce((max, call) => Math.max(max, call.round), 0);
}
