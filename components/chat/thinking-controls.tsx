"use client";

import { useId } from "react";
import { BrainIcon, GaugeIcon } from "@/components/ui/icons";
import type { ChatSettings } from "@/lib/chat/contract";
import { supportedSettings } from "@/lib/chat/reconcile";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";
import { ComposerSwitch } from "./composer-switch";

// The model's own thinking control, on the composer next to Web search because it is what people
// change per question: the on/off switch and the effort level. The token budget, a number, stays in
// the settings panel. A model without either shows nothing here.

/**
 * The composer's "Thinking" switch, for models whose thinking can be turned off (SiliconFlow
 * `enable_thinking`, GLM `thinking.type`; lib/chat/server/call-settings.ts sends it). Unset means on, as the
 * providers document (upstream-contract.md: enable_thinking default true).
 */
export function ThinkingSwitch({
  model,
  settings,
  onChange,
}: {
  model: ModelInfo;
  settings: ChatSettings;
  onChange: (settings: ChatSettings) => void;
}) {
  const t = useT();
  if (!supportedSettings(model).thinking) return null;
  const on = settings.thinking !== false;
  return (
    <ComposerSwitch
      on={on}
      icon={<BrainIcon size={15} />}
      label={t("chat.settings.thinking")}
      hint={t("chat.settings.thinkingHint")}
      testId="thinking-switch"
      onClick={() => onChange({ ...settings, thinking: !on })}
    />
  );
}

const EFFORT_LABELS: Record<string, MessageKey> = {
  high: "chat.settings.effort.high",
  max: "chat.settings.effort.max",
};

/**
 * `reasoning_effort` on the composer, beside the Thinking switch, for models that take a level
 * (DeepSeek-V4, GLM-5.x): the model's levels, or its own default when none is chosen. A native
 * <select> keeps the phone's own picker; it is disabled while a switchable model's thinking is off.
 */
export function EffortPicker({
  model,
  settings,
  onChange,
}: {
  model: ModelInfo;
  settings: ChatSettings;
  onChange: (settings: ChatSettings) => void;
}) {
  const t = useT();
  const id = useId();
  const control = model.thinking;
  if (control?.kind !== "effort") return null;
  const label = (level: string) => (EFFORT_LABELS[level] ? t(EFFORT_LABELS[level]) : level);
  const disabled = settings.thinking === false;
  return (
    <span
      className={`relative flex items-center gap-1 rounded-lg px-2 py-1.5 text-sm text-zinc-600 focus-within:ring-2 focus-within:ring-violet-500 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 ${
        disabled ? "opacity-60" : ""
      }`}
    >
      <GaugeIcon size={15} />
      <select
        aria-label={t("chat.settings.reasoningEffort")}
        aria-describedby={`${id}-hint`}
        data-testid="effort-picker"
        value={settings.reasoningEffort ?? ""}
        disabled={disabled}
        onChange={(e) => {
          const next: ChatSettings = { ...settings, reasoningEffort: e.target.value || undefined };
          if (!e.target.value) delete next.reasoningEffort;
          onChange(next);
        }}
        className="max-w-40 cursor-pointer appearance-none bg-transparent pr-1 outline-none disabled:cursor-not-allowed"
      >
        <option value="">{t("chat.settings.reasoningEffortDefault", { level: label(control.default) })}</option>
        {control.levels.map((level) => (
          <option key={level} value={level}>
            {label(level)}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} hidden>
        {t("chat.settings.help.reasoningEffort")}
      </span>
    </span>
  );
}
