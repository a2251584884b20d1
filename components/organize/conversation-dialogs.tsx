"use client";

import { type FormEvent, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { CheckIcon, FolderIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import { folderActions, useConversationTitle, useFolders } from "@/lib/organize/client/hooks";
import { selectDialog, useOrganize } from "@/lib/organize/client/store";
import { parseTags } from "@/lib/organize/tags";

/** The dialogs a conversation's menu opens: "Move to folder" and "Edit tags". Mounted once by the sidebar. */
export function ConversationDialogs() {
  const dialog = useOrganize(selectDialog);
  const close = () => useOrganize.getState().openDialog(null);
  return (
    <>
      <MoveDialog
        open={dialog?.kind === "move"}
        conversationId={dialog?.conversationId}
        title={dialog?.title ?? ""}
        onClose={close}
      />
      <TagsDialog
        open={dialog?.kind === "tags"}
        conversationId={dialog?.conversationId}
        title={dialog?.title ?? ""}
        onClose={close}
      />
    </>
  );
}

function MoveDialog({
  open,
  conversationId,
  title,
  onClose,
}: {
  open: boolean;
  conversationId: string | undefined;
  title: string;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const folders = useFolders(locale);
  const conversation = useConversationTitle(open ? conversationId : undefined);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const current = conversation?.folderId ?? "";
  const move = async (folderId: string) => {
    if (!conversationId) return;
    try {
      await folderActions.move(conversationId, folderId);
      onClose();
    } catch (err) {
      setError(AppError.from(err).toJSON());
    }
  };
  const choices = [{ id: "", name: t("organize.move.none") }, ...(folders ?? [])];
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && onClose()}
      title={t("organize.move.title", { title })}
      description={folders && folders.length === 0 ? t("organize.move.noFolders") : undefined}
      size="sm"
    >
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      <ul className="space-y-1">
        {choices.map((f) => (
          <li key={f.id || "none"}>
            <Button
              variant={f.id === current ? "secondary" : "ghost"}
              className="w-full justify-start"
              aria-current={f.id === current ? "true" : undefined}
              onClick={() => void move(f.id)}
            >
              <FolderIcon size={15} />
              <span className="min-w-0 flex-1 truncate text-left">{f.name}</span>
              {f.id === current && <CheckIcon size={15} />}
            </Button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

function TagsDialog({
  open,
  conversationId,
  title,
  onClose,
}: {
  open: boolean;
  conversationId: string | undefined;
  title: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const conversation = useConversationTitle(open ? conversationId : undefined);
  const [text, setText] = useState("");
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const loaded = conversation?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the field once per opened conversation, not on every live update
  useEffect(() => {
    if (open && conversation) setText((conversation.tags ?? []).join(", "));
  }, [open, loaded]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!conversationId) return;
    try {
      await folderActions.setTags(conversationId, parseTags(text));
      onClose();
    } catch (err) {
      setError(AppError.from(err).toJSON());
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && onClose()}
      title={t("organize.tags.title", { title })}
      size="sm"
      footer={
        <>
          <DialogClose>
            <Button variant="secondary">{t("organize.folder.cancel")}</Button>
          </DialogClose>
          <Button type="submit" form={formId}>
            {t("organize.tags.save")}
          </Button>
        </>
      }
    >
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      <form id={formId} onSubmit={submit}>
        <Field label={t("organize.tags.label")} hint={t("organize.tags.hint")}>
          <Input value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
