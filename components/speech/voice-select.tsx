"use client";

import { useEffect } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import {
  DIALOGUE_VOICE,
  isCustomVoice,
  isDialogueModel,
  presetOf,
  presetVoiceId,
  VOICE_PRESETS,
} from "@/lib/speech/bounds";
import { selectVoiceNames, useSpeechPrefs } from "@/lib/speech/client/prefs";
import { selectVoices, useVoices } from "@/lib/speech/client/voices-store";
import { inputClass } from "./styles";

/** The 8 presets of `model` and the user's uploaded voices for it, as one select. */
export function VoiceSelect({
  id,
  model,
  value,
  onChange,
  describedBy,
  disabled,
}: {
  id: string;
  model: string;
  value: string;
  onChange: (voice: string, model: string) => void;
  describedBy?: string;
  disabled?: boolean;
}) {
  const t = useT();
  const voices = useVoices(selectVoices);
  const names = useSpeechPrefs(selectVoiceNames);
  const { load } = useVoices.getState();
  useEffect(() => {
    void load();
  }, [load]);
  // A voice uploaded for another model still appears: using it switches the model to its own.
  const custom = voices ?? [];
  const known = !isCustomVoice(value) || custom.some((v) => v.uri === value);
  return (
    <select
      id={id}
      className={inputClass}
      value={value}
      aria-describedby={describedBy}
      disabled={disabled}
      onChange={(e) => {
        const next = e.target.value;
        const owner = custom.find((v) => v.uri === next)?.model;
        onChange(next, owner || model);
      }}
    >
      {isDialogueModel(model) && <option value={DIALOGUE_VOICE}>{t("speech.voice.dialogue")}</option>}
      <optgroup label={t("speech.voice.presets")}>
        {VOICE_PRESETS.map((p) => (
          <option key={p} value={presetVoiceId(model, p)}>
            {t(`speech.preset.${p}` as MessageKey)}
          </option>
        ))}
      </optgroup>
      {custom.length > 0 && !isDialogueModel(model) && (
        <optgroup label={t("speech.voice.custom")}>
          {custom.map((v) => (
            <option key={v.uri} value={v.uri}>
              {names[v.uri] ?? v.customName}
            </option>
          ))}
        </optgroup>
      )}
      {!known && <option value={value}>{value.split(":")[1] ?? value}</option>}
    </select>
  );
}

/** A short human name for a stored voice id. */
export function useVoiceLabel(): (voice: string) => string {
  const t = useT();
  const voices = useVoices(selectVoices);
  const names = useSpeechPrefs(selectVoiceNames);
  return (voice) => {
    if (voice === DIALOGUE_VOICE) return t("speech.voice.dialogue");
    const preset = presetOf(voice);
    if (preset) return t(`speech.preset.${preset}` as MessageKey);
    return names[voice] ?? voices?.find((v) => v.uri === voice)?.customName ?? voice.split(":")[1] ?? voice;
  };
}
