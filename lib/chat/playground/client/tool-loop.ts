import { isToolPartType } from "../bounds";
import { type MessageLike, type ToolCallView, toolCallsOf } from "../tool-rounds";
import { isBuiltinTool, runBuiltinTool, type ToolContext } from "./builtin-tools";

// The browser's tool loop over useChat's messages. A reply that calls tools ends its step with the calls
// (the route's tools have no `execute`); each call is a tool part on the assistant message. In auto mode
// the built-in example tools run here and their results go back with addToolOutput; in manual mode, or
// for any other tool, the user types the result. Once every call of the step has a result, the thread is
// sent again and the model answers with them (or calls again: another round). Auto mode runs at most
// `maxRounds` rounds in one reply, then waits for the user. Pure functions, no React, no storage. Reading
// the calls and their rounds is shared with the route (tool-rounds.ts), which caps the rounds too.

const FINAL_STATES = new Set(["output-available", "output-error", "output-denied"]);

type LoopMode = "auto" | "manual";

type NextStep =
  /** Nothing to do: no open call (the reply is an answer, or still streaming its calls). */
  | { kind: "idle" }
  /** Auto mode: run these built-in tools now and add their results. */
  | { kind: "run"; calls: ToolCallView[] }
  /** The user must type the results of these calls (manual mode, or a tool the browser cannot run). */
  | { kind: "manual"; calls: ToolCallView[] }
  /** Auto mode stopped: the model asked for more rounds than allowed; the calls wait for the user. */
  | { kind: "max-rounds"; calls: ToolCallView[]; maxRounds: number };

/** What the loop does next for the last assistant message. */
export function nextToolStep(
  message: MessageLike | undefined,
  options: { mode: LoopMode; maxRounds: number },
): NextStep {
  if (message?.role !== "assistant") return { kind: "idle" };
  const calls = toolCallsOf(message);
  // Still streaming a call: wait until the step has ended.
  if (calls.some((call) => call.state === "input-streaming")) return { kind: "idle" };
  const pending = calls.filter((call) => call.state === "input-available");
  if (pending.length === 0) return { kind: "idle" };
  if (options.mode === "manual" || !pending.every((call) => isBuiltinTool(call.toolName))) {
    return { kind: "manual", calls: pending };
  }
  const round = Math.max(...pending.map((call) => call.round));
  if (round > options.maxRounds) return { kind: "max-rounds", calls: pending, maxRounds: options.maxRounds };
  return { kind: "run", calls: pending };
}

interface ToolResult {
  toolCallId: string;
  toolName: string;
  output?: unknown;
  errorText?: string;
}

/** Runs built-in calls (no network); each result is ready for useChat's addToolOutput. */
export function runToolCalls(calls: readonly ToolCallView[], context: ToolContext = {}): ToolResult[] {
  return calls.map((call) => {
    let outcome: ReturnType<typeof runBuiltinTool>;
    try {
      outcome = runBuiltinTool(call.toolName, call.input, context);
    } catch (err) {
      outcome = { errorText: err instanceof Error ? err.message : String(err) };
    }
    if (!outcome)
      return { toolCallId: call.toolCallId, toolName: call.toolName, errorText: "No built-in tool by this name." };
    return "output" in outcome
      ? { toolCallId: call.toolCallId, toolName: call.toolName, output: outcome.output }
      : { toolCallId: call.toolCallId, toolName: call.toolName, errorText: outcome.errorText };
  });
}

/**
 * For useChat's `sendAutomaticallyWhen`: the last assistant message called tools in its last step and
 * every one of those calls has a result. (The AI SDK's lastAssistantMessageIsCompleteWithToolCalls says
 * the same; this one reads the message shape above, so stored messages work too.)
 */
export function readyToSendResults(messages: readonly MessageLike[]): boolean {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return false;
  const lastStepStart = last.parts.map((part) => part.type).lastIndexOf("step-start");
  const lastStep = last.parts.slice(lastStepStart + 1).filter((part) => isToolPartType(part.type));
  return (
    lastStep.length > 0 && lastStep.every((part) => typeof part.state === "string" && FINAL_STATES.has(part.state))
  );
}
