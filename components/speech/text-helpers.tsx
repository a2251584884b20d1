"use client";

import { type RefObject, useId } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import {
  type Edit,
  INSTRUCTION_PRESETS,
  type InstructionPreset,
  insertTag,
  isInstructionPreset,
  POINT_TAGS,
  SPAN_TAGS,
  splitInstruction,
  wrapTag,
} from "@/lib/speech/text";
import { hintClass, inputClass } from "./styles";

const PRESET_KEYS = Object.keys(INSTRUCTION_PRESETS) as InstructionPreset[];

/**
 * CosyVoice2 helpers under the Text field: a style (kept beside the text as a chip, joined to it
 * only in the request) and control tags at the caret.
 */
export function TextHelpers({
  text,
  onChange,
  style,
  onStyle,
  textarea,
}: {
  text: string;
  onChange: (text: string) => void;
  style: InstructionPreset | null;
  onStyle: (style: InstructionPreset | null) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useT();
  const id = useId();
  // An instruction typed by hand before <|endofprompt|> is sent as typed; the select says so.
  const typed = splitInstruction(text).instruction.trim();
  const selectValue = style ?? (typed ? "custom" : "");

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
        <label htmlFor={id} className="shrink-0 whitespace-nowrap text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {t("speech.instruction.label")}
        </label>
        <select
          id={id}
          className={`${inputClass} w-auto py-1 text-xs`}
          value={selectValue}
          onChange={(e) => onStyle(isInstructionPreset(e.target.value) ? e.target.value : null)}
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
        {style && (
          <span
            data-testid="speech-style"
            className="inline-flex items-center gap-1 rounded-full bg-violet-100 py-0.5 pr-1 pl-2 text-xs font-medium text-violet-900 dark:bg-violet-900/50 dark:text-violet-100"
          >
            {t("speech.style.chip", { style: t(`speech.instruction.${style}` as MessageKey) })}
            <button
              type="button"
              aria-label={t("speech.style.remove")}
              title={t("speech.style.remove")}
              onClick={() => onStyle(null)}
              className="rounded-full px-1 leading-none hover:bg-violet-200 dark:hover:bg-violet-800"
            >
              ×
            </button>
          </span>
        )}
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
