"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { hintClass, labelClass, textareaClass } from "@/components/ui/styles";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { postImprovePrompt } from "@/lib/prompt-helper/client/api";
import type { ImproveRequest } from "@/lib/prompt-helper/contract";

type State =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "suggestion"; text: string; model: string }
  | { kind: "error"; error: AppErrorJSON };

/**
 * "Improve prompt": a chat model's rewrite of the studio's prompt, shown for review. The prompt changes
 * only on Use, and the text it replaced can be put back ("Restore original") until the prompt is edited.
 */
export function ImprovePrompt({
  prompt,
  kind,
  onChange,
}: {
  prompt: string;
  kind: ImproveRequest["kind"];
  onChange: (prompt: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [used, setUsed] = useState<{ original: string; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const improve = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "loading" });
    try {
      const result = await postImprovePrompt({ prompt, kind }, controller.signal);
      setState({ kind: "suggestion", text: result.suggestion, model: result.model });
    } catch (err) {
      if (controller.signal.aborted) return;
      setState({ kind: "error", error: AppError.from(err).toJSON() });
    }
  };
  const use = (text: string) => {
    setUsed({ original: prompt, text });
    onChange(text);
    setState({ kind: "idle" });
  };
  const restore = () => {
    if (used) onChange(used.original);
    setUsed(null);
  };
  const canRestore = used !== null && used.text === prompt;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          loading={state.kind === "loading"}
          disabled={prompt.trim() === ""}
          onClick={() => void improve()}
        >
          {t("images.improve.button")}
        </Button>
        {canRestore && (
          <>
            <span role="status" className={hintClass}>
              {t("images.improve.used")}
            </span>
            <Button variant="ghost" size="sm" onClick={restore}>
              {t("images.improve.restore")}
            </Button>
          </>
        )}
      </div>
      {state.kind === "suggestion" && (
        <div className="space-y-2 rounded-lg border border-violet-200 bg-violet-50/60 p-3 dark:border-violet-900 dark:bg-violet-950/40">
          <label htmlFor={`${id}-text`} className={labelClass}>
            {t("images.improve.suggestion")}
          </label>
          <textarea
            id={`${id}-text`}
            rows={5}
            maxLength={4000}
            value={state.text}
            onChange={(e) => setState({ ...state, text: e.target.value })}
            aria-describedby={`${id}-hint`}
            className={textareaClass}
          />
          <p id={`${id}-hint`} className={hintClass}>
            {t("images.improve.hint", { model: state.model })}
          </p>
          <div className="flex gap-2">
            <Button size="sm" disabled={state.text.trim() === ""} onClick={() => use(state.text.trim())}>
              {t("images.improve.use")}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setState({ kind: "idle" })}>
              {t("images.improve.discard")}
            </Button>
          </div>
        </div>
      )}
      {state.kind === "error" && (
        <ErrorAlert
          error={state.error}
          title={t("images.improve.failed")}
          onRetry={() => void improve()}
          onDismiss={() => setState({ kind: "idle" })}
        />
      )}
    </div>
  );
}
