import { create } from "zustand";
import type { RunOutcome } from "@/lib/chat/client/run";
import { type OutgoingImage, useChatSessions } from "@/lib/chat/client/sessions";
import type { ChatModelRef } from "@/lib/chat/contract";
import { AppError } from "@/lib/errors";
import { describeModel } from "@/lib/providers/catalog";
import {
  type ColumnError,
  type CompareEvent,
  type CompareState,
  modelKey,
  planCompare,
  reduceCompare,
} from "../scheduler";
import type { CompareColumnRow } from "./db";

// The comparison runtime: one scheduler state per comparison (lib/compare/scheduler.ts decides what
// may start), each column's request run by the chat sessions store like any reply, and each column's
// end read back from its session (complete, stopped, or failed with whose 429 it was).

interface Prompt {
  text: string;
  images: OutgoingImage[];
}

interface CompareStoreState {
  /** Keyed by comparison id; absent until the first send in this page. */
  runs: Record<string, CompareState>;
}

const initialCompareStoreState: CompareStoreState = { runs: {} };

interface CompareStoreActions {
  /** Sends a prompt to every column that is not running (a first prompt or a follow-up). */
  send: (compareId: string, columns: readonly CompareColumnRow[], prompt: Prompt) => void;
  /** Stop for one column: its request is aborted, or it never starts if still waiting. */
  stop: (compareId: string, conversationId: string) => void;
}

// Non-serialisable: the prompt a waiting column will send, and the wake-up timers.
const prompts = new Map<string, Prompt>();
const wakers = new Map<string, ReturnType<typeof setTimeout>>();

const busy = (conversationId: string) => useChatSessions.getState().sessions[conversationId]?.busy === true;

function columnError(outcome: RunOutcome | undefined): ColumnError {
  const e = outcome?.error;
  if (!e) return { code: "internal" };
  return {
    code: e.code,
    ...(e.provider ? { provider: e.provider } : {}),
    ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
  };
}

/** Requests this tab has in flight outside the comparison, per model (e.g. a chat reply still streaming). */
function inFlightElsewhere(state: CompareState): Record<string, number> {
  const mine = new Set(state.columns.map((c) => c.id));
  const counts: Record<string, number> = {};
  for (const [id, info] of Object.entries(useChatSessions.getState().sessions)) {
    if (!info.busy || mine.has(id) || !info.model) continue;
    const key = modelKey(info.model);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export const useCompareRuns = create<CompareStoreState & CompareStoreActions>()((set, get) => {
  const dispatch = (compareId: string, event: CompareEvent) =>
    set((s) => {
      const state = s.runs[compareId];
      return state ? { runs: { ...s.runs, [compareId]: reduceCompare(state, event) } } : s;
    });

  const start = async (compareId: string, column: { id: string; model: ChatModelRef }) => {
    const prompt = prompts.get(compareId);
    if (!prompt) return;
    dispatch(compareId, { type: "started", id: column.id });
    try {
      await useChatSessions.getState().send({
        conversationId: column.id,
        text: prompt.text,
        model: column.model,
        images: prompt.images,
      });
    } catch (err) {
      const e = AppError.from(err);
      dispatch(compareId, { type: "failed", id: column.id, error: { code: e.code }, at: Date.now() });
      pump(compareId);
    }
  };

  const pump = (compareId: string) => {
    const state = get().runs[compareId];
    if (!state) return;
    const now = Date.now();
    const plan = planCompare(state, {
      now,
      concurrencyOf: (m) => describeModel(m.provider, m.id).concurrency,
      inFlightElsewhere: inFlightElsewhere(state),
    });
    for (const id of plan.start) {
      const column = state.columns.find((c) => c.id === id);
      if (column) void start(compareId, column);
    }
    clearTimeout(wakers.get(compareId));
    if (plan.wakeAt !== null)
      wakers.set(
        compareId,
        setTimeout(() => pump(compareId), plan.wakeAt - now),
      );
  };

  // A column's request ended: its session is no longer busy, and says how it ended.
  useChatSessions.subscribe((sessions, previous) => {
    for (const [compareId, state] of Object.entries(get().runs)) {
      let changed = false;
      for (const column of state.columns) {
        if (column.status !== "running") continue;
        const was = previous.sessions[column.id]?.busy;
        const now = sessions.sessions[column.id];
        if (!was || now?.busy) continue;
        const outcome = now?.outcome;
        if (outcome?.status === "abandoned") continue;
        changed = true;
        if (outcome?.status === "complete") dispatch(compareId, { type: "finished", id: column.id });
        else if (outcome?.status === "stopped") dispatch(compareId, { type: "stopped", id: column.id });
        else dispatch(compareId, { type: "failed", id: column.id, error: columnError(outcome), at: Date.now() });
      }
      // A column held back by a concurrency limit may start now that one ended.
      if (changed) pump(compareId);
    }
  });

  return {
    ...initialCompareStoreState,
    send: (compareId, columns, prompt) => {
      const previous = get().runs[compareId];
      // The columns as they are now (one may have been added, removed or given another model).
      const state: CompareState = {
        columns: columns.map((c) => ({
          id: c.conversationId,
          model: c.model,
          status: busy(c.conversationId) ? "running" : "idle",
        })),
        appBlockedUntil: previous?.appBlockedUntil ?? 0,
      };
      prompts.set(compareId, prompt);
      set((s) => ({ runs: { ...s.runs, [compareId]: reduceCompare(state, { type: "send" }) } }));
      pump(compareId);
    },
    stop: (compareId, conversationId) => {
      const column = get().runs[compareId]?.columns.find((c) => c.id === conversationId);
      if (column?.status === "queued") dispatch(compareId, { type: "stopped", id: conversationId });
      else useChatSessions.getState().stop(conversationId);
    },
  };
});

export const selectCompareRun = (compareId: string | undefined) => (s: CompareStoreState) =>
  compareId ? s.runs[compareId] : undefined;
