"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { localError } from "@/lib/local-error";
import { transcribe } from "@/lib/speech/client/api";
import { formatSeconds, toWav } from "@/lib/speech/client/audio";
import { useRecorder } from "@/lib/speech/client/recorder";
import { MicIcon, SpinnerIcon } from "./icons";
import { iconButton } from "./styles";

/** Dictation is for a message, not a lecture: past this the recording stops by itself. */
const MAX_DICTATION_SECONDS = 120;

/**
 * A microphone toggle: click to record, click again to stop; the speech is transcribed
 * (SenseVoice, via /api/transcriptions) and handed to `onText` for the user to edit before sending.
 */
export function VoiceInputButton({
  onText,
  disabled,
  alertPlacement = "above",
  label,
}: {
  onText: (text: string) => void;
  disabled?: boolean;
  /** Where a problem is shown: above suits a composer at the bottom of the page. */
  alertPlacement?: "above" | "below";
  /** Accessible name; defaults to "Voice input". The speech page says "Dictate" beside its Voice field. */
  label?: string;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const recorder = useRecorder({
    maxSeconds: MAX_DICTATION_SECONDS,
    onDone: async (clip) => {
      setBusy(true);
      try {
        // WebM/Opus from MediaRecorder becomes 16 kHz mono WAV: small, and a format every ASR model reads.
        const { wav } = await toWav(clip, 16000);
        const text = await transcribe(wav, "voice-input.wav");
        if (text.trim()) onText(text.trim());
        else setError(localError("speech.voiceInput.nothing"));
      } catch (err) {
        setError(err instanceof DOMException ? localError("speech.voiceInput.decode") : AppError.from(err).toJSON());
      } finally {
        setBusy(false);
      }
    },
  });
  const recording = recorder.state === "recording";
  const shown = error ?? (recorder.error ? localError(recorder.error) : null);
  const name = label ?? t("speech.voiceInput.label");

  return (
    <div className="relative inline-flex items-center gap-1">
      {recording && (
        <span className="text-xs tabular-nums text-red-700 dark:text-red-400" aria-live="polite">
          <span className="mr-1 inline-block size-2 animate-pulse rounded-full bg-red-600" aria-hidden />
          {formatSeconds(recorder.elapsed)}
        </span>
      )}
      <button
        type="button"
        className={`${iconButton} ${recording ? "text-red-700 dark:text-red-400" : ""}`}
        aria-label={name}
        aria-pressed={recording}
        aria-busy={busy || recorder.state === "requesting"}
        title={recording ? t("speech.voiceInput.stop") : name}
        data-testid="voice-input-button"
        data-state={busy ? "transcribing" : recorder.state}
        disabled={disabled || busy || recorder.state === "requesting"}
        onKeyDown={(e) => {
          if (e.key === "Escape" && recording) recorder.cancel();
        }}
        onClick={() => {
          setError(null);
          recorder.clearError();
          if (recording) recorder.stop();
          else void recorder.start();
        }}
      >
        {busy || recorder.state === "requesting" ? <SpinnerIcon /> : <MicIcon />}
      </button>
      {busy && (
        <span className="sr-only" aria-live="polite">
          {t("speech.voiceInput.transcribing")}
        </span>
      )}
      {shown && (
        <div
          className={`absolute right-0 z-20 w-72 ${alertPlacement === "above" ? "bottom-full mb-2" : "top-full mt-2"}`}
        >
          <ErrorAlert
            error={shown}
            onDismiss={() => {
              setError(null);
              recorder.clearError();
            }}
          />
        </div>
      )}
    </div>
  );
}
