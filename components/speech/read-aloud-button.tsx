"use client";

import { useEffect, useId } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useT } from "@/lib/i18n/client";
import { useSpeechPrefsHydration } from "@/lib/speech/client/prefs";
import {
  clearReadAloudError,
  selectIsReading,
  selectReadAloudError,
  selectReadAloudStatus,
  startReading,
  stopReading,
  useReadAloud,
} from "@/lib/speech/client/read-aloud";
import { SpeakerIcon, SpinnerIcon, StopIcon } from "./icons";
import { actionIconButton } from "./styles";

/**
 * "Read aloud" for a chat reply: speaks `text` (pass the answer, not the reasoning) with the default
 * voice chosen in Settings. Pressing it again, or another message's button, stops the reading.
 */
export function ReadAloudButton({
  text,
  className,
}: {
  text: string /** Replaces the default look. */;
  className?: string;
}) {
  const t = useT();
  const owner = useId();
  useSpeechPrefsHydration();
  const active = useReadAloud(selectIsReading(owner));
  const status = useReadAloud(selectReadAloudStatus(owner));
  const error = useReadAloud(selectReadAloudError(owner));

  // A message that leaves the screen (conversation switched, message deleted) stops speaking.
  useEffect(
    () => () => {
      if (useReadAloud.getState().owner === owner) stopReading();
    },
    [owner],
  );

  return (
    <span className="relative inline-flex">
      <button
        type="button"
        className={className ?? actionIconButton}
        aria-label={t("speech.readAloud.label")}
        aria-pressed={active}
        aria-busy={status === "loading"}
        title={active ? t("speech.readAloud.stop") : t("speech.readAloud.label")}
        data-testid="read-aloud-button"
        data-state={status}
        onClick={() => {
          if (active) stopReading();
          else void startReading(owner, text);
        }}
      >
        {status === "loading" ? <SpinnerIcon /> : status === "playing" ? <StopIcon /> : <SpeakerIcon />}
      </button>
      {error && (
        <span className="absolute left-0 top-full z-20 mt-1 block w-72">
          <ErrorAlert error={error} onDismiss={clearReadAloudError} />
        </span>
      )}
    </span>
  );
}
