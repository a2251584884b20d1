import type { ErrorCode, Provider } from "@/lib/errors";
import type { ModelRef } from "@/lib/providers/catalog-types";

export type { ModelRef };

// Sending one prompt to 2–4 models at once. Each column is its own request; this decides which may
// start now, so that a provider's per-model concurrency limit (catalog `concurrency`: GLM-4V-Flash
// serves 10 at once, upstream-contract.md) is never exceeded from this tab, and so that a 429 from this
// app's own rate limit holds back the columns not yet started without touching those already running.
// A failure — a 429 included — belongs to its column alone. Pure: a reducer and a planner, no timers;
// the caller runs `plan` after every event and again at `wakeAt`.

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;

export type ColumnStatus = "idle" | "queued" | "running" | "done" | "failed" | "stopped";

export interface ColumnError {
  code: ErrorCode;
  /** Set when the provider answered; absent when this app refused the request itself. */
  provider?: Provider;
  retryAfterMs?: number;
}

interface Column {
  id: string;
  model: ModelRef;
  status: ColumnStatus;
  error?: ColumnError;
}

export interface CompareState {
  columns: Column[];
  /** Epoch ms until which this app's own rate limit refuses new requests (0 = not limited). */
  appBlockedUntil: number;
}

export type CompareEvent =
  /** A prompt for every column that is not running (a first send or a follow-up). */
  | { type: "send" }
  /** Queue one column again (its Retry button). */
  | { type: "retry"; id: string }
  | { type: "started"; id: string }
  | { type: "finished"; id: string }
  | { type: "stopped"; id: string }
  | { type: "failed"; id: string; error: ColumnError; at: number };

export function modelKey(model: ModelRef): string {
  return `${model.provider}:${model.id}`;
}

/** The error came from this app's rate limiter (a 429 with no provider), not from a provider. */
function isAppRateLimit(error: ColumnError): boolean {
  return error.code === "rate_limited" && error.provider === undefined;
}

export function createCompare(models: readonly ModelRef[], ids?: readonly string[]): CompareState {
  if (models.length < MIN_COLUMNS || models.length > MAX_COLUMNS) {
    throw new RangeError(`a comparison takes ${MIN_COLUMNS} to ${MAX_COLUMNS} models, not ${models.length}`);
  }
  return {
    columns: models.map((model, i) => ({ id: ids?.[i] ?? `column-${i + 1}`, model, status: "idle" })),
    appBlockedUntil: 0,
  };
}

function update(state: CompareState, id: string, change: (c: Column) => Column): CompareState {
  return { ...state, columns: state.columns.map((c) => (c.id === id ? change(c) : c)) };
}

export function reduceCompare(state: CompareState, event: CompareEvent): CompareState {
  switch (event.type) {
    case "send":
      return {
        ...state,
        columns: state.columns.map((c) =>
          c.status === "running" ? c : { id: c.id, model: c.model, status: "queued" },
        ),
      };
    case "retry":
      return update(state, event.id, (c) =>
        c.status === "running" || c.status === "queued" ? c : { id: c.id, model: c.model, status: "queued" },
      );
    case "started":
      return update(state, event.id, (c) => (c.status === "queued" ? { ...c, status: "running" } : c));
    case "finished":
      return update(state, event.id, (c) => (c.status === "running" ? { ...c, status: "done" } : c));
    case "stopped":
      // A queued column can be stopped before it starts, too.
      return update(state, event.id, (c) =>
        c.status === "running" || c.status === "queued" ? { ...c, status: "stopped" } : c,
      );
    case "failed": {
      const next = update(state, event.id, (c) => ({ ...c, status: "failed", error: event.error }));
      if (!isAppRateLimit(event.error)) return next;
      const until = event.at + Math.max(1000, event.error.retryAfterMs ?? 0);
      return { ...next, appBlockedUntil: Math.max(state.appBlockedUntil, until) };
    }
  }
}

interface PlanOptions {
  now: number;
  /** The provider's per-model limit (ModelInfo.concurrency); undefined where none is published. */
  concurrencyOf: (model: ModelRef) => number | undefined;
  /** Requests this tab already has in flight per model key outside the comparison (e.g. a chat reply). */
  inFlightElsewhere?: Readonly<Record<string, number>>;
}

interface Plan {
  /** Columns to start now, in column order. */
  start: string[];
  /** When to plan again (the app's rate limit lifts); null when nothing waits on time. */
  wakeAt: number | null;
}

export function planCompare(state: CompareState, options: PlanOptions): Plan {
  const queued = state.columns.filter((c) => c.status === "queued");
  if (queued.length === 0) return { start: [], wakeAt: null };
  if (options.now < state.appBlockedUntil) return { start: [], wakeAt: state.appBlockedUntil };
  const inFlight = new Map<string, number>(Object.entries(options.inFlightElsewhere ?? {}));
  for (const c of state.columns) {
    if (c.status === "running") inFlight.set(modelKey(c.model), (inFlight.get(modelKey(c.model)) ?? 0) + 1);
  }
  const start: string[] = [];
  for (const column of queued) {
    const key = modelKey(column.model);
    const limit = options.concurrencyOf(column.model);
    const running = inFlight.get(key) ?? 0;
    if (limit !== undefined && running >= limit) continue;
    inFlight.set(key, running + 1);
    start.push(column.id);
  }
  // Columns held by a concurrency limit start when a running one ends: the caller plans again then.
  return { start, wakeAt: null };
}

/** Every column has ended (done, failed or stopped): the composer may send a follow-up. */
export function compareSettled(state: CompareState): boolean {
  return state.columns.every((c) => c.status !== "queued" && c.status !== "running");
}
