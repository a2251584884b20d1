"use client";

import { memo, useId, useState } from "react";
import { PencilIcon } from "@/components/ui/icons";
import { type Message, parseAttachmentUrl } from "@/lib/chat/client/db";
import { useChatSessions } from "@/lib/chat/client/sessions";
import { useT } from "@/lib/i18n/client";
import { EditImageLink } from "./attachments/edit-image-link";
import { StoredImage } from "./attachments/stored-image";
import { ActionButton, CopyButton, VersionSwitcher } from "./message-actions";

interface UserMessageProps {
  message: Message;
  versionIndex: number;
  versionCount: number;
  busy: boolean;
  onStep: (messageId: string, delta: number) => void;
}

function images(message: Message): { url: string; name: string }[] {
  return message.parts.flatMap((p) =>
    p.type === "file" && typeof p.url === "string" && String(p.mediaType ?? "").startsWith("image/")
      ? [{ url: p.url, name: typeof p.filename === "string" ? p.filename : "" }]
      : [],
  );
}

export const UserMessage = memo(function UserMessage({
  message,
  versionIndex,
  versionCount,
  busy,
  onStep,
}: UserMessageProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const pictures = images(message);
  return (
    <article data-testid="message-user" data-message-id={message.id} className="group flex flex-col items-end">
      {pictures.length > 0 && (
        <div className="mb-1.5 flex flex-wrap justify-end gap-1.5">
          {pictures.map((p, i) => {
            const stored = parseAttachmentUrl(p.url);
            return (
              <span key={i} className="group/image relative inline-block">
                <StoredImage
                  url={p.url}
                  name={p.name}
                  className="max-h-40 rounded-lg border border-zinc-200 dark:border-zinc-800"
                />
                {stored && <EditImageLink attachmentId={stored} />}
              </span>
            );
          })}
        </div>
      )}
      {editing ? (
        <EditForm
          initial={message.text}
          busy={busy}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            setEditing(false);
            void useChatSessions.getState().edit(message.id, text);
          }}
        />
      ) : (
        <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-zinc-100 px-4 py-2.5 text-[15px] leading-7 dark:bg-zinc-800">
          {message.text}
        </div>
      )}
      {!editing && (
        <footer className="mt-1 flex items-center gap-0.5 md:opacity-0 md:group-hover:opacity-100 md:group-focus-within:opacity-100">
          <VersionSwitcher
            index={versionIndex}
            count={versionCount}
            disabled={busy}
            onStep={(d) => onStep(message.id, d)}
          />
          <CopyButton text={message.text} />
          <ActionButton label={t("chat.actions.edit")} disabled={busy} onClick={() => setEditing(true)}>
            <PencilIcon />
          </ActionButton>
        </footer>
      )}
    </article>
  );
});

function EditForm({
  initial,
  busy,
  onSave,
  onCancel,
}: {
  initial: string;
  busy: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(initial);
  const canSave = text.trim().length > 0 && !busy;
  return (
    <form
      className="w-full max-w-[85%] rounded-2xl border border-zinc-300 bg-white p-2 dark:border-zinc-700 dark:bg-zinc-900"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) onSave(text.trim());
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("chat.edit.label")}
      </label>
      <textarea
        id={id}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message
        autoFocus
        value={text}
        rows={Math.min(10, Math.max(2, text.split("\n").length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") onCancel();
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            if (canSave) onSave(text.trim());
          }
        }}
        className="w-full resize-none bg-transparent px-2 py-1 text-[15px] leading-7 outline-none"
      />
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-3 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          {t("chat.edit.cancel")}
        </button>
        <button
          type="submit"
          disabled={!canSave}
          className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-700 disabled:opacity-50"
        >
          {t("chat.edit.save")}
        </button>
      </div>
    </form>
  );
}
