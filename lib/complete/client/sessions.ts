// The /complete page's sessions in IndexedDB (table `completions`, schema v4). This module owns the
// table: the page reaches it through hooks.ts, the backup through its generic table code.

import { monotonicNow, uuid } from "@/lib/db/ids";
import type { AppDB } from "@/lib/db/schema";
import { withQuotaGuard } from "@/lib/db/storage";
import { AppError } from "@/lib/errors";
import { type CompletionSession, completionSessionSchema, SESSIONS_LIST_MAX } from "../contract";

export type SessionDraft = Omit<CompletionSession, "id" | "createdAt" | "updatedAt">;
export type SessionPatch = Partial<SessionDraft>;

function invalid(detail?: string): AppError {
  return new AppError("bad_request", {
    key: "error.complete.invalidSession",
    detail,
  });
}

function validated(row: CompletionSession): CompletionSession {
  const parsed = completionSessionSchema.safeParse(row);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.path.join("."));
  return parsed.data;
}

export async function createSession(db: AppDB, draft: SessionDraft): Promise<CompletionSession> {
  const now = monotonicNow();
  const row = validated({ ...draft, id: uuid(), createdAt: now, updatedAt: now });
  await withQuotaGuard(() => db.completions.add(row));
  return row;
}

/**
 * Changes a stored session and moves it to the top of the list. A session deleted meanwhile (in
 * another tab) is not brought back: the answer is undefined and nothing is written.
 */
export async function updateSession(
  db: AppDB,
  id: string,
  patch: SessionPatch,
): Promise<CompletionSession | undefined> {
  return withQuotaGuard(() =>
    db.transaction("rw", db.completions, async () => {
      const stored = await db.completions.get(id);
      if (!stored) return undefined;
      const row = validated({ ...stored, ...patch, id, createdAt: stored.createdAt, updatedAt: monotonicNow() });
      await db.completions.put(row);
      return row;
    }),
  );
}

/** A stored session as a page opens it: a run still marked streaming lost its page, so it stopped. */
export function reopened(row: CompletionSession): CompletionSession {
  if (row.run?.status !== "streaming") return row;
  return { ...row, run: { ...row.run, status: "stopped" } };
}

export async function getSession(db: AppDB, id: string): Promise<CompletionSession | undefined> {
  const row = await db.completions.get(id);
  return row && reopened(row);
}

/** Newest first (last saved). */
export async function listSessions(db: AppDB, limit = SESSIONS_LIST_MAX): Promise<CompletionSession[]> {
  return db.completions.orderBy("updatedAt").reverse().limit(limit).toArray();
}

/** Deletes a session and answers the row, so an Undo can put it back as it was. */
export async function deleteSession(db: AppDB, id: string): Promise<CompletionSession | undefined> {
  return db.transaction("rw", db.completions, async () => {
    const row = await db.completions.get(id);
    if (row) await db.completions.delete(id);
    return row;
  });
}

/** Undo of a delete: the row comes back unchanged (same id and times, so the same list place). */
export async function restoreSession(db: AppDB, row: CompletionSession): Promise<void> {
  const checked = validated(row);
  await withQuotaGuard(() => db.completions.put(checked));
}

/** The list's name of a session: its first non-blank line of code, shortened. */
export function sessionTitle(row: Pick<CompletionSession, "prefix" | "suffix">, max = 60): string {
  const line =
    `${row.prefix}\n${row.suffix}`
      .split("\n")
      .find((l) => l.trim())
      ?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
