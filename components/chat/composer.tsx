"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { usePromptSlash } from "@/components/organize/prompt-slash";
import { OfflineHint, useOnline } from "@/components/shell/online";
import { VoiceInputButton } from "@/components/speech/voice-input-button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ArrowUpIcon, PlusIcon, StopIcon } from "@/components/ui/icons";
import type { OutgoingImage } from "@/lib/chat/client/sessions";
import { selectDraft, useChatUI } from "@/lib/chat/client/ui";
import type { ChatModelRef } from "@/lib/chat/contract";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";
import { ACCEPT_ATTRIBUTE } from "@/lib/vision/size";
import type { ImageDetail } from "@/lib/vision/tokens";
import { AttachmentTray, visionBlock } from "./attachments/attachment-tray";
import { BudgetNotice } from "./attachments/budget-notice";
import { filesOf, useAttachments } from "./attachments/use-attachments";
import { SettingsNotice } from "./settings-notice";

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
  model,
  models,
  onPickModel,
}: {
  draftKey: string;
  busy: boolean;
  onSend: (text: string, images: OutgoingImage[]) => Promise<void>;
  model: ModelInfo;
  models: readonly ModelInfo[];
  onPickModel: (ref: ChatModelRef) => void;
  onStop: () => void;
  toolbar: ReactNode;
  placeholder: string;
}) {
  const t = useT();
  const id = useId();
  const text = useChatUI(selectDraft(draftKey));
  // Actions never change: taken from the store, not subscribed to.
  const { setDraft } = useChatUI.getState();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const slash = usePromptSlash({ text, inputRef, onChange: (next) => setDraft(draftKey, next) });
  const attach = useAttachments(model);
  const [detail, setDetail] = useState<ImageDetail>("auto");
  const fileRef = useRef<HTMLInputElement>(null);
  const blocked = attach.preparing || visionBlock(model, attach.images.length) !== null;
  const online = useOnline();
  const canSend = (text.trim().length > 0 || attach.images.length > 0) && !busy && !sending && !blocked && online;

  // On a desktop the page opens ready to type; on a phone a focused box would open the keyboard over
  // the page. Only when nothing else has focus yet (the skip link, a dialog).
  useEffect(() => {
    if (!matchMedia("(min-width: 640px)").matches) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    inputRef.current?.focus({ preventScroll: true });
  }, []);

  // Images dropped anywhere on the chat page land in the box.
  const addRef = useRef(attach.add);
  addRef.current = attach.add;
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      void addRef.current(filesOf(e.dataTransfer));
    };
    document.addEventListener("dragover", over);
    document.addEventListener("drop", drop);
    return () => {
      document.removeEventListener("dragover", over);
      document.removeEventListener("drop", drop);
    };
  }, []);
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
      const sf = model.provider === "siliconflow";
      await onSend(
        text.trim(),
        attach.images.map((i) => ({
          blob: i.blob,
          name: i.name,
          width: i.width,
          height: i.height,
          ...(sf ? { detail } : {}),
        })),
      );
      setDraft(draftKey, "");
      attach.clear();
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
        <BudgetNotice conversationId={draftKey} />
        <SettingsNotice conversationKey={draftKey} />
        {slash.element}
        <form
          data-ready={hydrated || undefined}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          className="rounded-2xl border border-zinc-300 bg-white shadow-sm focus-within:border-violet-500 dark:border-zinc-700 dark:bg-zinc-900 dark:focus-within:border-violet-400"
        >
          <AttachmentTray
            model={model}
            models={models}
            images={attach.images}
            problems={attach.problems}
            preparing={attach.preparing}
            detail={detail}
            onDetail={setDetail}
            onRemove={attach.remove}
            onPickModel={onPickModel}
          />
          <label htmlFor={id} className="sr-only">
            {t("chat.input.label")}
          </label>
          <textarea
            id={id}
            ref={inputRef}
            data-testid="chat-input"
            {...slash.inputProps}
            value={text}
            rows={1}
            placeholder={placeholder}
            onChange={(e) => setDraft(draftKey, e.target.value)}
            onPaste={(e) => {
              const files = filesOf(e.clipboardData);
              if (files.length === 0) return;
              // A pasted picture is attached; pasted text (if any) still goes into the box.
              if (!e.clipboardData.getData("text/plain")) e.preventDefault();
              void attach.add(files);
            }}
            onKeyDown={(e) => {
              if (slash.onKeyDown(e)) return;
              if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing || e.keyCode === 229) return;
              e.preventDefault();
              void submit();
            }}
            className="block max-h-60 min-h-12 w-full resize-none bg-transparent px-4 pt-3 pb-1 text-[15px] leading-6 outline-none [field-sizing:content] placeholder:text-zinc-400"
          />
          <div className="flex items-center gap-1 px-2 pb-2">
            <button
              type="button"
              aria-label={t("chat.attach.button")}
              title={t("chat.attach.button")}
              onClick={() => fileRef.current?.click()}
              className="inline-flex size-9 items-center justify-center rounded-full text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              <PlusIcon size={18} />
            </button>
            <input
              ref={fileRef}
              type="file"
              multiple
              hidden
              accept={ACCEPT_ATTRIBUTE}
              data-testid="attach-input"
              onChange={(e) => {
                const files = Array.from(e.target.files ?? []);
                e.target.value = "";
                void attach.add(files);
              }}
            />
            <div className="flex min-w-0 flex-1 flex-wrap items-center gap-1">{toolbar}</div>
            <VoiceInputButton
              onText={(spoken) => {
                const current = selectDraft(draftKey)(useChatUI.getState());
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
                title={online ? t("chat.send") : t("offline.send")}
                aria-describedby={online ? undefined : `${id}-offline`}
                disabled={!canSend}
                className="inline-flex size-9 items-center justify-center rounded-full bg-violet-600 text-white hover:bg-violet-700 disabled:bg-zinc-200 disabled:text-zinc-400 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-600"
              >
                <ArrowUpIcon size={18} />
              </button>
            )}
          </div>
        </form>
        <OfflineHint id={`${id}-offline`} action="send" className="mt-1.5 text-center" />
      </div>
    </div>
  );
}
