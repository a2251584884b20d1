"use client";

import { type RefObject, useId } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import {
  type Edit,
  INSTRUCTION_PRESETS,
  type InstructionPreset,
  insertTag,
  POINT_TAGS,
  SPAN_TAGS,
  splitInstruction,
  withInstruction,
  wrapTag,
} from "@/lib/speech/text";
import { hintClass, inputClass } from "./styles";

const PRESET_KEYS = Object.keys(INSTRUCTION_PRESETS) as InstructionPreset[];

/** CosyVoice2 helpers under the Text field: a style instruction prefix and control tags at the caret. */
export function TextHelpers({
  text,
  onChange,
  textarea,
}: {
  text: string;
  onChange: (text: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useT();
  const id = useId();
  const { instruction } = splitInstruction(text);
  const preset = PRESET_KEYS.find((k) => INSTRUCTION_PRESETS[k] === instruction.trim());
  const selectValue = preset ?? (instruction.trim() ? "custom" : "");

  const apply = (edit: (text: string, start: number, end: number) => Edit) => {
    const el = textarea.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = edit(text, start, end);
    onChange(next.text);
    // Put the caret back after React writes the new value.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.selectionStart, next.selectionEnd);
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {t("speech.instruction.label")}
        </label>
        <select
          id={id}
          className={`${inputClass} w-auto py-1 text-xs`}
          value={selectValue}
          onChange={(e) => {
            const key = e.target.value as InstructionPreset | "";
            onChange(withInstruction(text, key ? INSTRUCTION_PRESETS[key] : ""));
          }}
        >
          <option value="">{t("speech.instruction.none")}</option>
          {PRESET_KEYS.map((k) => (
            <option key={k} value={k}>
              {t(`speech.instruction.${k}` as MessageKey)}
            </option>
          ))}
          {selectValue === "custom" && (
            <option value="custom" disabled>
              {t("speech.instruction.custom")}
            </option>
          )}
        </select>
      </div>
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="sr-only">{t("speech.tags.legend")}</legend>
        {POINT_TAGS.map((tag) => (
          <button
            key={tag}
            type="button"
            className="rounded border border-zinc-300 px-1.5 py-0.5 font-mono text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            aria-label={t("speech.tags.insert", { tag })}
            title={t("speech.tags.insert", { tag })}
            onClick={() => apply((s, a, b) => insertTag(s, a, b, tag))}
          >
            {tag}
          </button>
        ))}
        {SPAN_TAGS.map((name) => (
          <button
            key={name}
            type="button"
            className="rounded border border-zinc-300 px-1.5 py-0.5 font-mono text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            aria-label={t("speech.tags.wrap", { tag: `<${name}>` })}
            title={t("speech.tags.wrap", { tag: `<${name}>` })}
            onClick={() => apply((s, a, b) => wrapTag(s, a, b, name))}
          >
            {`<${name}>`}
          </button>
        ))}
      </fieldset>
      <p className={`${hintClass} basis-full`}>{t("speech.instruction.hint")}</p>
    </div>
  );
}
