"use client";

import { type DragEvent, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { ConversationRow, type RowActions } from "@/components/chat/conversation-row";
import { ActionMenu } from "@/components/ui/action-menu";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { ChevronDownIcon, ChevronRightIcon, FolderIcon, FolderPlusIcon, MoreIcon } from "@/components/ui/icons";
import { selectStreamingIds, useChatSessions } from "@/lib/chat/client/sessions";
import { useI18n } from "@/lib/i18n/client";
import { folderActions, useFolderConversations, useFolders } from "@/lib/organize/client/hooks";
import { selectCollapsed, useOrganize } from "@/lib/organize/client/store";
import type { Folder } from "@/lib/organize/contract";
import { carriesConversation, draggedConversation } from "./drag";
import { FolderNameDialog } from "./folder-dialogs";

// Folders are not virtualized: a short first page each keeps 20 open folders cheap to draw.
const PAGE = 25;

/** Props a drop target spreads: a dragged conversation row lands in `folderId` ("" = main list). */
export function dropTarget(folderId: string, setOver: (over: boolean) => void) {
  return {
    onDragOver: (e: DragEvent) => {
      if (!carriesConversation(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "move";
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      setOver(false);
      const id = draggedConversation(e);
      if (!id) return;
      e.preventDefault();
      void folderActions.move(id, folderId);
    },
  };
}

/** The folders above the main list: "New folder", then one group per folder (role="group", named by it). */
export function FolderSection({ activeId, actions }: { activeId: string | undefined; actions: RowActions }) {
  const { t, locale } = useI18n();
  const folders = useFolders(locale);
  const [creating, setCreating] = useState(false);
  return (
    <div className="max-h-[45%] shrink-0 overflow-y-auto px-2 pb-1">
      <div className="flex items-center justify-between px-1 pt-1">
        <span className="px-2 text-xs font-medium text-zinc-500 dark:text-zinc-400">{t("organize.folders")}</span>
        <Button variant="icon" size="sm" label={t("organize.folder.new")} onClick={() => setCreating(true)}>
          <FolderPlusIcon size={15} />
        </Button>
      </div>
      {folders?.map((folder) => (
        <FolderGroup key={folder.id} folder={folder} activeId={activeId} actions={actions} />
      ))}
      <FolderNameDialog
        open={creating}
        onOpenChange={setCreating}
        title={t("organize.folder.new")}
        submitLabel={t("organize.folder.create")}
        onSubmit={(name) => folderActions.create(name)}
      />
    </div>
  );
}

function FolderGroup({
  folder,
  activeId,
  actions,
}: {
  folder: Folder;
  activeId: string | undefined;
  actions: RowActions;
}) {
  const { t } = useI18n();
  const collapsed = useOrganize(selectCollapsed(folder.id));
  const [limit, setLimit] = useState(PAGE);
  const rows = useFolderConversations(folder.id, limit + 1, !collapsed);
  const streaming = useChatSessions(useShallow(selectStreamingIds));
  const [over, setOver] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const shown = rows?.slice(0, limit) ?? [];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this groups links (ui-contract: role="group")
    <div
      role="group"
      aria-label={folder.name}
      data-testid="folder"
      className={`rounded-lg ${over ? "bg-violet-100 dark:bg-violet-950/50" : ""}`}
      {...dropTarget(folder.id, setOver)}
    >
      <div className="group flex h-8 items-center gap-1 rounded-lg text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800/60">
        <button
          type="button"
          aria-expanded={!collapsed}
          aria-label={
            collapsed
              ? t("organize.folder.expand", { name: folder.name })
              : t("organize.folder.collapse", { name: folder.name })
          }
          onClick={() => useOrganize.getState().toggleFolder(folder.id)}
          className="flex h-full min-w-0 flex-1 items-center gap-1.5 rounded-lg px-2 text-left font-medium"
        >
          {collapsed ? <ChevronRightIcon size={14} /> : <ChevronDownIcon size={14} />}
          <FolderIcon size={14} className="shrink-0 text-zinc-500" />
          <span className="truncate">{folder.name}</span>
        </button>
        <ActionMenu
          trigger={
            <Button variant="icon" size="sm" label={t("organize.folder.actions", { name: folder.name })}>
              <MoreIcon />
            </Button>
          }
          items={[
            { label: t("organize.folder.rename"), onClick: () => setRenaming(true) },
            { label: t("organize.folder.delete"), onClick: () => setDeleting(true), danger: true },
          ]}
        />
      </div>
      {!collapsed && rows && (
        <ul className="pl-3">
          {shown.length === 0 && (
            <li className="px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">{t("organize.folder.empty")}</li>
          )}
          {shown.map((c) => (
            <li key={c.id} className="py-px">
              <ConversationRow
                conversation={c}
                active={c.id === activeId}
                streaming={streaming.includes(c.id)}
                actions={actions}
              />
            </li>
          ))}
          {rows.length > limit && (
            <li>
              <Button variant="ghost" size="sm" onClick={() => setLimit((l) => l + PAGE)}>
                {t("organize.folder.more")}
              </Button>
            </li>
          )}
        </ul>
      )}
      <FolderNameDialog
        open={renaming}
        onOpenChange={setRenaming}
        title={t("organize.folder.rename")}
        submitLabel={t("organize.folder.renameSave")}
        initial={folder.name}
        onSubmit={(name) => folderActions.rename(folder.id, name)}
      />
      <Dialog
        open={deleting}
        onOpenChange={setDeleting}
        title={t("organize.folder.delete")}
        description={t("organize.folder.deleteConfirm", { name: folder.name })}
        size="sm"
        footer={
          <>
            <DialogClose>
              <Button variant="secondary">{t("organize.folder.cancel")}</Button>
            </DialogClose>
            <Button
              variant="danger"
              onClick={() => {
                setDeleting(false);
                void folderActions.remove(folder.id);
              }}
            >
              {t("organize.folder.delete")}
            </Button>
          </>
        }
      />
    </div>
  );
}
