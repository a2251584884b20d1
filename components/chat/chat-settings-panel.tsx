"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CloseIcon } from "@/components/ui/icons";
import { Textarea } from "@/components/ui/input";
import { SliderField } from "@/components/ui/slider";
import { NUMBER_FIELDS, type NumberField, type SettingField, withinBounds } from "@/lib/chat/bounds";
import { modelInfo } from "@/lib/chat/client/models";
import { numberSetting } from "@/lib/chat/client/setting-defaults";
import type { ChatModelRef, ChatSettings } from "@/lib/chat/contract";
import {
  reconcileSettings,
  type SettingChange,
  supportedSettings,
  validateSettings,
  withClamped,
} from "@/lib/chat/reconcile";
import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { useModels } from "@/lib/providers/client/models";
import { PlaygroundSettingsSection } from "./playground/playground-settings";

type TextField = "systemPrompt" | "stop";
type Numbers = Record<NumberField, number | null>;

const isNumberField = (field: string): field is NumberField => (NUMBER_FIELDS as readonly string[]).includes(field);

function toText(settings: ChatSettings): Record<TextField, string> {
  return { systemPrompt: settings.systemPrompt ?? "", stop: (settings.stop ?? []).join("\n") };
}

function toNumbers(settings: ChatSettings): Numbers {
  const out = {} as Numbers;
  for (const field of NUMBER_FIELDS) out[field] = settings[field] ?? null;
  return out;
}

function parseText(field: TextField, raw: string): string | string[] | undefined {
  if (field === "systemPrompt") return raw.trim() ? raw : undefined;
  const lines = raw.split("\n").filter((l) => l.length > 0);
  return lines.length ? lines : undefined;
}

/**
 * Per-conversation settings. Each valid change applies at once; a value the model would refuse
 * stays in the field with the reason under it and is never sent (lib/chat/reconcile.ts is the same
 * check the server runs). A number is a slider and a field showing the model's range and its
 * provider's default (lib/chat/client/setting-defaults.ts); empty, or "Use the default", leaves it unset.
 */
export function ChatSettingsPanel({
  model,
  settings,
  onChange,
  onClose,
  onAdjusted,
  panelId,
}: {
  model: ChatModelRef;
  settings: ChatSettings;
  onChange: (settings: ChatSettings) => void;
  onClose: () => void;
  /** Values typed out of range were clamped to the model's range (on leaving the field, or on Done). */
  onAdjusted: (changes: SettingChange[]) => void;
  panelId: string;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const models = useModels("chat").models;
  const info = modelInfo(models, model);
  const supported = supportedSettings(info);
  const [text, setText] = useState(() => toText(settings));
  const [numbers, setNumbers] = useState(() => toNumbers(settings));
  const [local, setLocal] = useState<Partial<Record<SettingField, string>>>({});
  // Stored settings arrive back through a live query a moment after each write; quick successive
  // edits build on the newest value, not on the prop of the last render.
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  }, [settings]);
  const apply = (next: ChatSettings) => {
    latest.current = next;
    onChange(next);
  };
  // Typed values the number field clamped when it lost focus: reported with the panel's other
  // adjustments when it closes, so the notice lists every value that was changed.
  const clampedOnBlur = useRef<SettingChange[]>([]);

  // Stored problems (a value the newly picked model does not take) show at their field too.
  const stored: Partial<Record<SettingField, string>> = {};
  for (const issue of validateSettings(info, settings))
    stored[issue.field] ??= t(issue.message.key, issue.message.vars);

  const fieldRefs = useRef<Partial<Record<SettingField, HTMLElement | null>>>({});
  /**
   * Done (or Escape): a value still refused at its field is never left behind silently. A number out
   * of the model's range is clamped to it and reported; anything that cannot be fitted keeps the
   * panel open with the focus on that field.
   */
  const finish = () => {
    const candidate: ChatSettings = { ...latest.current };
    for (const [name, error] of Object.entries(local) as [SettingField, string | undefined][]) {
      if (!error) continue;
      const value = isNumberField(name)
        ? (numbers[name] ?? undefined)
        : name === "systemPrompt" || name === "stop"
          ? parseText(name, text[name])
          : undefined;
      (candidate as Record<string, unknown>)[name] = value;
    }
    const { clamped, blocked } = reconcileSettings(info, candidate);
    const stuck = blocked.find((b) => b.field !== "thinking" && b.field !== "reasoningEffort");
    if (stuck) {
      fieldRefs.current[stuck.field]?.focus();
      return;
    }
    if (clamped.length > 0) apply(withClamped(candidate, clamped) as ChatSettings);
    const changes = [...clampedOnBlur.current, ...clamped];
    clampedOnBlur.current = [];
    if (changes.length > 0) onAdjusted(changes);
    onClose();
  };
  const finishRef = useRef(finish);
  finishRef.current = finish;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) finishRef.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  /** Validates one field's new value; applies it when the model takes it, else shows why at the field. */
  const check = (field: SettingField, value: unknown) => {
    const next: ChatSettings = { ...latest.current, [field]: value };
    if (value === undefined) delete next[field];
    const issue = validateSettings(info, next).find((i) => i.field === field);
    let error: string | undefined;
    if (issue) error = t(issue.message.key, issue.message.vars);
    else if (!withinBounds(field, value)) error = t("chat.settings.invalid");
    else apply(next);
    setLocal((l) => ({ ...l, [field]: error }));
  };
  const updateText = (field: TextField, raw: string) => {
    setText((r) => ({ ...r, [field]: raw }));
    check(field, parseText(field, raw));
  };
  const updateNumber = (field: NumberField, value: number | null) => {
    setNumbers((n) => ({ ...n, [field]: value }));
    check(field, value ?? undefined);
  };

  const number = (name: NumberField, labelKey: MessageKey, disabled = false) =>
    supported[name] && (
      <SliderField
        {...numberSetting(info, name)}
        label={t(labelKey)}
        hint={t(`chat.settings.help.${name}` as MessageKey)}
        value={numbers[name]}
        onValueChange={(value) => updateNumber(name, value)}
        onClamp={(typed, value) => clampedOnBlur.current.push({ field: name, from: typed, to: value })}
        error={local[name] ?? stored[name]}
        disabled={disabled}
        resettable
        inputRef={(el) => {
          fieldRefs.current[name] = el;
        }}
      />
    );

  const thinkingOn = settings.thinking !== false;
  const control = info.thinking;
  return (
    <aside
      id={panelId}
      aria-labelledby={titleId}
      className="flex w-full shrink-0 flex-col border-zinc-200 bg-white max-md:fixed max-md:inset-0 max-md:z-40 md:w-80 md:border-l dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex items-start justify-between gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <div className="min-w-0">
          <h2 id={titleId} className="font-semibold">
            {t("chat.settings.title")}
          </h2>
          <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
            {t("chat.settings.scope", { model: info.id })}
          </p>
        </div>
        <button
          type="button"
          aria-label={t("chat.settings.close")}
          onClick={finish}
          className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          <CloseIcon />
        </button>
      </div>
      <div className="relative min-h-0 flex-1">
        <div className="absolute inset-0 space-y-4 overflow-y-auto px-4 py-4">
          <Field label={t("chat.settings.systemPrompt")} error={local.systemPrompt ?? stored.systemPrompt}>
            <Textarea
              ref={(el) => {
                fieldRefs.current.systemPrompt = el;
              }}
              rows={4}
              value={text.systemPrompt}
              placeholder={t("chat.settings.systemPromptHint")}
              onChange={(e) => updateText("systemPrompt", e.target.value)}
            />
          </Field>
          {number("temperature", "chat.settings.temperature")}
          {number("topP", "chat.settings.topP")}
          {number("topK", "chat.settings.topK")}
          {number("minP", "chat.settings.minP")}
          {number("maxTokens", "chat.settings.maxTokens")}
          {number("frequencyPenalty", "chat.settings.frequencyPenalty")}
          <Field label={t("chat.settings.stop")} hint={t("chat.settings.stopHint")} error={local.stop ?? stored.stop}>
            <Textarea
              ref={(el) => {
                fieldRefs.current.stop = el;
              }}
              rows={2}
              value={text.stop}
              onChange={(e) => updateText("stop", e.target.value)}
            />
          </Field>
          {/* The thinking switch and effort are on the composer; a budget, or a note, is the panel's. */}
          {control.kind === "always" && (
            <p data-testid="thinking-note" className="text-xs text-zinc-500 dark:text-zinc-400">
              {t("chat.settings.alwaysThinks", { model: info.id })}
            </p>
          )}
          {number("thinkingBudget", "chat.settings.thinkingBudget", !thinkingOn)}
          <PlaygroundSettingsSection model={info} />
        </div>
      </div>
      <div className="flex justify-between gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            apply({});
            setText(toText({}));
            setNumbers(toNumbers({}));
            setLocal({});
            clampedOnBlur.current = [];
          }}
        >
          {t("chat.settings.reset")}
        </Button>
        <Button size="sm" onClick={finish}>
          {t("chat.settings.done")}
        </Button>
      </div>
    </aside>
  );
}
