"use client";

import { Field } from "@/components/ui/field";
import { BrainIcon } from "@/components/ui/icons";
import { NativeSelect } from "@/components/ui/native-select";
import type { ChatSettings } from "@/lib/chat/contract";
import { supportedSettings } from "@/lib/chat/reconcile";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";
import { ComposerSwitch } from "./composer-switch";

// The model's own thinking control. The on/off switch sits on the composer, next to Web search,
// because it is the setting people change per question; the effort level and the budget stay in
// the settings panel. A model without a switch shows nothing here.

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

/** `reasoning_effort`: the model's levels, or its own default when none is chosen. */
export function EffortSelect({
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
  const t = useT();
  const label = (level: string) => (EFFORT_LABELS[level] ? t(EFFORT_LABELS[level]) : level);
  return (
    <Field
      label={t("chat.settings.reasoningEffort")}
      hint={t("chat.settings.help.reasoningEffort")}
      disabled={disabled}
    >
      <NativeSelect
        value={value ?? ""}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value || undefined)}
        options={[
          { value: "", label: t("chat.settings.reasoningEffortDefault", { level: label(defaultLevel) }) },
          ...levels.map((level) => ({ value: level, label: label(level) })),
        ]}
      />
    </Field>
  );
}
