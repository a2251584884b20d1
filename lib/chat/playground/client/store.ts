import { useLiveQuery } from "dexie-react-hooks";
import { create } from "zustand";
import { getConversation, getDB, type MessagePart, monotonicNow, updateConversation } from "@/lib/db";
import type { PlaygroundSettings } from "../settings";

// The playground settings of the conversation on screen: stored on its IndexedDB row (like its chat
// settings), or, before a new chat exists, kept here as a draft that its first send stores. Also the
// one write the tool flow needs: a typed or computed result put into a stored tool call.

interface DraftState {
  draft: PlaygroundSettings;
}

interface DraftActions {
  setDraft: (next: PlaygroundSettings) => void;
  reset: () => void;
}

const initialDraftState: DraftState = { draft: {} };

export const usePlaygroundDraft = create<DraftState & DraftActions>()((set) => ({
  ...initialDraftState,
  setDraft: (draft) => set({ draft }),
  reset: () => set(initialDraftState),
}));

const selectDraft = (s: DraftState) => s.draft;

/** Live: the conversation's settings (undefined while loading), or the new chat's draft. */
export function usePlaygroundSettings(conversationId: string | undefined): PlaygroundSettings | undefined {
  const draft = usePlaygroundDraft(selectDraft);
  const stored = useLiveQuery(
    async () => ({ id: conversationId, row: conversationId ? await getConversation(getDB(), conversationId) : null }),
    [conversationId],
  );
  if (!conversationId) return draft;
  if (!stored || stored.id !== conversationId) return undefined;
  return stored.row?.playground ?? {};
}

export async function savePlaygroundSettings(conversationId: string | undefined, next: PlaygroundSettings) {
  if (!conversationId) usePlaygroundDraft.getState().setDraft(next);
  else await updateConversation(getDB(), conversationId, { playground: next });
}

interface ToolOutput {
  toolCallId: string;
  output?: unknown;
  errorText?: string;
}

const ANSWERED = new Set(["output-available", "output-error", "output-denied"]);

/**
 * Writes results into the stored reply's tool calls. Returns whether every call of the reply's last
 * step has its result now (then the model can answer).
 */
export async function storeToolOutputs(replyId: string, outputs: readonly ToolOutput[]): Promise<boolean> {
  const db = getDB();
  let complete = false;
  await db.transaction("rw", db.messages, async () => {
    const row = await db.messages.get(replyId);
    if (!row) return;
    const parts: MessagePart[] = row.parts.map((part) => {
      const found = outputs.find((o) => o.toolCallId === part.toolCallId);
      if (!found || typeof part.toolCallId !== "string") return part;
      return found.errorText !== undefined
        ? { ...part, state: "output-error", errorText: found.errorText }
        : { ...part, state: "output-available", output: found.output };
    });
    const lastStep = parts.slice(parts.map((p) => p.type).lastIndexOf("step-start") + 1);
    const calls = lastStep.filter((p) => typeof p.toolCallId === "string");
    complete = calls.length > 0 && calls.every((p) => ANSWERED.has(String(p.state)));
    await db.messages.update(replyId, { parts, updatedAt: monotonicNow() });
  });
  return complete;
}
