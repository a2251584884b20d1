"use client";

import { ErrorAlert } from "@/components/ui/error-alert";
import { useT } from "@/lib/i18n/client";
import { localError } from "@/lib/local-error";
import { MAX_VOICE_SECONDS } from "@/lib/speech/bounds";
import { formatSeconds } from "@/lib/speech/client/audio";
import { useRecorder } from "@/lib/speech/client/recorder";
import { MicIcon, StopIcon } from "./icons";
import { secondaryButton } from "./styles";

/** Stops a little early so the WAV made from the recording stays under the provider's 30 s. */
const LIMIT = MAX_VOICE_SECONDS - 1;

/** Records a reference clip in the browser; `onClip` receives the raw MediaRecorder Blob. */
export function VoiceRecorder({ onClip, disabled }: { onClip: (clip: Blob) => void; disabled?: boolean }) {
  const t = useT();
  const recorder = useRecorder({ maxSeconds: LIMIT, onDone: onClip });
  const recording = recorder.state === "recording";
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={`${secondaryButton} ${recording ? "border-red-400 text-red-700 dark:border-red-700 dark:text-red-400" : ""}`}
          disabled={disabled || recorder.state === "requesting"}
          onClick={() => (recording ? recorder.stop() : void recorder.start())}
        >
          {recording ? <StopIcon /> : <MicIcon />}
          {recording ? t("speech.record.stop") : t("speech.record.start")}
        </button>
        {recording && (
          <span className="text-sm tabular-nums text-red-700 dark:text-red-400" aria-live="polite">
            {formatSeconds(recorder.elapsed)} / {formatSeconds(LIMIT)}
          </span>
        )}
      </div>
      {recorder.error && <ErrorAlert error={localError(recorder.error)} onDismiss={recorder.clearError} />}
    </div>
  );
}
