"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PencilIcon } from "@/components/ui/icons";
import { Textarea } from "@/components/ui/input";
import type { Message } from "@/lib/chat/client/db";
import { modelInfo } from "@/lib/chat/client/models";
import { useChatSessions } from "@/lib/chat/client/sessions";
import { prefixRefusal } from "@/lib/chat/playground/support";
import { useI18n } from "@/lib/i18n/client";
import { useModels } from "@/lib/providers/client/models";
import { ActionButton } from "../message-actions";

// "Edit" on a reply: the text becomes editable, and "Continue from here" sends it as the prefix of a
// new version of the reply (SiliconFlow prefix completion); the model writes on from where it stops.

export function EditReplyButton({ onEdit, disabled }: { onEdit: () => void; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <ActionButton label={t("playground.prefix.edit")} disabled={disabled} onClick={onEdit}>
      <PencilIcon />
    </ActionButton>
  );
}

export function ReplyEditor({
  message,
  text,
  busy,
  onDone,
}: {
  message: Message;
  text: string;
  busy: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(text);
  const models = useModels("chat").models;
  const info = message.model ? modelInfo(models, message.model) : undefined;
  const refusal = info ? prefixRefusal(info) : undefined;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!value || refusal) return;
        void useChatSessions.getState().continueFromHere(message.id, value);
        onDone();
      }}
    >
      <Field label={t("playground.prefix.editLabel")} error={refusal && t(refusal.key, refusal.vars)}>
        <Textarea rows={6} value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy || !value || !!refusal}>
          {t("playground.prefix.continue")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          {t("playground.prefix.cancel")}
        </Button>
      </div>
    </form>
  );
}
