"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { VoiceInputButton } from "@/components/speech/voice-input-button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ArrowUpIcon, StopIcon } from "@/components/ui/icons";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { useChatUI } from "@/lib/stores/chat-ui";

/**
 * The message box. Enter sends, Shift+Enter is a newline, and an IME composition (Chinese,
 * Japanese input) never sends. The draft is kept per conversation and cleared only once the
 * message is stored, so a failure never loses what was typed.
 */
export function Composer({
  draftKey,
  busy,
  onSend,
  onStop,
  toolbar,
  placeholder,
}: {
  draftKey: string;
  busy: boolean;
  onSend: (text: string) => Promise<void>;
  onStop: () => void;
  toolbar: ReactNode;
  placeholder: string;
}) {
  const t = useT();
  const id = useId();
  const text = useChatUI((s) => s.drafts[draftKey] ?? "");
  const setDraft = useChatUI((s) => s.setDraft);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const canSend = text.trim().length > 0 && !busy && !sending;
  const [hydrated, setHydrated] = useState(false);

  // Text typed before hydration lives only in the DOM; adopt it instead of wiping it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useEffect(() => {
    const typed = inputRef.current?.value ?? "";
    if (typed && !text) setDraft(draftKey, typed);
    setHydrated(true);
  }, []);

  const submit = async () => {
    if (!canSend) return;
    setSending(true);
    setError(null);
    try {
      await onSend(text.trim());
      setDraft(draftKey, "");
    } catch (err) {
      setError(AppError.from(err).toJSON());
    } finally {
      setSending(false);
      inputRef.current?.focus();
    }
  };

  return (
    <div className="shrink-0 px-3 pb-3 sm:px-4">
      <div className="mx-auto max-w-chat">
        {error && (
          <div className="mb-2">
            <ErrorAlert error={error} onDismiss={() => setError(null)} onRetry={() => void submit()} />
          </div>
        )}
        <form
          data-ready={hydrated || undefined}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          className="rounded-2xl border border-zinc-300 bg-white shadow-sm focus-within:border-violet-500 dark:border-zinc-700 dark:bg-zinc-900 dark:focus-within:border-violet-400"
        >
          <label htmlFor={id} className="sr-only">
            {t("chat.input.label")}
          </label>
          <textarea
            id={id}
            ref={inputRef}
            data-testid="chat-input"
            value={text}
            rows={1}
            placeholder={placeholder}
            onChange={(e) => setDraft(draftKey, e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing || e.keyCode === 229) return;
              e.preventDefault();
              void submit();
            }}
            className="block max-h-60 min-h-12 w-full resize-none bg-transparent px-4 pt-3 pb-1 text-[15px] leading-6 outline-none [field-sizing:content] placeholder:text-zinc-400"
          />
          <div className="flex items-center gap-1 px-2 pb-2">
            <div className="flex min-w-0 flex-1 flex-wrap items-center gap-1">{toolbar}</div>
            <VoiceInputButton
              onText={(spoken) => {
                const current = useChatUI.getState().drafts[draftKey] ?? "";
                setDraft(draftKey, current.trim() ? `${current.trimEnd()} ${spoken}` : spoken);
                inputRef.current?.focus();
              }}
            />
            {busy ? (
              <button
                type="button"
                data-testid="stop-button"
                aria-label={t("chat.stop")}
                title={t("chat.stop")}
                onClick={onStop}
                className="inline-flex size-9 items-center justify-center rounded-full bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
              >
                <StopIcon size={14} />
              </button>
            ) : (
              <button
                type="submit"
                data-testid="send-button"
                aria-label={t("chat.send")}
                title={t("chat.send")}
                disabled={!canSend}
                className="inline-flex size-9 items-center justify-center rounded-full bg-violet-600 text-white hover:bg-violet-700 disabled:bg-zinc-200 disabled:text-zinc-400 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-600"
              >
                <ArrowUpIcon size={18} />
              </button>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
