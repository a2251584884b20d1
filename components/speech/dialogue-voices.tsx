"use client";

import { useId, useState } from "react";
import type { AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { localError } from "@/lib/local-error";
import { type ReadyClip, readClip } from "@/lib/speech/client/read-clip";
import {
  CLIP_ACCEPT,
  CLIP_MAX_SECONDS,
  type DialogueReference,
  SPEAKERS,
  type Speaker,
} from "@/lib/speech/dialogue-clips";
import { hintClass, inputClass, labelClass } from "./styles";

// A voice per speaker for dialogue models: the model's voice (the Voice select above) or a reference
// clip with its transcript. The provider takes a clip for both speakers or for neither
// (lib/speech/dialogue-clips.ts), so a mix is pointed out here and refused on Generate.

interface SpeakerVoice {
  mode: "preset" | "clip";
  clip: ReadyClip | null;
  text: string;
}

export type SpeakerVoices = Record<Speaker, SpeakerVoice>;

export const NO_CLIPS: SpeakerVoices = {
  S1: { mode: "preset", clip: null, text: "" },
  S2: { mode: "preset", clip: null, text: "" },
};

export function usesClips(voices: SpeakerVoices): boolean {
  return SPEAKERS.some((s) => voices[s].mode === "clip");
}

/** The speaker still on the model's voice while the other has a clip, or null. */
function mixedSpeaker(voices: SpeakerVoices): Speaker | null {
  if (!usesClips(voices)) return null;
  return SPEAKERS.find((s) => voices[s].mode === "preset") ?? null;
}

/** What is wrong before sending (with the field to focus), or the references to send. */
export function clipReferences(
  voices: SpeakerVoices,
): { references: DialogueReference[] } | { error: AppErrorJSON; focus: string } {
  const mixed = mixedSpeaker(voices);
  if (mixed) return { error: localError("speech.clips.bothNeeded", { speaker: mixed }), focus: `${mixed}-mode` };
  const references: DialogueReference[] = [];
  for (const speaker of SPEAKERS) {
    const { clip, text } = voices[speaker];
    if (!clip) return { error: localError("speech.clips.noFile", { speaker }), focus: `${speaker}-file` };
    if (!text.trim()) return { error: localError("speech.clips.noTranscript", { speaker }), focus: `${speaker}-text` };
    references.push({ audio: clip.audio, text: text.trim(), name: clip.name });
  }
  return { references };
}

export function DialogueVoices({
  voices,
  onChange,
  onError,
  idPrefix,
}: {
  voices: SpeakerVoices;
  onChange: (speaker: Speaker, change: Partial<SpeakerVoice>) => void;
  onError: (error: AppErrorJSON | null) => void;
  /** Element ids are `${idPrefix}${speaker}-mode|file|text`, so the form can focus a field. */
  idPrefix: string;
}) {
  const t = useT();
  const mixed = mixedSpeaker(voices);
  return (
    <div className="space-y-3 sm:col-span-2" data-testid="dialogue-voices">
      <div className="grid gap-3 sm:grid-cols-2">
        {SPEAKERS.map((speaker) => (
          <SpeakerField
            key={speaker}
            speaker={speaker}
            voice={voices[speaker]}
            idPrefix={idPrefix}
            onChange={(change) => onChange(speaker, change)}
            onError={onError}
          />
        ))}
      </div>
      {mixed && (
        <p className="text-sm text-amber-800 dark:text-amber-300" role="note">
          {t("speech.clips.bothNeeded", { speaker: mixed })}
        </p>
      )}
    </div>
  );
}

function SpeakerField({
  speaker,
  voice,
  idPrefix,
  onChange,
  onError,
}: {
  speaker: Speaker;
  voice: SpeakerVoice;
  idPrefix: string;
  onChange: (change: Partial<SpeakerVoice>) => void;
  onError: (error: AppErrorJSON | null) => void;
}) {
  const t = useT();
  const legend = useId();
  const hint = useId();
  const [checking, setChecking] = useState(false);
  const id = (part: string) => `${idPrefix}${speaker}-${part}`;

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    onError(null);
    setChecking(true);
    try {
      const result = await readClip(file);
      if ("key" in result) {
        input.value = "";
        onChange({ clip: null });
        onError(localError(result.key, result.vars));
      } else onChange({ clip: result });
    } finally {
      setChecking(false);
    }
  };

  return (
    <div className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div role="radiogroup" aria-labelledby={legend} id={id("mode")} tabIndex={-1} className="space-y-1">
        <p id={legend} className={labelClass}>
          {t("speech.clips.voiceFor", { speaker })}
        </p>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {(["preset", "clip"] as const).map((mode) => (
            <label key={mode} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name={id("mode")}
                value={mode}
                checked={voice.mode === mode}
                onChange={() => {
                  onError(null);
                  onChange({ mode });
                }}
                className="accent-violet-600"
              />
              {t(mode === "preset" ? "speech.clips.preset" : "speech.clips.clip")}
            </label>
          ))}
        </div>
      </div>
      {voice.mode === "clip" && (
        <>
          <div className="space-y-1">
            <label htmlFor={id("file")} className={labelClass}>
              {t("speech.clips.file", { speaker })}
            </label>
            <input
              id={id("file")}
              type="file"
              accept={CLIP_ACCEPT}
              required
              aria-describedby={hint}
              onChange={(e) => void choose(e.currentTarget)}
              className="block w-full text-sm file:mr-2 file:rounded-md file:border-0 file:bg-violet-50 file:px-2 file:py-1 file:text-violet-800 dark:file:bg-violet-950 dark:file:text-violet-200"
            />
            <p id={hint} className={hintClass} aria-live="polite">
              {checking
                ? t("speech.clips.checking")
                : voice.clip
                  ? t("speech.clips.ready", { name: voice.clip.name, seconds: voice.clip.seconds.toFixed(1) })
                  : t("speech.clips.fileHint", { max: CLIP_MAX_SECONDS })}
            </p>
          </div>
          <div className="space-y-1">
            <label htmlFor={id("text")} className={labelClass}>
              {t("speech.clips.transcript", { speaker })}
            </label>
            <textarea
              id={id("text")}
              rows={2}
              required
              value={voice.text}
              placeholder={t("speech.clips.transcriptPlaceholder")}
              onChange={(e) => {
                onError(null);
                onChange({ text: e.target.value });
              }}
              className={`${inputClass} resize-y`}
            />
          </div>
        </>
      )}
    </div>
  );
}
