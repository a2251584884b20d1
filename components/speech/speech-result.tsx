"use client";

import { useEffect, useRef, useState } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { loadClipBlob, type SpeechClip } from "@/lib/speech/client/history";
import type { SpeechJob } from "@/lib/speech/client/jobs";
import { downloadName, playableBlob } from "@/lib/speech/client/playable";
import { readSpeakerNotes, speakerNotes } from "@/lib/speech/dialogue-clips";
import { isInstructionPreset, splitInstruction } from "@/lib/speech/text";
import { DownloadIcon, SpinnerIcon } from "./icons";
import { cardClass, hintClass, secondaryButton } from "./styles";
import { useVoiceLabel } from "./voice-select";

interface Props {
  /** The stored clip, once saved. */
  clip?: SpeechClip;
  /** The generation in flight (or just finished) that this card shows. */
  job?: SpeechJob;
  onRemove?: () => void;
  onCancel?: () => void;
}

/**
 * One generated clip. While MP3 is streaming the element plays the MediaSource; when the stored Blob
 * arrives it takes over (at once if paused, else when playback ends) so seeking and replay use the
 * complete file. Same key as the job, so React keeps this element and playback is not cut off.
 */
export function SpeechResult({ clip, job, onRemove, onCancel }: Props) {
  const t = useT();
  const voiceLabel = useVoiceLabel();
  const audio = useRef<HTMLAudioElement>(null);
  const [src, setSrc] = useState<{ url: string; live: boolean } | null>(null);
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);

  // Fresh results play on their own: a stream as soon as it starts, a download once it is complete.
  const playOnSrc = useRef(Boolean(job));

  useEffect(() => {
    // Only a stream still arriving: a finished job's MediaSource may never have been attached.
    if (job?.liveUrl && job.status === "streaming" && !src) setSrc({ url: job.liveUrl, live: true });
  }, [job?.liveUrl, job?.status, src]);

  useEffect(() => {
    if (!src || !playOnSrc.current) return;
    playOnSrc.current = false;
    audio.current?.play().catch(() => {});
  }, [src]);

  // The stored Blob: playable (pcm wrapped as wav) for the element and for Download.
  useEffect(() => {
    if (!clip) return;
    let url: string | null = null;
    let cancelled = false;
    void loadClipBlob(clip).then(async (stored) => {
      if (cancelled || !stored) return;
      const blob = await playableBlob(stored, clip.settings);
      if (cancelled) return;
      url = URL.createObjectURL(blob);
      setDownloadUrl(url);
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [clip]);

  useEffect(() => {
    const el = audio.current;
    if (!el || !downloadUrl || src?.url === downloadUrl) return;
    const takeOver = () => {
      // Resume where a paused stream stopped; a finished one starts over from the file.
      const at = src?.live && !el.ended ? el.currentTime : 0;
      setSrc({ url: downloadUrl, live: false });
      if (at > 0) el.addEventListener("loadedmetadata", () => (el.currentTime = at), { once: true });
    };
    if (!src?.live || el.paused || el.ended) {
      takeOver();
      return;
    }
    el.addEventListener("ended", takeOver, { once: true });
    el.addEventListener("pause", takeOver, { once: true });
    return () => {
      el.removeEventListener("ended", takeOver);
      el.removeEventListener("pause", takeOver);
    };
  }, [downloadUrl, src]);

  // Clips stored before the style had its own field carry the instruction inside their text.
  const { instruction, body: text } = splitInstruction(clip?.text ?? job?.params.input ?? "");
  const voice = clip?.voice ?? job?.params.voice ?? "";
  const settings = clip?.settings ?? (job ? { ...job.params, speakers: speakerNotes(job.params.references) } : {});
  const speakers = readSpeakerNotes(settings.speakers);
  const style = isInstructionPreset(settings.style)
    ? t(`speech.instruction.${settings.style}` as MessageKey)
    : instruction.trim()
      ? t("speech.style.custom")
      : null;
  const streaming = !clip && job?.status === "streaming";
  const state = clip ? "ready" : streaming ? "streaming" : "saving";

  return (
    <li className={`${cardClass} space-y-2`} data-testid="speech-result" data-state={state} data-clip-id={clip?.id}>
      <p className="line-clamp-3 whitespace-pre-wrap text-sm" title={text}>
        {style && (
          <span
            data-testid="speech-style"
            title={instruction.trim() || undefined}
            className="mr-1.5 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-900/50 dark:text-violet-100"
          >
            {t("speech.style.chip", { style })}
          </span>
        )}
        {text}
      </p>
      {/* biome-ignore lint/a11y/useMediaCaption: generated speech has no caption track; its text is shown above. */}
      <audio
        ref={audio}
        controls
        preload="metadata"
        src={src?.url}
        data-source={src ? (src.live ? "stream" : "file") : undefined}
        className="h-10 w-full"
      />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p className={hintClass}>
          {[
            speakers
              ? speakers.map((n) => t("speech.clips.resultVoice", { speaker: n.speaker, name: n.clip })).join(", ")
              : voiceLabel(voice),
            String(settings.format ?? "").toUpperCase(),
            typeof settings.sampleRate === "number" ? `${settings.sampleRate / 1000} kHz` : null,
            typeof settings.speed === "number" ? `${settings.speed}×` : null,
            typeof settings.gain === "number" && settings.gain !== 0
              ? `${settings.gain > 0 ? "+" : ""}${settings.gain} dB`
              : null,
            clip?.durationMs ? t("speech.result.seconds", { seconds: (clip.durationMs / 1000).toFixed(1) }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <div className="ml-auto flex items-center gap-2">
          {streaming && (
            <>
              <span className={`${hintClass} inline-flex items-center gap-1`} aria-live="polite">
                <SpinnerIcon /> {t("speech.result.generating")}
              </span>
              {onCancel && (
                <button type="button" className={secondaryButton} onClick={onCancel}>
                  {t("speech.result.cancel")}
                </button>
              )}
            </>
          )}
          {clip && downloadUrl && (
            <a
              href={downloadUrl}
              download={downloadName(clip.createdAt, clip.settings.format)}
              className={secondaryButton}
            >
              <DownloadIcon /> {t("speech.result.download")}
            </a>
          )}
          {clip && onRemove && (
            <button type="button" className={secondaryButton} onClick={onRemove}>
              {t("speech.result.remove")}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
