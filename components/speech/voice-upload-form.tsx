"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { UploadButton, UploadZone } from "@/components/ui/upload-zone";
import { useHydrated } from "@/components/ui/use-hydrated";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { localError } from "@/lib/local-error";
import { MAX_VOICE_BYTES, MAX_VOICE_SECONDS } from "@/lib/speech/bounds";
import { transcribe, uploadVoice } from "@/lib/speech/client/api";
import { clipSeconds, toWav } from "@/lib/speech/client/audio";
import { selectSpeechModel, useSpeechPrefs } from "@/lib/speech/client/prefs";
import { useVoices } from "@/lib/speech/client/voices-store";
import { displayNameProblem, MAX_DISPLAY_NAME, providerVoiceName } from "@/lib/speech/voice-name";
import { sniffAudio } from "@/lib/speech/wav";
import { cardClass, hintClass, inputClass, labelClass, secondaryButton } from "./styles";
import { VoiceRecorder } from "./voice-recorder";

interface Clip {
  blob: Blob;
  name: string;
  /** What the voice is called if the user leaves Name empty: the file's name, or "recording-…". */
  suggested: string;
  seconds: number;
}

type Stage = "idle" | "checking" | "transcribing" | "uploading";

/** A first name for the voice: the file's own name, without its extension. */
function nameFrom(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, "").trim();
  return [...base].slice(0, MAX_DISPLAY_NAME).join("") || `voice-${Date.now().toString(36)}`;
}

export function VoiceUploadForm() {
  const t = useT();
  const ids = { name: useId(), text: useId(), file: useId(), nameHint: useId(), textHint: useId() };
  const model = useSpeechPrefs(selectSpeechModel);
  // Actions never change: taken from the store, not subscribed to.
  const { setForm, nameVoice } = useSpeechPrefs.getState();
  const { added } = useVoices.getState();
  const fileInput = useRef<HTMLInputElement>(null);
  const [clip, setClip] = useState<Clip | null>(null);
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [stage, setStage] = useState<Stage>("idle");
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const hydrated = useHydrated();
  const busy = stage !== "idle" || !hydrated;

  const accept = async (blob: Blob, fileName: string, recorded: boolean) => {
    setError(null);
    setDone(null);
    setClip(null);
    if (blob.size > MAX_VOICE_BYTES) return fail(localError("speech.upload.tooBig"));
    setStage("checking");
    try {
      // Recordings (webm/opus) and uncommon formats become WAV: the provider takes mp3, wav, pcm, opus.
      const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
      const common = ["wav", "mp3", "ogg"].includes(sniffAudio(head) ?? "");
      let seconds: number;
      let upload = blob;
      if (recorded || !common) ({ wav: upload, seconds } = await toWav(blob, 24000));
      else seconds = await clipSeconds(blob);
      if (seconds > MAX_VOICE_SECONDS) {
        return fail(localError("speech.upload.tooLong", { seconds: seconds.toFixed(1), max: MAX_VOICE_SECONDS }));
      }
      const finalName = upload === blob ? fileName : `${fileName.replace(/\.[^.]*$/, "")}.wav`;
      // The file's name is only suggested (shown as the Name field's placeholder, used if it stays
      // empty): written into the field after the asynchronous check, it raced with typing there and
      // could join what was typed ("voice-samplenarrator").
      const suggested = nameFrom(recorded ? `recording-${Date.now().toString(36)}` : fileName);
      setClip({ blob: upload, name: finalName, seconds, suggested });
    } catch {
      fail(localError("speech.upload.unreadable"));
    } finally {
      setStage("idle");
    }
  };

  // A file chosen before React hydrated fired its change event into the void: pick it up now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount.
  useEffect(() => {
    const file = fileInput.current?.files?.[0];
    if (file) void accept(file, file.name, false);
  }, []);

  function fail(err: AppErrorJSON) {
    setError(err);
    setClip(null);
    if (fileInput.current) fileInput.current.value = "";
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setDone(null);
    if (!clip) return setError(localError("speech.upload.noFile"));
    const chosen = name.trim() ? name : clip.suggested;
    if (displayNameProblem(chosen)) return setError(localError("speech.upload.badName", { max: MAX_DISPLAY_NAME }));
    const displayName = chosen.trim();
    setError(null);
    try {
      let transcript = text.trim();
      if (!transcript) {
        // The provider needs the words of the clip; SenseVoice fills them in when the user did not.
        setStage("transcribing");
        transcript = (await transcribe(clip.blob, clip.name)).trim();
        setText(transcript);
        if (!transcript)
          throw new AppError("bad_request", { message: localError("speech.upload.noTranscript").message });
      }
      setStage("uploading");
      const voice = await uploadVoice({
        customName: providerVoiceName(displayName),
        text: transcript,
        model,
        file: clip.blob,
        fileName: clip.name,
      });
      if (displayName !== voice.customName) nameVoice(voice.uri, displayName);
      added(voice);
      setForm({ voice: voice.uri, model: voice.model || model });
      setDone(t("speech.upload.done", { name: displayName }));
      setClip(null);
      setName("");
      setText("");
      if (fileInput.current) fileInput.current.value = "";
    } catch (err) {
      setError(AppError.from(err).toJSON());
    } finally {
      setStage("idle");
    }
  };

  return (
    <form onSubmit={submit} noValidate className={`${cardClass} space-y-3`}>
      <h3 className="font-medium">{t("speech.upload.heading")}</h3>
      <UploadZone
        onFiles={(files) => files[0] && stage === "idle" && void accept(files[0], files[0].name, false)}
        hint={t("speech.upload.fileHint", { max: MAX_VOICE_SECONDS })}
      >
        <UploadButton
          accept="audio/*,.wav,.mp3,.opus,.ogg"
          inputRef={fileInput}
          inputId={ids.file}
          testId="voice-file-input"
          disabled={stage !== "idle"}
          onFiles={(files) => files[0] && void accept(files[0], files[0].name, false)}
        >
          {t("speech.upload.file")}
        </UploadButton>
        <VoiceRecorder disabled={busy} onClip={(blob) => void accept(blob, "recording.webm", true)} />
      </UploadZone>
      {clip && (
        <p className={hintClass} data-testid="voice-clip-ready">
          {t("speech.upload.ready", { name: clip.name, seconds: clip.seconds.toFixed(1) })}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={ids.name} className={labelClass}>
            {t("speech.upload.name")}
          </label>
          <input
            id={ids.name}
            className={inputClass}
            value={name}
            placeholder={clip?.suggested}
            maxLength={MAX_DISPLAY_NAME * 2}
            onChange={(e) => setName(e.target.value)}
            aria-describedby={ids.nameHint}
          />
          <p id={ids.nameHint} className={hintClass}>
            {t("speech.upload.nameHint")}
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.text} className={labelClass}>
            {t("speech.upload.transcript")}
          </label>
          <textarea
            id={ids.text}
            className={inputClass}
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={ids.textHint}
          />
          <p id={ids.textHint} className={hintClass}>
            {t("speech.upload.transcriptHint")}
          </p>
        </div>
      </div>
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      {done && (
        <p role="status" data-testid="voice-upload-done" className="text-sm text-emerald-700 dark:text-emerald-400">
          {done}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" className={secondaryButton} disabled={busy}>
          {t("speech.upload.submit")}
        </button>
        {stage !== "idle" && (
          <span className={hintClass} aria-live="polite">
            {t(`speech.upload.stage.${stage}`)}
          </span>
        )}
      </div>
    </form>
  );
}
