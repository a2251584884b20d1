import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  createSession,
  deleteSession,
  getSession,
  listSessions,
  restoreSession,
  type SessionDraft,
  sessionTitle,
  updateSession,
} from "@/lib/complete/client/sessions";
import { SESSION_TEXT_MAX } from "@/lib/complete/contract";
import { AppDB, uuid } from "@/lib/db";
import { exportAll, importAll } from "@/lib/db/backup";
import { AppError } from "@/lib/errors";

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-complete-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const draft = (prefix: string, extra: Partial<SessionDraft> = {}): SessionDraft => ({
  prefix,
  suffix: "\nprint(x)\n",
  language: "python",
  model: "Qwen/Qwen2.5-Coder-7B-Instruct",
  accepted: false,
  ...extra,
});

describe("/complete sessions", () => {
  it("lists newest first, and an update moves a session to the top without changing its creation time", async () => {
    const db = freshDb();
    const a = await createSession(db, draft("def a():"));
    const b = await createSession(db, draft("def b():"));
    expect((await listSessions(db)).map((s) => s.prefix)).toEqual(["def b():", "def a():"]);

    const updated = await updateSession(db, a.id, {
      run: { prefix: "def a():", suffix: "", middle: "\n    pass", status: "complete", finishReason: "stop" },
      accepted: true,
      prefix: "def a():\n    pass",
    });
    expect(updated?.createdAt).toBe(a.createdAt);
    expect(updated!.updatedAt).toBeGreaterThan(b.updatedAt);
    expect((await listSessions(db)).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(await getSession(db, a.id)).toMatchObject({ accepted: true, run: { middle: "\n    pass" } });
    expect((await listSessions(db, 1)).map((s) => s.id)).toEqual([a.id]);
  });

  it("does not bring back a session deleted meanwhile", async () => {
    const db = freshDb();
    const a = await createSession(db, draft("x = 1"));
    await deleteSession(db, a.id);
    expect(await updateSession(db, a.id, { prefix: "x = 2" })).toBeUndefined();
    expect(await db.completions.count()).toBe(0);
  });

  it("deletes with an undo that puts the row back as it was, in its place", async () => {
    const db = freshDb();
    const a = await createSession(db, draft("first"));
    const b = await createSession(db, draft("second"));
    const removed = await deleteSession(db, a.id);
    expect(removed?.id).toBe(a.id);
    expect((await listSessions(db)).map((s) => s.id)).toEqual([b.id]);
    await restoreSession(db, removed!);
    expect(await listSessions(db)).toEqual([b, a]);
    expect(await deleteSession(db, "missing")).toBeUndefined();
  });

  it("reopens a run its page left streaming as stopped, keeping what arrived", async () => {
    const db = freshDb();
    const a = await createSession(
      db,
      draft("for i in", { run: { prefix: "for i in", suffix: "", middle: " range(", status: "streaming" } }),
    );
    expect((await getSession(db, a.id))?.run).toEqual({
      prefix: "for i in",
      suffix: "",
      middle: " range(",
      status: "stopped",
    });
  });

  it("refuses out-of-range fields with a clear bilingual error and stores nothing", async () => {
    const db = freshDb();
    const tooLong = await createSession(db, draft("x".repeat(SESSION_TEXT_MAX + 1))).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(AppError);
    expect((tooLong as AppError).code).toBe("bad_request");
    expect((tooLong as AppError).message).toMatch(/too long/);
    expect((tooLong as AppError).detail).toBe("prefix");
    const hot = await createSession(db, draft("x", { temperature: 3 })).catch((e: unknown) => e);
    expect((hot as AppError).detail).toBe("temperature");
    expect(await db.completions.count()).toBe(0);
  });

  it("names a session by its first line of code", () => {
    expect(sessionTitle({ prefix: "\n\n  def add(a, b):\n", suffix: "" })).toBe("def add(a, b):");
    expect(sessionTitle({ prefix: "", suffix: "  }\n" })).toBe("}");
    expect(sessionTitle({ prefix: "", suffix: "" })).toBe("");
    expect(sessionTitle({ prefix: "y".repeat(100), suffix: "" }, 10)).toBe(`${"y".repeat(9)}…`);
  });

  it("goes through a backup; a hostile row is refused on its own", async () => {
    const db = freshDb();
    const a = await createSession(db, draft("import os"));
    const backup = await exportAll(db);
    expect(backup.completions).toEqual([a]);
    const other = freshDb();
    const report = await importAll(other, {
      ...backup,
      completions: [...backup.completions, { ...a, id: "huge", prefix: "x".repeat(SESSION_TEXT_MAX + 1) }],
    });
    expect(report.added.completions).toBe(1);
    expect(report.skipped.completions).toBe(1);
    expect(report.errors.join("\n")).toMatch(/completions\[1\]: invalid prefix/);
    expect(await listSessions(other)).toEqual([a]);
  });
});
