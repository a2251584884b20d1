"use client";

import { useEffect } from "react";
import { CheckIcon, ImageIcon } from "@/components/ui/icons";
import type { Conversation, Message } from "@/lib/chat/client/db";
import { useI18n, useT } from "@/lib/i18n/client";
import {
  selectExportBusy,
  selectIsSelected,
  selectIsSelecting,
  selectSelected,
  useExport,
} from "@/lib/share/client/export-store";

// "Export as image" of selected messages: the header's "Select messages" toggle, a checkbox per row of
// the thread, and the bar that counts the selection and exports it. The selection is a set of ids in
// state, so rows scrolled out of the (virtualized) thread keep theirs, and the image is drawn from the
// stored messages, not from the rows on screen.

const SELECT_BUTTON_ID = "select-messages";

/** The header's toggle into (and out of) selection mode. */
export function SelectMessagesButton({ conversationId, disabled }: { conversationId: string; disabled: boolean }) {
  const t = useT();
  const selecting = useExport(selectIsSelecting(conversationId));
  return (
    <button
      id={SELECT_BUTTON_ID}
      type="button"
      aria-pressed={selecting}
      disabled={disabled && !selecting}
      onClick={() => {
        const store = useExport.getState();
        if (selecting) store.stopSelecting();
        else store.startSelecting(conversationId);
      }}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800 ${
        selecting ? "bg-zinc-100 dark:bg-zinc-800" : ""
      }`}
    >
      <CheckIcon size={15} />
      <span className="max-sm:sr-only">{t("export.select")}</span>
    </button>
  );
}

/** The checkbox of one message while selecting; `n` is its place in the thread, from 1. */
export function SelectCheckbox({ messageId, n }: { messageId: string; n: number }) {
  const t = useT();
  const checked = useExport(selectIsSelected(messageId));
  return (
    <input
      type="checkbox"
      aria-label={t("export.selectMessage", { n })}
      checked={checked}
      onChange={() => useExport.getState().toggle(messageId)}
      className="mt-1 size-4 shrink-0 accent-violet-600"
    />
  );
}

function leaveSelection() {
  useExport.getState().stopSelecting();
  // The rows' checkboxes and the bar are gone: the focus goes back to the toggle that opened them.
  document.getElementById(SELECT_BUTTON_ID)?.focus();
}

/** Shown while selecting: how many are selected, Select all, Export as image and Cancel. */
export function SelectionBar({
  conversation,
  thread,
  busy,
}: {
  conversation: Conversation;
  thread: readonly Message[];
  busy: boolean;
}) {
  const { t, locale } = useI18n();
  const selecting = useExport(selectIsSelecting(conversation.id));
  const selected = useExport(selectSelected);
  const exporting = useExport(selectExportBusy);
  // Only messages still in the thread count (one may have been deleted or the branch switched).
  const count = thread.reduce((n, m) => n + (selected.has(m.id) ? 1 : 0), 0);

  // A reply being sent ends the selection: Escape then belongs to Stop again.
  useEffect(() => {
    if (selecting && busy) useExport.getState().stopSelecting();
  }, [selecting, busy]);

  useEffect(() => {
    if (!selecting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      e.preventDefault();
      leaveSelection();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [selecting]);

  if (!selecting) return null;
  const exportImage = async () => {
    const only = new Set(thread.filter((m) => selected.has(m.id)).map((m) => m.id));
    const done = await useExport
      .getState()
      .run("image", () => import("./export-image").then((m) => m.downloadConversationPng(conversation, locale, only)));
    if (done) leaveSelection();
  };
  const button =
    "rounded-lg px-2.5 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:hover:bg-zinc-800";
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group of controls, not a form field set
    <div
      role="group"
      aria-label={t("export.selection")}
      className="mx-auto flex w-full max-w-chat flex-wrap items-center gap-2 px-4 pt-2"
    >
      <span className="mr-auto text-sm tabular-nums text-zinc-600 dark:text-zinc-300" aria-live="polite">
        {t("export.selected", { count })}
      </span>
      <button type="button" className={button} onClick={() => useExport.getState().selectAll(thread.map((m) => m.id))}>
        {t("export.selectAll")}
      </button>
      <button
        type="button"
        disabled={count === 0 || exporting}
        onClick={() => void exportImage()}
        className={`${button} inline-flex items-center gap-1.5 bg-violet-600 text-white hover:bg-violet-700 dark:hover:bg-violet-500`}
      >
        <ImageIcon size={15} />
        {exporting ? t("export.exporting") : t("export.image")}
      </button>
      <button type="button" className={button} onClick={leaveSelection}>
        {t("export.cancel")}
      </button>
    </div>
  );
}
