"use client";

import { StudioLayout } from "@/components/ui/studio-layout";
import { useT } from "@/lib/i18n/client";
import { useSpeechPrefsHydration } from "@/lib/speech/client/prefs";
import { CustomVoices } from "./custom-voices";
import { useSpeechFormSlots } from "./speech-form";
import { SpeechResults } from "./speech-results";

/**
 * /speech in the studio layout: the settings card (text, model and voice, options, then the custom
 * voices and their upload), Generate speech kept in view, and the clips (kept in IndexedDB) beside it.
 */
export function SpeechStudio() {
  const t = useT();
  useSpeechPrefsHydration();
  const { form, action, actionNote } = useSpeechFormSlots();
  return (
    <StudioLayout
      title={t("speech.title")}
      description={t("speech.subtitle")}
      form={
        <>
          {form}
          <CustomVoices />
        </>
      }
      action={action}
      actionNote={actionNote}
      results={<SpeechResults />}
      resultsLabel={t("speech.results.heading")}
    />
  );
}
