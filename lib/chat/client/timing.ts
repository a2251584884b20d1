// When a live reply's thinking started and its answer began, per stored reply id. Written by the
// run (run.ts), read by the reasoning pane; kept apart so the pane needs no AI SDK code.

export interface LiveTiming {
  reasoningStart?: number;
  answerStart?: number;
}

export const timings = new Map<string, LiveTiming>();

export function liveTiming(messageId: string): LiveTiming | undefined {
  return timings.get(messageId);
}
