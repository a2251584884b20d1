// A reply's reasoning, request by request. Each request (the first one, then each Continue) starts
// a new step (`step-start` part) in the same stored reply; a continuation thinks again from where the
// reply was cut, so its reasoning is its own block, never glued onto the cut one mid-sentence.

interface ReplyStep {
  reasoning: string;
  text: string;
}

/** The reply's steps in order; parts before the first `step-start` (older rows) form the first one. */
export function replySteps(parts: readonly { type: string; text?: unknown }[]): ReplyStep[] {
  const steps: ReplyStep[] = [];
  let current: ReplyStep = { reasoning: "", text: "" };
  for (const p of parts) {
    if (p.type === "step-start") {
      if (current.reasoning || current.text) steps.push(current);
      current = { reasoning: "", text: "" };
    } else if (p.type === "reasoning" && typeof p.text === "string") current.reasoning += p.text;
    else if (p.type === "text" && typeof p.text === "string") current.text += p.text;
  }
  if (current.reasoning || current.text) steps.push(current);
  return steps;
}

/** The reasoning blocks to show: one per step that reasoned. */
export function reasoningBlocks(parts: readonly { type: string; text?: unknown }[]): string[] {
  return replySteps(parts)
    .map((s) => s.reasoning)
    .filter((r) => r.trim() !== "");
}

/** The newest step is reasoning and has no answer text yet (the model is thinking right now). */
export function thinkingNow(parts: readonly { type: string; text?: unknown }[]): boolean {
  const last = replySteps(parts).at(-1);
  return !!last && last.reasoning.length > 0 && last.text.length === 0;
}
