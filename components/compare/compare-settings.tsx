"use client";

import { Disclosure } from "@/components/ui/disclosure";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { NumberField } from "@/components/ui/number-field";
import { NUMBER_BOUNDS, SYSTEM_PROMPT_MAX } from "@/lib/chat/bounds";
import type { SharedSettings } from "@/lib/compare/client/db";
import { useT } from "@/lib/i18n/client";

/**
 * The system prompt and sampling settings every column of a comparison shares, so the models answer
 * the same request. A model whose range is narrower (GLM's temperature ends at 1) gets the value
 * fitted to it when each column's request is made (lib/chat/reconcile.ts).
 */
export function CompareSettings({
  value,
  onChange,
  disabled,
}: {
  value: SharedSettings;
  onChange: (next: SharedSettings) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const active =
    Boolean(value.systemPrompt?.trim()) || value.temperature !== undefined || value.maxTokens !== undefined;
  return (
    <Disclosure
      summary={active ? `${t("compare.settings")} · ${t("compare.settings.active")}` : t("compare.settings")}
      className="border-b border-zinc-200 px-3 py-2 dark:border-zinc-800"
    >
      <div className="grid gap-3 md:grid-cols-[1fr_10rem_10rem]">
        <Field label={t("chat.settings.systemPrompt")} hint={t("compare.settings.hint")} disabled={disabled}>
          <Textarea
            rows={2}
            maxLength={SYSTEM_PROMPT_MAX}
            value={value.systemPrompt ?? ""}
            onChange={(e) => onChange({ ...value, systemPrompt: e.target.value || undefined })}
          />
        </Field>
        <Field label={t("chat.settings.temperature")} disabled={disabled}>
          <NumberField
            value={value.temperature ?? null}
            min={NUMBER_BOUNDS.temperature.min}
            max={NUMBER_BOUNDS.temperature.max}
            step={0.1}
            onValueChange={(n) => onChange({ ...value, temperature: n ?? undefined })}
          />
        </Field>
        <Field label={t("chat.settings.maxTokens")} disabled={disabled}>
          <NumberField
            value={value.maxTokens ?? null}
            min={NUMBER_BOUNDS.maxTokens.min}
            max={NUMBER_BOUNDS.maxTokens.max}
            onValueChange={(n) => onChange({ ...value, maxTokens: n === null ? undefined : Math.round(n) })}
          />
        </Field>
      </div>
    </Disclosure>
  );
}
