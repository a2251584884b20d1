"use client";

import { useT } from "@/lib/i18n/client";
import { useSpeechPrefsHydration } from "@/lib/speech/prefs";
import { CustomVoices } from "./custom-voices";
import { SpeechForm } from "./speech-form";
import { SpeechResults } from "./speech-results";

/** /speech: the form and custom voices on the left, generated clips (kept in IndexedDB) on the right. */
export function SpeechStudio() {
  const t = useT();
  useSpeechPrefsHydration();
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-8 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="space-y-8">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("speech.title")}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("speech.subtitle")}</p>
        </div>
        <SpeechForm />
        <CustomVoices />
      </div>
      <SpeechResults />
    </div>
  );
}
