"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { SliderField } from "@/components/ui/slider";
import { withinBounds } from "@/lib/chat/bounds";
import { modelInfo } from "@/lib/chat/client/models";
import { anyModelSetting, numberSetting } from "@/lib/chat/client/setting-defaults";
import type { ChatSettings } from "@/lib/chat/contract";
import { reconcileSettings, withClamped } from "@/lib/chat/reconcile";
import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { selectDefaultsLoaded, selectNewChatDefaults, useNewChatDefaults } from "@/lib/organize/client/defaults-store";
import type { NewChatDefaults } from "@/lib/organize/new-chat-defaults";
import { loadModels, useModels } from "@/lib/providers/client/models";

type NumberName = "temperature" | "maxTokens";
type Numbers = Record<NumberName, number | null>;
const modelKey = (m: { provider: string; id: string } | undefined) => (m ? `${m.provider}:${m.id}` : "");
const numbersOf = (d: NewChatDefaults): Numbers => ({
  temperature: d.temperature ?? null,
  maxTokens: d.maxTokens ?? null,
});

/**
 * Settings → New chat defaults: the model, system prompt, temperature and max tokens a plain new chat
 * starts with. The numbers use the chat settings panel's slider fields, with the chosen model's range
 * and default (letters cannot be typed; a value out of range is clamped when the field is left, and
 * the field says so). Changing the model afterwards clamps the saved values to the new model's range
 * on save, and the form says so.
 */
export function NewChatDefaultsSection() {
  const { t } = useI18n();
  const formId = useId();
  const models = useModels("chat").models;
  const loaded = useNewChatDefaults(selectDefaultsLoaded);
  const stored = useNewChatDefaults(selectNewChatDefaults);
  const [model, setModel] = useState("");
  const [prompt, setPrompt] = useState("");
  const [numbers, setNumbers] = useState<Numbers>(() => numbersOf({}));
  const [promptError, setPromptError] = useState("");
  const [status, setStatus] = useState("");
  const promptRef = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    useNewChatDefaults.getState().load();
    void loadModels("chat");
  }, []);
  useEffect(() => {
    if (!loaded) return;
    setModel(modelKey(stored.model));
    setPrompt(stored.systemPrompt ?? "");
    setNumbers(numbersOf(stored));
  }, [loaded, stored]);

  const chosen = models.find((m) => modelKey(m) === model) ?? (model ? stored.model : undefined);
  const info = chosen ? modelInfo(models, chosen) : undefined;

  const changePrompt = (text: string) => {
    setPrompt(text);
    setStatus("");
    setPromptError(withinBounds("systemPrompt", text) ? "" : t("chat.settings.invalid"));
  };
  const changeNumber = (name: NumberName, value: number | null) => {
    setNumbers((n) => ({ ...n, [name]: value }));
    setStatus("");
  };

  const save = () => {
    if (!withinBounds("systemPrompt", prompt)) {
      setPromptError(t("chat.settings.invalid"));
      promptRef.current?.focus();
      setStatus("");
      return;
    }
    const settings: ChatSettings = {};
    if (prompt.trim()) settings.systemPrompt = prompt;
    for (const name of ["temperature", "maxTokens"] as const) {
      const value = numbers[name];
      // The fields clamp to the shown range on blur; the absolute bounds are the stored form's rule.
      if (value !== null && withinBounds(name, value)) settings[name] = value;
    }
    let fitted = settings;
    let clamped = false;
    if (info) {
      const r = reconcileSettings(info, settings);
      if (r.clamped.length > 0) {
        fitted = withClamped(settings, r.clamped) as ChatSettings;
        clamped = true;
      }
    }
    const next: NewChatDefaults = { ...fitted, ...(chosen ? { model: chosen } : {}) };
    useNewChatDefaults.getState().save(next);
    setNumbers(numbersOf(next));
    setStatus(clamped ? t("defaults.savedClamped", { model: chosen?.id ?? "" }) : t("defaults.saved"));
  };

  const clear = () => {
    useNewChatDefaults.getState().save({});
    setModel("");
    setPrompt("");
    setNumbers(numbersOf({}));
    setPromptError("");
    setStatus(t("defaults.cleared"));
  };

  const groups = (["siliconflow", "glm"] as const)
    .map((provider) => ({
      label: t(`chat.provider.${provider}`),
      options: models.filter((m) => m.provider === provider).map((m) => ({ value: modelKey(m), label: m.id })),
    }))
    .filter((g) => g.options.length > 0);
  if (model && !models.some((m) => modelKey(m) === model))
    groups.push({ label: "· ", options: [{ value: model, label: model.split(":").slice(1).join(":") }] });

  const number = (name: NumberName) => (
    <SliderField
      {...(info ? numberSetting(info, name) : anyModelSetting(name))}
      label={t(`chat.settings.${name}` as MessageKey)}
      hint={t(`chat.settings.help.${name}` as MessageKey)}
      value={numbers[name]}
      onValueChange={(value) => changeNumber(name, value)}
      disabled={!loaded}
      resettable
    />
  );

  return (
    <section aria-labelledby={`${formId}-heading`} className="space-y-3" data-testid="new-chat-defaults">
      <div>
        <h2 id={`${formId}-heading`} className="text-lg font-semibold">
          {t("defaults.heading")}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("defaults.intro")}</p>
      </div>
      <div className="max-w-xl space-y-4">
        <Field label={t("defaults.model")}>
          <NativeSelect
            value={model}
            disabled={!loaded}
            onChange={(e) => {
              setModel(e.target.value);
              setStatus("");
            }}
            groups={[{ label: "—", options: [{ value: "", label: t("defaults.model.last") }] }, ...groups]}
          />
        </Field>
        <Field label={t("chat.settings.systemPrompt")} error={promptError || undefined} disabled={!loaded}>
          <Textarea ref={promptRef} rows={3} value={prompt} onChange={(e) => changePrompt(e.target.value)} />
        </Field>
        {number("temperature")}
        {number("maxTokens")}
        <div className="flex items-center gap-2">
          <Button onClick={save} disabled={!loaded}>
            {t("defaults.save")}
          </Button>
          <Button variant="secondary" onClick={clear} disabled={!loaded}>
            {t("defaults.clear")}
          </Button>
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            {status}
          </p>
        </div>
      </div>
    </section>
  );
}
