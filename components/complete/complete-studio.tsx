"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { StudioLayout } from "@/components/ui/studio-layout";
import { copyText } from "@/lib/clipboard";
import { streamCompletion } from "@/lib/complete/client/api";
import { COMPLETE_MAX_TOKENS, FIM_MODELS, LANGUAGES } from "@/lib/complete/contract";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";

// /complete: fill-in-the-middle. The middle streams in and is shown highlighted between the prefix and
// the suffix; Accept merges the three into one document (in Prefix, Suffix emptied), Copy copies the
// middle, Retry asks again.

interface Run {
  prefix: string;
  suffix: string;
  middle: string;
  done: boolean;
  finishReason?: string;
  error?: AppErrorJSON;
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
  const abort = useRef<AbortController | null>(null);
  const running = run !== null && !run.done;

  const complete = async () => {
    if (!prefix) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setAccepted(false);
    const controller = new AbortController();
    abort.current = controller;
    const base: Run = { prefix, suffix, middle: "", done: false };
    setRun(base);
    const tokens = Number(maxTokens);
    const temp = Number(temperature);
    try {
      const outcome = await streamCompletion(
        {
          model: model as (typeof FIM_MODELS)[number],
          prompt: prefix,
          ...(suffix ? { suffix } : {}),
          ...(maxTokens.trim() && Number.isInteger(tokens) ? { maxTokens: tokens } : {}),
          ...(temperature.trim() && Number.isFinite(temp) ? { temperature: temp } : {}),
        },
        (piece) => setRun((r) => (r ? { ...r, middle: r.middle + piece } : r)),
        controller.signal,
      );
      setRun((r) => (r ? { ...r, done: true, finishReason: outcome.finishReason } : r));
    } catch (err) {
      const aborted = err instanceof DOMException && err.name === "AbortError";
      // What arrived stays on screen with the error under it.
      setRun((r) => (r ? { ...r, done: true, ...(aborted ? {} : { error: AppError.from(err).toJSON() }) } : r));
    }
  };

  const form = (
    <>
      <Field label={t("complete.prefix")} error={missing ? t("complete.prefixRequired") : undefined}>
        <Textarea
          rows={8}
          spellCheck={false}
          value={prefix}
          onChange={(e) => setPrefix(e.target.value)}
          className="font-mono text-xs"
        />
      </Field>
      <Field label={t("complete.suffix")}>
        <Textarea
          rows={5}
          spellCheck={false}
          value={suffix}
          onChange={(e) => setSuffix(e.target.value)}
          className="font-mono text-xs"
        />
      </Field>
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

  const results = run ? (
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
          <Button
            size="sm"
            disabled={!run.middle}
            onClick={() => {
              setPrefix(run.prefix + run.middle + run.suffix);
              setSuffix("");
              setAccepted(true);
            }}
          >
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
