"use client";

import { type FormEvent, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AppError } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import { NAME_MAX } from "@/lib/organize/bounds";

/** A one-field form dialog for a folder's name (new folder, rename). */
export function FolderNameDialog({
  open,
  onOpenChange,
  title,
  submitLabel,
  initial = "",
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  submitLabel: string;
  initial?: string;
  onSubmit: (name: string) => Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  useEffect(() => {
    if (!open) return;
    setName(initial);
    setError(null);
  }, [open, initial]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(name);
      setError(null);
      setName("");
      onOpenChange(false);
    } catch (err) {
      setError(AppError.from(err).text(locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      size="sm"
      footer={
        <>
          <DialogClose>
            <Button variant="secondary">{t("organize.folder.cancel")}</Button>
          </DialogClose>
          <Button type="submit" form={formId} loading={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit}>
        <Field label={t("organize.folder.name")} error={error}>
          <Input value={name} maxLength={NAME_MAX} autoFocus onChange={(e) => setName(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
