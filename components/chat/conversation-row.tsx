"use client";

import Link from "next/link";
import { memo, useEffect, useRef, useState } from "react";
import { CONVERSATION_DRAG_TYPE } from "@/components/organize/drag";
import {
  ArrowDownIcon,
  ExportIcon,
  FolderIcon,
  ImageIcon,
  MoreIcon,
  PencilIcon,
  PinIcon,
  TrashIcon,
} from "@/components/ui/icons";
import type { Conversation } from "@/lib/chat/client/db";
import { useI18n, useT } from "@/lib/i18n/client";
import { useOrganize } from "@/lib/organize/client/store";
import { useExport } from "@/lib/share/client/export-store";
import { downloadConversationMarkdown } from "@/lib/share/client/markdown";
import { openChat } from "./use-conversation";

const runExport: ReturnType<typeof useExport.getState>["run"] = (format, work) =>
  useExport.getState().run(format, work);

export interface RowActions {
  rename: (id: string, title: string) => void;
  pin: (id: string, pinned: boolean) => void;
  remove: (conversation: Conversation) => void;
  navigate: () => void;
}

/** One conversation in the sidebar: its link (named by the title), a streaming dot, and a menu. */
export const ConversationRow = memo(function ConversationRow({
  conversation,
  active,
  streaming,
  actions,
}: {
  conversation: Conversation;
  active: boolean;
  streaming: boolean;
  actions: RowActions;
}) {
  const { t, locale } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const title = conversation.title || t("chat.untitled");
  return (
    <div
      className={`group relative flex h-9 items-center rounded-lg text-sm ${
        active ? "bg-zinc-200/70 dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-800/60"
      }`}
    >
      {renaming ? (
        <RenameInput
          initial={conversation.title}
          label={t("chat.row.renameLabel")}
          onDone={(next) => {
            setRenaming(false);
            if (next !== null && next !== conversation.title) actions.rename(conversation.id, next);
          }}
        />
      ) : (
        <Link
          href={`/chat/${encodeURIComponent(conversation.id)}`}
          aria-current={active ? "page" : undefined}
          onDragStart={(e) => {
            // Dropped on a folder in the sidebar, it moves there (components/organize/folder-section.tsx).
            e.dataTransfer.setData(CONVERSATION_DRAG_TYPE, conversation.id);
            e.dataTransfer.effectAllowed = "move";
          }}
          onClick={(e) => {
            openChat(e, `/chat/${encodeURIComponent(conversation.id)}`);
            actions.navigate();
          }}
          className="flex h-full min-w-0 flex-1 items-center gap-2 truncate rounded-lg pr-8 pl-3"
        >
          {conversation.pinned === 1 && <PinIcon size={12} className="shrink-0 text-zinc-400" />}
          <span className="truncate">{title}</span>
          {streaming && (
            <span className="size-1.5 shrink-0 animate-pulse rounded-full bg-violet-500" aria-hidden="true" />
          )}
        </Link>
      )}
      {!renaming && (
        <RowMenu
          label={t("chat.row.actions", { title })}
          pinned={conversation.pinned === 1}
          onRename={() => setRenaming(true)}
          onPin={() => actions.pin(conversation.id, conversation.pinned !== 1)}
          onExport={() => void runExport("markdown", () => downloadConversationMarkdown(conversation, locale))}
          onExportImage={() =>
            void runExport("image", () =>
              import("@/components/share/export-image").then((m) => m.downloadConversationPng(conversation, locale)),
            )
          }
          onExportHtml={() =>
            void runExport("html", () =>
              import("@/components/share/export-html").then((m) => m.downloadConversationHtml(conversation, locale)),
            )
          }
          onDelete={() => actions.remove(conversation)}
          onOrganize={(kind) => useOrganize.getState().openDialog({ kind, conversationId: conversation.id, title })}
        />
      )}
    </div>
  );
});

function RenameInput({
  initial,
  label,
  onDone,
}: {
  initial: string;
  label: string;
  onDone: (v: string | null) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <input
      aria-label={label}
      // biome-ignore lint/a11y/noAutofocus: the user just chose Rename
      autoFocus
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => onDone(value.trim())}
      onKeyDown={(e) => {
        if (e.key === "Enter") onDone(value.trim());
        if (e.key === "Escape") {
          e.preventDefault();
          onDone(null);
        }
      }}
      className="mx-1 h-7 min-w-0 flex-1 rounded-md border border-violet-500 bg-white px-2 text-sm outline-none dark:bg-zinc-900"
    />
  );
}

const itemClass =
  "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none dark:hover:bg-zinc-800 dark:focus:bg-zinc-800";

/** A menu button; the menu is fixed-positioned so the scrolling list cannot clip it. */
function RowMenu({
  label,
  pinned,
  onRename,
  onPin,
  onExport,
  onExportHtml,
  onExportImage,
  onDelete,
  onOrganize,
}: {
  label: string;
  pinned: boolean;
  onRename: () => void;
  onPin: () => void;
  onExport: () => void;
  onExportHtml: () => void;
  onExportImage: () => void;
  onDelete: () => void;
  onOrganize: (kind: "move" | "tags") => void;
}) {
  const t = useT();
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!at) return;
    menuRef.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    const onDown = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && e.target !== buttonRef.current) setAt(null);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [at]);

  const close = () => {
    setAt(null);
    buttonRef.current?.focus();
  };
  const run = (fn: () => void) => () => {
    setAt(null);
    fn();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={!!at}
        onClick={() => {
          if (at) return setAt(null);
          const r = buttonRef.current!.getBoundingClientRect();
          setAt({ top: Math.min(r.bottom + 4, window.innerHeight - 248), left: Math.max(8, r.right - 176) });
        }}
        className={`absolute right-1 inline-flex size-7 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100 ${
          at ? "" : "md:opacity-0 md:group-hover:opacity-100 md:focus-visible:opacity-100"
        }`}
      >
        <MoreIcon />
      </button>
      {at && (
        <div
          ref={menuRef}
          role="menu"
          aria-label={label}
          style={{ top: at.top, left: at.left }}
          onKeyDown={(e) => {
            const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
            const i = items.indexOf(document.activeElement as HTMLButtonElement);
            if (e.key === "Escape") {
              e.preventDefault();
              close();
            } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              const next = (i + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
              items[next]?.focus();
            } else if (e.key === "Tab") setAt(null);
          }}
          className="fixed z-50 w-44 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <button type="button" role="menuitem" className={itemClass} onClick={run(onRename)}>
            <PencilIcon size={14} />
            {t("chat.row.rename")}
          </button>
          <button type="button" role="menuitem" className={itemClass} onClick={run(onPin)}>
            <PinIcon size={14} />
            {pinned ? t("chat.row.unpin") : t("chat.row.pin")}
          </button>
          <button type="button" role="menuitem" className={itemClass} onClick={run(onExport)}>
            <ArrowDownIcon size={14} />
            {t("chat.row.exportMarkdown")}
          </button>
          <button type="button" role="menuitem" className={itemClass} onClick={run(onExportHtml)}>
            <ExportIcon size={14} />
            {t("export.html")}
          </button>
          <button type="button" role="menuitem" className={itemClass} onClick={run(onExportImage)}>
            <ImageIcon size={14} />
            {t("export.image")}
          </button>
          <button type="button" role="menuitem" className={itemClass} onClick={run(() => onOrganize("move"))}>
            <FolderIcon size={14} />
            {t("organize.move")}
          </button>
          <button type="button" role="menuitem" className={itemClass} onClick={run(() => onOrganize("tags"))}>
            <PencilIcon size={14} />
            {t("organize.tags.edit")}
          </button>
          <button
            type="button"
            role="menuitem"
            className={`${itemClass} text-red-700 dark:text-red-400`}
            onClick={run(onDelete)}
          >
            <TrashIcon size={14} />
            {t("chat.row.delete")}
          </button>
        </div>
      )}
    </>
  );
}
