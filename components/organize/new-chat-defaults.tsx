"use client";

import { useEffect, useId, useRef, useState } from "react";
import { SettingsField } from "@/components/chat/settings-field";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { withinBounds } from "@/lib/chat/bounds";
import { modelInfo } from "@/lib/chat/client/models";
import type { ChatSettings } from "@/lib/chat/contract";
import { reconcileSettings, withClamped } from "@/lib/chat/reconcile";
import { useI18n } from "@/lib/i18n/client";
import { selectDefaultsLoaded, selectNewChatDefaults, useNewChatDefaults } from "@/lib/organize/client/defaults-store";
import type { NewChatDefaults } from "@/lib/organize/new-chat-defaults";
import { loadModels, useModels } from "@/lib/providers/client/models";

type Name = "systemPrompt" | "temperature" | "maxTokens";
const FIELDS: readonly Name[] = ["systemPrompt", "temperature", "maxTokens"];
const modelKey = (m: { provider: string; id: string } | undefined) => (m ? `${m.provider}:${m.id}` : "");

function rawOf(d: NewChatDefaults): Record<Name, string> {
  return {
    systemPrompt: d.systemPrompt ?? "",
    temperature: d.temperature === undefined ? "" : String(d.temperature),
    maxTokens: d.maxTokens === undefined ? "" : String(d.maxTokens),
  };
}

/**
 * Settings → New chat defaults: the model, system prompt, temperature and max tokens a plain new chat
 * starts with. Checked like the chat settings panel: text that is not a number, or a value outside
 * every model's bounds, stays at its field with the reason; a value outside the chosen model's range
 * is clamped to it on save and the form says so.
 */
export function NewChatDefaultsSection() {
  const { t } = useI18n();
  const formId = useId();
  const models = useModels("chat").models;
  const loaded = useNewChatDefaults(selectDefaultsLoaded);
  const stored = useNewChatDefaults(selectNewChatDefaults);
  const [model, setModel] = useState("");
  const [raw, setRaw] = useState<Record<Name, string>>(() => rawOf({}));
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  const [status, setStatus] = useState("");
  const refs = useRef<Partial<Record<Name, HTMLElement | null>>>({});

  useEffect(() => {
    useNewChatDefaults.getState().load();
    void loadModels("chat");
  }, []);
  useEffect(() => {
    if (!loaded) return;
    setModel(modelKey(stored.model));
    setRaw(rawOf(stored));
  }, [loaded, stored]);

  const chosen = models.find((m) => modelKey(m) === model) ?? (model ? stored.model : undefined);

  const check = (values: Record<Name, string>) => {
    const settings: ChatSettings = {};
    const found: Partial<Record<Name, string>> = {};
    for (const field of FIELDS) {
      const text = values[field];
      if (!text.trim()) continue;
      if (field === "systemPrompt") {
        settings.systemPrompt = text;
        if (!withinBounds(field, text)) found[field] = t("chat.settings.invalid");
        continue;
      }
      const n = Number(text.trim().replace(",", "."));
      if (!Number.isFinite(n)) found[field] = t("chat.settings.notANumber");
      else if (!withinBounds(field, n)) found[field] = t("chat.settings.invalid");
      else settings[field] = n;
    }
    return { settings, found };
  };

  const update = (field: Name, value: string) => {
    const next = { ...raw, [field]: value };
    setRaw(next);
    setStatus("");
    const { found } = check(next);
    setErrors((e) => ({ ...e, [field]: found[field] }));
  };

  const save = () => {
    const { settings, found } = check(raw);
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      refs.current[first]?.focus();
      setStatus("");
      return;
    }
    let fitted = settings;
    let clamped = false;
    if (chosen) {
      const r = reconcileSettings(modelInfo(models, chosen), settings);
      if (r.clamped.length > 0) {
        fitted = withClamped(settings, r.clamped) as ChatSettings;
        clamped = true;
      }
    }
    const next: NewChatDefaults = { ...fitted, ...(chosen ? { model: chosen } : {}) };
    useNewChatDefaults.getState().save(next);
    setRaw(rawOf(next));
    setStatus(clamped ? t("defaults.savedClamped", { model: chosen?.id ?? "" }) : t("defaults.saved"));
  };

  const clear = () => {
    useNewChatDefaults.getState().save({});
    setModel("");
    setRaw(rawOf({}));
    setErrors({});
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

  const field = (name: Name, label: string, hint?: string, multiline = false) => (
    <SettingsField
      label={label}
      value={raw[name]}
      onChange={(v) => update(name, v)}
      error={errors[name]}
      hint={hint}
      multiline={multiline}
      rows={3}
      disabled={!loaded}
      placeholder={t("chat.settings.default")}
      inputMode={name === "systemPrompt" ? undefined : "decimal"}
      inputRef={(el) => {
        refs.current[name] = el;
      }}
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
      <div className="max-w-xl space-y-3">
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
        {field("systemPrompt", t("chat.settings.systemPrompt"), undefined, true)}
        {field("temperature", t("chat.settings.temperature"), "0 – 2")}
        {field("maxTokens", t("chat.settings.maxTokens"), "1 – 32768")}
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
