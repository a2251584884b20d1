"use client";

import { useT } from "@/lib/i18n/client";
import { hintClass } from "./styles";

/** True when the script marks its speakers' turns ([S1] / [S2]), as MOSS-TTSD reads them. */
export function hasTurns(text: string): boolean {
  return /\[S[12]\]/.test(text);
}

/**
 * For two-speaker dialogue models: how to write the turns, and a template to start from when the
 * text box is empty.
 */
export function DialogueHelper({ text, onInsert }: { text: string; onInsert: (script: string) => void }) {
  const t = useT();
  return (
    <div data-testid="dialogue-helper" className="space-y-1 rounded-xl bg-violet-50 p-3 dark:bg-violet-950/40">
      <p className="text-sm font-medium">{t("speech.dialogue.title")}</p>
      <p className={hintClass}>{t("speech.dialogue.hint")}</p>
      {text.trim() === "" && (
        <button
          type="button"
          onClick={() => onInsert(t("speech.dialogue.template"))}
          className="rounded-lg px-2 py-1 text-xs font-medium text-violet-700 hover:bg-violet-100 dark:text-violet-300 dark:hover:bg-violet-900"
        >
          {t("speech.dialogue.insert")}
        </button>
      )}
    </div>
  );
}
