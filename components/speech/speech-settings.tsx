"use client";

import { useId } from "react";
import { useT } from "@/lib/i18n/client";
import { selectReadAloudVoice, useSpeechPrefs, useSpeechPrefsHydration } from "@/lib/speech/client/prefs";
import { selectVoicesError, useVoices } from "@/lib/speech/client/voices-store";
import { hintClass, labelClass } from "./styles";
import { VoiceSelect } from "./voice-select";

/** The Settings section for speech: the voice that Read aloud uses in chat. */
export function SpeechSettings() {
  const t = useT();
  const id = useId();
  const hint = useId();
  const hydrated = useSpeechPrefsHydration();
  const readAloud = useSpeechPrefs(selectReadAloudVoice);
  const error = useVoices(selectVoicesError);
  // Actions never change: taken from the store, not subscribed to.
  const { setReadAloud } = useSpeechPrefs.getState();
  return (
    <section aria-labelledby="speech-settings-heading" className="space-y-2" data-testid="speech-settings">
      <h2 id="speech-settings-heading" className="text-lg font-semibold">
        {t("speech.settings.heading")}
      </h2>
      <div className="max-w-sm space-y-1">
        <label htmlFor={id} className={labelClass}>
          {t("speech.settings.defaultVoice")}
        </label>
        <VoiceSelect
          id={id}
          model={readAloud.model}
          value={readAloud.voice}
          describedBy={hint}
          disabled={!hydrated}
          onChange={(voice, model) => setReadAloud({ voice, model })}
        />
        <p id={hint} className={hintClass}>
          {t("speech.settings.defaultVoiceHint")}
          {error && ` ${t("speech.settings.voicesUnavailable")}`}
        </p>
      </div>
    </section>
  );
}
