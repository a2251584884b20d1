// Main-thread tasks by their CPU time, from a Chromium trace. The Long Tasks API reports wall time:
// on a machine shared with other work, a 20 ms task that waits for a core reads as 150 ms. A trace's
// thread time (`tdur`) counts only the time the renderer's main thread ran, so before/after figures
// taken minutes apart stay comparable.
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright";

export const TRACE_CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline"];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

export interface TaskCpu {
  /** Tasks whose main-thread CPU time passed 50 ms. */
  over50: number;
  maxCpuMs: number;
  /** The same tasks' wall time, for comparison with the Long Tasks API. */
  maxWallMs: number;
  totalCpuMs: number;
}

export async function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
}

/**
 * Stops the trace and sums the busiest renderer main thread's tasks (the page's, it does the work).
 * With `splitAtLastKey`, the figures count the tasks from the last keydown (the Enter that sends) on,
 * and `typing` the ones before it: loading the chat runtime at the first key is not streaming work.
 */
export async function stopTaskTrace(browser: Browser): Promise<TaskCpu>;
export async function stopTaskTrace(
  browser: Browser,
  options: { splitAtLastKey: true },
): Promise<TaskCpu & { typing: TaskCpu }>;
export async function stopTaskTrace(
  browser: Browser,
  options?: { splitAtLastKey: true },
): Promise<TaskCpu | (TaskCpu & { typing: TaskCpu })> {
  const buffer = await browser.stopTracing();
  // To look inside the long tasks (chrome://tracing, Perfetto): BENCH_TRACE_FILE=path.json.
  if (process.env.BENCH_TRACE_FILE) writeFileSync(process.env.BENCH_TRACE_FILE, buffer);
  const parsed = JSON.parse(buffer.toString("utf8")) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = new Set(
    events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== "X" || e.name !== "RunTask" || e.tdur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  let tasks: TraceEvent[] = [];
  let busiest = -1;
  for (const list of byThread.values()) {
    const total = list.reduce((n, e) => n + (e.tdur ?? 0), 0);
    if (total > busiest) {
      busiest = total;
      tasks = list;
    }
  }
  if (!options?.splitAtLastKey) return summarize(tasks);
  const keys = events.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "keydown");
  const enter = Math.max(0, ...keys.map((e) => e.ts));
  return {
    ...summarize(tasks.filter((e) => e.ts + (e.dur ?? 0) >= enter)),
    typing: summarize(tasks.filter((e) => e.ts + (e.dur ?? 0) < enter)),
  };
}

function summarize(tasks: TraceEvent[]): TaskCpu {
  const long = tasks.filter((e) => (e.tdur ?? 0) > 50_000);
  return {
    over50: long.length,
    maxCpuMs: Math.round(Math.max(0, ...tasks.map((e) => e.tdur ?? 0)) / 100) / 10,
    maxWallMs: Math.round(Math.max(0, ...long.map((e) => e.dur ?? 0)) / 100) / 10,
    totalCpuMs: Math.round(tasks.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000),
  };
}
