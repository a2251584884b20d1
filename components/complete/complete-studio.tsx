"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { StudioLayout } from "@/components/ui/studio-layout";
import { copyText } from "@/lib/clipboard";
import { streamCompletion } from "@/lib/complete/client/api";
import {
  readCurrentSession,
  sessionActions,
  useCompletionSessions,
  writeCurrentSession,
} from "@/lib/complete/client/hooks";
import { type SessionDraft, sessionTitle } from "@/lib/complete/client/sessions";
import {
  COMPLETE_MAX_TOKENS,
  type CompletionRun,
  type CompletionSession,
  FIM_MODELS,
  LANGUAGES,
} from "@/lib/complete/contract";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { CodeField } from "./code-field";
import { SessionList } from "./session-list";

// /complete: fill-in-the-middle. The middle streams in and is shown highlighted between the prefix and
// the suffix; Accept merges the three into one document (in Prefix, Suffix emptied), Copy copies the
// middle, Retry asks again. The page's document is a session in IndexedDB: the first Complete saves
// it, later runs, edits and Accept update it, and a reload reopens it.

interface Run {
  prefix: string;
  suffix: string;
  middle: string;
  done: boolean;
  finishReason?: string;
  error?: AppErrorJSON;
}

const EDIT_SAVE_DELAY_MS = 500;

function storedRun(run: Run, status: CompletionRun["status"]): CompletionRun {
  return {
    prefix: run.prefix,
    suffix: run.suffix,
    middle: run.middle,
    status,
    ...(run.finishReason ? { finishReason: run.finishReason } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}

type Fields = Omit<SessionDraft, "run" | "accepted">;

const snapshotOf = (f: Fields) => JSON.stringify([f.prefix, f.suffix, f.language, f.model, f.maxTokens, f.temperature]);

/** A number the request (and the session's schema) takes, or undefined. */
function inRange(text: string, min: number, max: number, integer: boolean): number | undefined {
  const n = Number(text);
  if (!text.trim() || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) return undefined;
  return n;
}

export function CompleteStudio() {
  const t = useT();
  const [prefix, setPrefix] = useState("");
  const [suffix, setSuffix] = useState("");
  const [language, setLanguage] = useState<string>("python");
  const [model, setModel] = useState<string>(FIM_MODELS[0]);
  const [maxTokens, setMaxTokens] = useState("256");
  const [temperature, setTemperature] = useState("");
  const [run, setRun] = useState<Run | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [missing, setMissing] = useState(false);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<AppErrorJSON | null>(null);
  const [deleted, setDeleted] = useState<{ row: CompletionSession; wasCurrent: boolean } | null>(null);
  const sessions = useCompletionSessions();
  const abort = useRef<AbortController | null>(null);
  // What the stored session holds of the editable fields, so only real edits are saved.
  const saved = useRef("");
  const touched = useRef(false);
  const running = run !== null && !run.done;

  const fields = (): Fields => {
    const tokens = inRange(maxTokens, 1, COMPLETE_MAX_TOKENS, true);
    const temp = inRange(temperature, 0, 2, false);
    return {
      prefix,
      suffix,
      language,
      model,
      ...(tokens !== undefined ? { maxTokens: tokens } : {}),
      ...(temp !== undefined ? { temperature: temp } : {}),
    };
  };

  const persist = async (write: () => Promise<unknown>) => {
    try {
      await write();
      setSaveError(null);
    } catch (err) {
      // Saving failed (full disk, a field too long): the page keeps everything; the error says why.
      setSaveError(AppError.from(err).toJSON());
    }
  };

  const stopRun = () => {
    abort.current?.abort();
    abort.current = null;
  };

  const show = (row: CompletionSession) => {
    stopRun();
    setPrefix(row.prefix);
    setSuffix(row.suffix);
    setLanguage((LANGUAGES as readonly string[]).includes(row.language) ? row.language : "text");
    setModel((FIM_MODELS as readonly string[]).includes(row.model) ? row.model : FIM_MODELS[0]);
    setMaxTokens(row.maxTokens === undefined ? "" : String(row.maxTokens));
    setTemperature(row.temperature === undefined ? "" : String(row.temperature));
    setRun(
      row.run
        ? {
            prefix: row.run.prefix,
            suffix: row.run.suffix,
            middle: row.run.middle,
            done: true,
            finishReason: row.run.finishReason,
            error: row.run.error as AppErrorJSON | undefined,
          }
        : null,
    );
    setAccepted(row.accepted);
    setMissing(false);
    setSessionId(row.id);
    writeCurrentSession(row.id);
    saved.current = snapshotOf(row);
  };

  // A reload reopens the session that was on screen, unless something was typed meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    const id = readCurrentSession();
    if (!id) return;
    void sessionActions.get(id).then((row) => {
      if (row && !touched.current) show(row);
    });
  }, []);

  // Edits to a saved session are saved too, a moment after the typing stops.
  // biome-ignore lint/correctness/useExhaustiveDependencies: fields() reads exactly these
  useEffect(() => {
    if (!sessionId || running) return;
    const f = fields();
    const snapshot = snapshotOf(f);
    if (snapshot === saved.current) return;
    const timer = setTimeout(() => {
      saved.current = snapshot;
      void persist(() => sessionActions.update(sessionId, f));
    }, EDIT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [prefix, suffix, language, model, maxTokens, temperature, sessionId, running]);

  const edit = (set: (value: string) => void) => (value: string) => {
    touched.current = true;
    set(value);
  };

  const complete = async () => {
    if (!prefix) {
      setMissing(true);
      return;
    }
    touched.current = true;
    setMissing(false);
    setAccepted(false);
    const controller = new AbortController();
    abort.current = controller;
    const current: Run = { prefix, suffix, middle: "", done: false };
    setRun(current);
    const f = fields();
    // The session holds the run from its start, so a reload mid-stream still finds the document.
    let id = sessionId;
    await persist(async () => {
      const draft = { ...f, run: storedRun(current, "streaming"), accepted: false };
      const row = id ? await sessionActions.update(id, draft) : undefined;
      if (row) return;
      const created = await sessionActions.create(draft);
      id = created.id;
      setSessionId(created.id);
      writeCurrentSession(created.id);
    });
    saved.current = snapshotOf(f);
    let status: CompletionRun["status"] = "complete";
    try {
      const outcome = await streamCompletion(
        {
          model: model as (typeof FIM_MODELS)[number],
          prompt: prefix,
          ...(suffix ? { suffix } : {}),
          ...(f.maxTokens !== undefined ? { maxTokens: f.maxTokens } : {}),
          ...(f.temperature !== undefined ? { temperature: f.temperature } : {}),
        },
        (piece) => {
          current.middle += piece;
          setRun((r) => (r ? { ...r, middle: r.middle + piece } : r));
        },
        controller.signal,
      );
      current.finishReason = outcome.finishReason;
    } catch (err) {
      const aborted = err instanceof DOMException && err.name === "AbortError";
      status = aborted ? "stopped" : "failed";
      if (!aborted) current.error = AppError.from(err).toJSON();
    }
    // What arrived stays on screen (with the error under it) and in the session.
    // Unless another session was opened meanwhile (it stopped this run and owns the screen).
    if (abort.current === controller) {
      setRun((r) => (r ? { ...r, done: true, finishReason: current.finishReason, error: current.error } : r));
    }
    const finalId = id;
    if (finalId) await persist(() => sessionActions.update(finalId, { run: storedRun(current, status) }));
  };

  const accept = (r: Run) => {
    const merged = r.prefix + r.middle + r.suffix;
    setPrefix(merged);
    setSuffix("");
    setAccepted(true);
    if (!sessionId) return;
    saved.current = snapshotOf({ ...fields(), prefix: merged, suffix: "" });
    const id = sessionId;
    void persist(() => sessionActions.update(id, { prefix: merged, suffix: "", accepted: true }));
  };

  const startNew = () => {
    stopRun();
    setPrefix("");
    setSuffix("");
    setRun(null);
    setAccepted(false);
    setMissing(false);
    setSessionId(null);
    writeCurrentSession(null);
  };

  const remove = async (row: CompletionSession) => {
    const gone = await sessionActions.remove(row.id);
    if (!gone) return;
    const wasCurrent = gone.id === sessionId;
    // The page keeps its text; it is simply no longer saved anywhere until the next Complete.
    if (wasCurrent) {
      setSessionId(null);
      writeCurrentSession(null);
    }
    setDeleted({ row: gone, wasCurrent });
  };

  const undo = async () => {
    if (!deleted) return;
    const { row, wasCurrent } = deleted;
    setDeleted(null);
    await persist(() => sessionActions.restore(row));
    if (wasCurrent && !sessionId) {
      setSessionId(row.id);
      writeCurrentSession(row.id);
    }
  };

  const form = (
    <>
      <CodeField
        label={t("complete.prefix")}
        value={prefix}
        onChange={edit(setPrefix)}
        language={language}
        rows={8}
        error={missing ? t("complete.prefixRequired") : undefined}
      />
      <CodeField label={t("complete.suffix")} value={suffix} onChange={edit(setSuffix)} language={language} rows={5} />
      <Field label={t("complete.language")}>
        <NativeSelect
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          options={LANGUAGES.map((value) => ({ value, label: value }))}
        />
      </Field>
      <Field label={t("complete.model")}>
        <NativeSelect
          value={model}
          onChange={(e) => setModel(e.target.value)}
          options={FIM_MODELS.map((value) => ({ value, label: value }))}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("complete.maxTokens")} hint={`1 – ${COMPLETE_MAX_TOKENS}`}>
          <Input inputMode="numeric" value={maxTokens} onChange={(e) => setMaxTokens(e.target.value)} />
        </Field>
        <Field label={t("complete.temperature")} hint="0 – 2">
          <Input inputMode="decimal" value={temperature} onChange={(e) => setTemperature(e.target.value)} />
        </Field>
      </div>
    </>
  );

  const action = running ? (
    <Button variant="secondary" onClick={() => abort.current?.abort()}>
      {t("complete.stop")}
    </Button>
  ) : (
    <Button onClick={() => void complete()}>{t("complete.run")}</Button>
  );

  const result = run ? (
    <div className="space-y-3">
      <div
        data-testid="completion-result"
        data-done={run.done}
        aria-busy={running || undefined}
        data-language={language}
        className="overflow-x-auto rounded-xl border border-zinc-200 bg-white p-3 font-mono text-xs whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-900"
      >
        <span className="text-zinc-500">{run.prefix}</span>
        <mark
          data-testid="completion-middle"
          className="rounded bg-violet-100 text-zinc-900 dark:bg-violet-900/60 dark:text-zinc-50"
        >
          {run.middle}
        </mark>
        <span className="text-zinc-500">{run.suffix}</span>
      </div>
      {run.error && <ErrorAlert error={run.error} onRetry={() => void complete()} />}
      {run.done && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={!run.middle || accepted} onClick={() => accept(run)}>
            {t("complete.accept")}
          </Button>
          <Button size="sm" variant="secondary" disabled={!run.middle} onClick={() => void copyText(run.middle)}>
            {t("complete.copy")}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => void complete()}>
            {t("complete.retry")}
          </Button>
        </div>
      )}
      {accepted && (
        <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
          {t("complete.accepted")}
        </p>
      )}
    </div>
  ) : (
    <p className="text-sm text-zinc-500">{t("complete.empty")}</p>
  );

  const results = (
    <>
      {result}
      {saveError && <ErrorAlert error={saveError} />}
      {deleted && (
        <p role="status" className="flex items-center gap-2 text-xs">
          {t("complete.session.deleted", { title: sessionTitle(deleted.row) || t("complete.session.untitled") })}
          <Button size="sm" variant="secondary" onClick={() => void undo()}>
            {t("complete.session.undo")}
          </Button>
        </p>
      )}
      <SessionList
        sessions={sessions}
        currentId={sessionId}
        onOpen={show}
        onDelete={(row) => void remove(row)}
        onNew={startNew}
      />
    </>
  );

  return (
    <StudioLayout
      title={t("complete.title")}
      description={t("complete.intro")}
      form={form}
      action={action}
      results={results}
      resultsLabel={t("complete.result")}
    />
  );
}
