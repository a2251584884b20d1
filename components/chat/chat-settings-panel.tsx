"use client";

import { useEffect, useId, useRef, useState } from "react";
import { CloseIcon } from "@/components/ui/icons";
import { Switch } from "@/components/ui/switch";
import { withinBounds } from "@/lib/chat/bounds";
import { budgetRange, type SettingField, supportedSettings, validateSettings } from "@/lib/chat/limits";
import { reconcileSettings, type SettingChange, withClamped } from "@/lib/chat/reconcile";
import type { ChatModelRef, ChatSettings } from "@/lib/chat/types";
import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { useModels } from "@/lib/providers/client/models";
import { modelInfo } from "@/lib/stores/chat-models";
import { PlaygroundSettingsSection } from "./playground/playground-settings";
import { SettingsField } from "./settings-field";

type TextField = Exclude<SettingField, "thinking" | "reasoningEffort">;
const NUMBER_FIELDS = new Set<SettingField>([
  "temperature",
  "topP",
  "topK",
  "minP",
  "maxTokens",
  "frequencyPenalty",
  "thinkingBudget",
]);

function toRaw(settings: ChatSettings): Record<TextField, string> {
  const n = (v: number | undefined) => (v === undefined ? "" : String(v));
  return {
    systemPrompt: settings.systemPrompt ?? "",
    temperature: n(settings.temperature),
    topP: n(settings.topP),
    topK: n(settings.topK),
    minP: n(settings.minP),
    maxTokens: n(settings.maxTokens),
    frequencyPenalty: n(settings.frequencyPenalty),
    stop: (settings.stop ?? []).join("\n"),
    thinkingBudget: n(settings.thinkingBudget),
  };
}

function parse(field: TextField, raw: string): { value: unknown } | { error: "nan" } {
  if (field === "systemPrompt") return { value: raw.trim() ? raw : undefined };
  if (field === "stop") {
    const lines = raw.split("\n").filter((l) => l.length > 0);
    return { value: lines.length ? lines : undefined };
  }
  if (!raw.trim()) return { value: undefined };
  const n = Number(raw.trim().replace(",", "."));
  return Number.isFinite(n) ? { value: n } : { error: "nan" };
}

/**
 * Per-conversation settings. Each valid change applies at once; a value the model would refuse
 * stays in the field with the reason under it and is never sent (lib/chat/limits.ts is the same
 * check the server runs).
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
  /** Values typed out of range were clamped to the model's range when the panel closed. */
  onAdjusted: (changes: SettingChange[]) => void;
  panelId: string;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const models = useModels("chat").models;
  const info = modelInfo(models, model);
  const supported = supportedSettings(info);
  const [raw, setRaw] = useState(() => toRaw(settings));
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

  // Stored problems (a value the newly picked model does not take) show at their field too.
  const stored: Partial<Record<SettingField, string>> = {};
  for (const issue of validateSettings(info, settings))
    stored[issue.field] ??= t(issue.message.key, issue.message.vars);

  const fieldRefs = useRef<Partial<Record<TextField, HTMLElement | null>>>({});
  /**
   * Done (or Escape): a value still refused at its field is never left behind silently. A number out
   * of the model's range is clamped to it and reported; text that is not a number keeps the panel
   * open with the focus on that field.
   */
  const finish = () => {
    const candidate: ChatSettings = { ...latest.current };
    for (const [name, error] of Object.entries(local) as [TextField, string | undefined][]) {
      if (!error) continue;
      const parsed = parse(name, raw[name]);
      if ("error" in parsed) {
        fieldRefs.current[name]?.focus();
        return;
      }
      (candidate as Record<string, unknown>)[name] = parsed.value;
    }
    const { clamped, blocked } = reconcileSettings(info, candidate);
    const stuck = blocked.find((b) => b.field !== "thinking" && b.field !== "reasoningEffort");
    if (stuck) {
      fieldRefs.current[stuck.field as TextField]?.focus();
      return;
    }
    if (clamped.length > 0) {
      apply(withClamped(candidate, clamped) as ChatSettings);
      onAdjusted(clamped);
    }
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

  const update = (field: TextField, value: string) => {
    setRaw((r) => ({ ...r, [field]: value }));
    const parsed = parse(field, value);
    let error: string | undefined;
    if ("error" in parsed) error = t("chat.settings.notANumber");
    else {
      const next: ChatSettings = { ...latest.current, [field]: parsed.value };
      if (parsed.value === undefined) delete next[field];
      const issue = validateSettings(info, next).find((i) => i.field === field);
      if (issue) error = t(issue.message.key, issue.message.vars);
      else if (!withinBounds(field, parsed.value)) error = t("chat.settings.invalid");
      else apply(next);
    }
    setLocal((l) => ({ ...l, [field]: error }));
  };

  const field = (
    name: TextField,
    labelKey: MessageKey,
    hint?: string,
    extra: Partial<Parameters<typeof SettingsField>[0]> = {},
  ) =>
    supported[name] && (
      <SettingsField
        label={t(labelKey)}
        value={raw[name]}
        onChange={(v) => update(name, v)}
        error={local[name] ?? stored[name]}
        hint={hint}
        placeholder={t("chat.settings.default")}
        inputMode={NUMBER_FIELDS.has(name) ? "decimal" : undefined}
        inputRef={(el) => {
          fieldRefs.current[name] = el;
        }}
        {...extra}
      />
    );

  const thinkingOn = settings.thinking !== false;
  const control = info.thinking;
  const budget = budgetRange(info);
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
          {field("systemPrompt", "chat.settings.systemPrompt", undefined, {
            multiline: true,
            rows: 4,
            placeholder: t("chat.settings.systemPromptHint"),
          })}
          {field("temperature", "chat.settings.temperature", `0 – ${info.temperatureMax}`)}
          {field("topP", "chat.settings.topP", "0 – 1")}
          {field("topK", "chat.settings.topK", "-1 – 100")}
          {field("minP", "chat.settings.minP", "0 – 1")}
          {field("maxTokens", "chat.settings.maxTokens", `1 – ${info.maxTokensCap}`)}
          {field("frequencyPenalty", "chat.settings.frequencyPenalty", "-2 – 2")}
          {field("stop", "chat.settings.stop", t("chat.settings.stopHint"), { multiline: true, rows: 2 })}
          {/* The thinking control is the model's own: a switch, an effort, a budget, or nothing. */}
          {control.kind === "always" && (
            <p data-testid="thinking-note" className="text-xs text-zinc-500 dark:text-zinc-400">
              {t("chat.settings.alwaysThinks", { model: info.id })}
            </p>
          )}
          {supported.thinking && (
            <Switch
              label={t("chat.settings.thinking")}
              description={t("chat.settings.thinkingHint")}
              checked={thinkingOn}
              onChange={(on) => apply({ ...latest.current, thinking: on })}
            />
          )}
          {control.kind === "effort" && (
            <EffortSelect
              levels={control.levels}
              defaultLevel={control.default}
              value={settings.reasoningEffort}
              disabled={!thinkingOn}
              onChange={(level) => {
                const next: ChatSettings = { ...latest.current, reasoningEffort: level };
                if (level === undefined) delete next.reasoningEffort;
                apply(next);
              }}
            />
          )}
          {field("thinkingBudget", "chat.settings.thinkingBudget", `${budget.min} – ${budget.max}`, {
            disabled: !thinkingOn,
          })}
          <PlaygroundSettingsSection model={info} />
        </div>
      </div>
      <div className="flex justify-between gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <button
          type="button"
          onClick={() => {
            apply({});
            setRaw(toRaw({}));
            setLocal({});
          }}
          className="rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          {t("chat.settings.reset")}
        </button>
        <button
          type="button"
          onClick={finish}
          className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-700"
        >
          {t("chat.settings.done")}
        </button>
      </div>
    </aside>
  );
}

const EFFORT_LABELS: Record<string, MessageKey> = {
  high: "chat.settings.effort.high",
  max: "chat.settings.effort.max",
};

/** `reasoning_effort`: the model's levels, or its own default when none is chosen. */
function EffortSelect({
  levels,
  defaultLevel,
  value,
  disabled,
  onChange,
}: {
  levels: readonly string[];
  defaultLevel: string;
  value: string | undefined;
  disabled: boolean;
  onChange: (level: string | undefined) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const label = (level: string) => (EFFORT_LABELS[level] ? t(EFFORT_LABELS[level]) : level);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {t("chat.settings.reasoningEffort")}
      </label>
      <select
        id={id}
        value={value ?? ""}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value || undefined)}
        className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="">{t("chat.settings.reasoningEffortDefault", { level: label(defaultLevel) })}</option>
        {levels.map((level) => (
          <option key={level} value={level}>
            {label(level)}
          </option>
        ))}
      </select>
    </div>
  );
}
