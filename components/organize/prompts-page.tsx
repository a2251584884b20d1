"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { DownloadIcon, MoreIcon, PlusIcon, UploadIcon } from "@/components/ui/icons";
import { Input, Textarea } from "@/components/ui/input";
import { Menu, MenuItem } from "@/components/ui/menu";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import { promptActions, usePrompts } from "@/lib/organize/client/hooks";
import { NAME_MAX, type SavedPrompt } from "@/lib/organize/contract";

/** `/prompts`: the saved prompts typed "/" in the message box offers, with their JSON file. */
export function PromptsPage() {
  const { t, locale } = useI18n();
  const prompts = usePrompts(locale);
  const [editing, setEditing] = useState<SavedPrompt | "new" | null>(null);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const [status, setStatus] = useState("");
  const fileRef = useRef<HTMLInputElement>(null);

  const exportFile = async () => {
    const file = await promptActions.exportAll();
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `siliconplay-prompts-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const importFile = async (file: File) => {
    setError(null);
    setStatus("");
    try {
      const report = await promptActions.importFile(await file.text());
      setStatus(t("prompts.imported", { added: report.added, skipped: report.skipped }));
    } catch (err) {
      setError(AppError.from(err).toJSON());
    }
  };

  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("prompts.title")}</h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">{t("prompts.intro")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => void exportFile()}>
            <DownloadIcon size={16} />
            {t("prompts.export")}
          </Button>
          <Button variant="secondary" onClick={() => fileRef.current?.click()}>
            <UploadIcon size={16} />
            {t("prompts.import")}
          </Button>
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="prompts-import-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void importFile(file);
            }}
          />
          <Button onClick={() => setEditing("new")}>
            <PlusIcon size={16} />
            {t("prompts.new")}
          </Button>
        </div>
      </div>
      {error && (
        <div className="mt-4">
          <ErrorAlert error={error} onDismiss={() => setError(null)} />
        </div>
      )}
      <p role="status" data-testid="prompts-status" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {status}
      </p>
      {prompts && prompts.length === 0 && (
        <p className="mt-6 text-sm text-zinc-500 dark:text-zinc-400">{t("prompts.none")}</p>
      )}
      <ul className="mt-4 space-y-2">
        {prompts?.map((p) => (
          <li
            key={p.id}
            aria-labelledby={`prompt-${p.id}`}
            className="flex items-start gap-3 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <div className="min-w-0 flex-1">
              <h2 id={`prompt-${p.id}`} className="font-medium">
                {p.title}
              </h2>
              <p className="mt-1 line-clamp-3 whitespace-pre-wrap text-sm text-zinc-600 dark:text-zinc-400">{p.body}</p>
            </div>
            <Menu
              trigger={
                <Button variant="icon" size="sm" label={t("prompts.actions", { title: p.title })}>
                  <MoreIcon />
                </Button>
              }
            >
              <MenuItem onClick={() => setEditing(p)}>{t("prompts.edit")}</MenuItem>
              <MenuItem danger onClick={() => void promptActions.remove(p.id)}>
                {t("prompts.delete")}
              </MenuItem>
            </Menu>
          </li>
        ))}
      </ul>
      <PromptDialog editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

function PromptDialog({ editing, onClose }: { editing: SavedPrompt | "new" | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const formId = useId();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!editing) return;
    setTitle(editing === "new" ? "" : editing.title);
    setBody(editing === "new" ? "" : editing.body);
    setError(null);
  }, [editing]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (editing === "new") await promptActions.create(title, body);
      else if (editing) await promptActions.update(editing.id, title, body);
      onClose();
    } catch (err) {
      setError(AppError.from(err).text(locale));
    }
  };
  return (
    <Dialog
      open={editing !== null}
      onOpenChange={(next) => !next && onClose()}
      title={editing === "new" ? t("prompts.new") : t("prompts.edit")}
      footer={
        <>
          <DialogClose>
            <Button variant="secondary">{t("assistants.cancel")}</Button>
          </DialogClose>
          <Button type="submit" form={formId}>
            {t("prompts.save")}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="space-y-4">
        {error && (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <Field label={t("prompts.name")}>
          <Input value={title} required maxLength={NAME_MAX} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={t("prompts.body")} hint={t("prompts.body.hint")}>
          <Textarea rows={6} required value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
