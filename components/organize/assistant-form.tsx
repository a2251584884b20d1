"use client";

import { type FormEvent, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { modelInfo } from "@/lib/chat/client/models";
import { AppError } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import { type AssistantDraft, EMOJI_MAX, NAME_MAX, type PresetPlayground } from "@/lib/organize/contract";
import { loadModels, useModels } from "@/lib/providers/client/models";
import { AssistantImageField } from "./assistant-image-field";
import { AssistantToolsFields, presetPlaygroundErrors } from "./assistant-tools";

const modelKey = (m: { provider: string; id: string } | undefined) => (m ? `${m.provider}:${m.id}` : "");

/** Only what is set: an empty tools text and a schema without JSON mode are not kept. */
function cleanPlayground(p: PresetPlayground): PresetPlayground {
  const out: PresetPlayground = {};
  if (p.toolsText?.trim()) out.toolsText = p.toolsText;
  if (p.jsonMode) {
    out.jsonMode = true;
    if (p.jsonSchemaText?.trim()) out.jsonSchemaText = p.jsonSchemaText;
  }
  return out;
}

/** The assistant form in a dialog: "New assistant" and "Edit". */
export function AssistantFormDialog({
  open,
  onOpenChange,
  title,
  initial,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  initial?: AssistantDraft;
  onSubmit: (draft: AssistantDraft) => Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const formId = useId();
  const models = useModels("chat").models;
  const [name, setName] = useState("");
  const [emoji, setEmoji] = useState("");
  const [image, setImage] = useState("");
  const [model, setModel] = useState("");
  const [systemPrompt, setSystemPrompt] = useState("");
  const [opening, setOpening] = useState("");
  const [temperature, setTemperature] = useState("");
  const [playground, setPlayground] = useState<PresetPlayground>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    void loadModels("chat");
    setName(initial?.name ?? "");
    setEmoji(initial?.emoji ?? "");
    setImage(initial?.image ?? "");
    setModel(modelKey(initial?.model));
    setSystemPrompt(initial?.systemPrompt ?? "");
    setOpening(initial?.openingMessage ?? "");
    setTemperature(initial?.settings?.temperature === undefined ? "" : String(initial.settings.temperature));
    setPlayground(initial?.playground ?? {});
    setError(null);
  }, [open, initial]);

  const temperatureValue = temperature.trim() === "" ? undefined : Number(temperature);
  const temperatureError =
    temperatureValue !== undefined &&
    !(Number.isFinite(temperatureValue) && temperatureValue >= 0 && temperatureValue <= 2)
      ? "0 – 2"
      : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (temperatureError) return;
    if (presetPlaygroundErrors(playground)) {
      setError(t("assistants.toolsInvalid"));
      return;
    }
    const chosen = models.find((m) => modelKey(m) === model);
    const draft: AssistantDraft = {
      name,
      systemPrompt,
      ...(emoji.trim() ? { emoji: emoji.trim() } : {}),
      ...(image ? { image } : {}),
      ...(opening.trim() ? { openingMessage: opening } : {}),
      ...(chosen
        ? { model: { provider: chosen.provider, id: chosen.id } }
        : initial?.model && model === modelKey(initial.model)
          ? { model: initial.model }
          : {}),
      settings: { ...(initial?.settings ?? {}), temperature: temperatureValue },
      ...(playground.toolsText?.trim() || playground.jsonMode ? { playground: cleanPlayground(playground) } : {}),
    };
    if (temperatureValue === undefined) delete draft.settings?.temperature;
    setBusy(true);
    try {
      await onSubmit(draft);
      onOpenChange(false);
    } catch (err) {
      setError(AppError.from(err).text(locale));
    } finally {
      setBusy(false);
    }
  };

  const chosenRef = models.find((m) => modelKey(m) === model) ?? (model ? initial?.model : undefined);
  const chosenInfo = chosenRef ? modelInfo(models, chosenRef) : undefined;

  const groups = (["siliconflow", "glm"] as const)
    .map((provider) => ({
      label: t(`chat.provider.${provider}`),
      options: models.filter((m) => m.provider === provider).map((m) => ({ value: modelKey(m), label: m.id })),
    }))
    .filter((g) => g.options.length > 0);
  // A stored model that the list no longer offers stays selectable, so saving does not drop it.
  if (model && !models.some((m) => modelKey(m) === model))
    groups.push({ label: "· ", options: [{ value: model, label: model.split(":").slice(1).join(":") }] });

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      size="md"
      footer={
        <>
          <DialogClose>
            <Button variant="secondary">{t("assistants.cancel")}</Button>
          </DialogClose>
          <Button type="submit" form={formId} loading={busy}>
            {t("assistants.save")}
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
        <div className="grid grid-cols-[1fr_6rem] gap-3">
          <Field label={t("assistants.name")}>
            <Input value={name} required maxLength={NAME_MAX} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label={t("assistants.emoji")}>
            <Input value={emoji} maxLength={EMOJI_MAX} onChange={(e) => setEmoji(e.target.value)} />
          </Field>
        </div>
        <AssistantImageField value={image} onChange={setImage} />
        <Field label={t("assistants.model")}>
          <NativeSelect
            value={model}
            onChange={(e) => setModel(e.target.value)}
            groups={[{ label: "—", options: [{ value: "", label: t("assistants.model.default") }] }, ...groups]}
          />
        </Field>
        <Field label={t("assistants.systemPrompt")}>
          <Textarea rows={5} value={systemPrompt} onChange={(e) => setSystemPrompt(e.target.value)} />
        </Field>
        <Field label={t("assistants.opening")} hint={t("assistants.opening.hint")}>
          <Textarea rows={2} value={opening} onChange={(e) => setOpening(e.target.value)} />
        </Field>
        <Field label={t("assistants.temperature")} hint={t("assistants.temperature.hint")} error={temperatureError}>
          <Input inputMode="decimal" value={temperature} onChange={(e) => setTemperature(e.target.value)} />
        </Field>
        <AssistantToolsFields
          model={chosenInfo}
          value={playground}
          onChange={(next) => {
            setPlayground(next);
            setError(null);
          }}
        />
      </form>
    </Dialog>
  );
}
