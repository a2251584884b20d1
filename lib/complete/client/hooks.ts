"use client";

// Live reads and bound actions for the /complete page: components never import lib/db, they come here.

import { useLiveQuery } from "dexie-react-hooks";
import { getDB } from "@/lib/db";
import type { CompletionSession } from "../contract";
import * as sessions from "./sessions";

/** Newest first; undefined while the first read runs. A save in this tab or another shows at once. */
export function useCompletionSessions(): CompletionSession[] | undefined {
  return useLiveQuery(() => sessions.listSessions(getDB()), []);
}

export const sessionActions = {
  create: (draft: sessions.SessionDraft) => sessions.createSession(getDB(), draft),
  update: (id: string, patch: sessions.SessionPatch) => sessions.updateSession(getDB(), id, patch),
  get: (id: string) => sessions.getSession(getDB(), id),
  remove: (id: string) => sessions.deleteSession(getDB(), id),
  restore: (row: CompletionSession) => sessions.restoreSession(getDB(), row),
};

// The session on screen, so a reload reopens it. Per browser profile, like the database.
const CURRENT_KEY = "siliconplay:complete-session";

export function readCurrentSession(): string | null {
  try {
    return localStorage.getItem(CURRENT_KEY);
  } catch {
    return null;
  }
}

export function writeCurrentSession(id: string | null): void {
  try {
    if (id) localStorage.setItem(CURRENT_KEY, id);
    else localStorage.removeItem(CURRENT_KEY);
  } catch {
    // Storage blocked: the session is still in the list, only the reload reopening is lost.
  }
}
