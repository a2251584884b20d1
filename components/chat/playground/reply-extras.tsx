"use client";

import type { Message } from "@/lib/chat/client/db";
import { useI18n } from "@/lib/i18n/client";
import { MessageText } from "../message-text";

// What the playground adds to a finished reply: the server's notes (a setting it changed and why), and
// a prefix-completed reply shown as the user's text followed by the model's continuation.

export function PlaygroundNotes({ message }: { message: Message }) {
  const { t } = useI18n();
  const notes = message.playground?.notes ?? [];
  if (notes.length === 0) return null;
  return (
    <ul className="mb-2 space-y-1">
      {notes.map((note) => (
        <li
          key={note.code}
          data-testid="playground-note"
          data-code={note.code}
          className="rounded-md bg-amber-50 px-2.5 py-1.5 text-xs text-amber-800 dark:bg-amber-950/40 dark:text-amber-300"
        >
          {t(`playground.note.${note.code}`)}
        </li>
      ))}
    </ul>
  );
}

export function PrefixedText({ text, prefixLength }: { text: string; prefixLength: number }) {
  const { t } = useI18n();
  const prefix = text.slice(0, prefixLength);
  const rest = text.slice(prefixLength);
  return (
    <div>
      <div
        data-testid="prefix-text"
        className="border-l-2 border-zinc-400 pl-3 text-zinc-700 dark:border-zinc-500 dark:text-zinc-300"
      >
        <p className="text-xs text-zinc-500">{t("playground.prefix.marked", { count: [...prefix].length })}</p>
        <MessageText text={prefix} streaming={false} />
      </div>
      <div data-testid="prefix-continuation" className="mt-1 border-l-2 border-violet-500 pl-3">
        <p className="text-xs text-violet-600 dark:text-violet-300">{t("playground.prefix.continuation")}</p>
        <MessageText text={rest} streaming={false} />
      </div>
    </div>
  );
}
