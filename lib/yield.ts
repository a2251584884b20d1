/**
 * Ends the current task so the browser can paint and take input before the next step: steps that
 * each redraw, chained as microtasks, would otherwise run as one long task. `scheduler.yield` where
 * there is one (it resumes ahead of other queued tasks), else a zero timeout.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
