"use client";

import { useId, useRef, useState } from "react";
import { OfflineHint, useOnline } from "@/components/shell/online";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { StudioFormSlots } from "@/components/ui/studio-layout";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { localError } from "@/lib/local-error";
import {
  DIALOGUE_VOICE,
  FORMAT_SPECS,
  GAIN,
  inputLength,
  isDialogueModel,
  maxInputChars,
  SPEECH_FORMATS,
  SPEED,
} from "@/lib/speech/bounds";
import { useSpeechJobs } from "@/lib/speech/client/jobs";
import { selectSpeechForm, useSpeechPrefs } from "@/lib/speech/client/prefs";
import { useSpeechModels } from "@/lib/speech/client/use-models";
import { type InstructionPreset, speechInput, splitInstruction } from "@/lib/speech/text";
import { DialogueHelper, hasTurns } from "./dialogue-helper";
import { clipReferences, DialogueVoices, NO_CLIPS, type SpeakerVoices, usesClips } from "./dialogue-voices";
import { hintClass, inputClass, labelClass } from "./styles";
import { TextHelpers } from "./text-helpers";
import { VoiceInputButton } from "./voice-input-button";
import { VoiceSelect } from "./voice-select";

const FORMAT_LABEL: Record<string, string> = { mp3: "MP3", opus: "Opus", wav: "WAV", pcm: "PCM" };

/**
 * The speech settings in the studios' order (text, model and voice, options), and Generate speech
 * for the layout's action bar; the upload part (custom voices) follows the form in the card.
 */
export function useSpeechFormSlots(): StudioFormSlots {
  const t = useT();
  const ids = { text: useId(), count: useId(), model: useId(), voice: useId(), speed: useId(), gain: useId() };
  const ids2 = { format: useId(), rate: useId(), formatHint: useId(), clipsHint: useId() };
  const form = useSpeechPrefs(selectSpeechForm);
  // Actions never change: taken from the store, not subscribed to.
  const { setForm } = useSpeechPrefs.getState();
  const { generate } = useSpeechJobs.getState();
  const models = useSpeechModels(form.model);
  const [text, setTextState] = useState("");
  const [style, setStyle] = useState<InstructionPreset | null>(null);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  // Kept while another model is chosen, so switching back does not lose the clips and transcripts.
  const [speakers, setSpeakers] = useState<SpeakerVoices>(NO_CLIPS);
  const clipPrefix = useId();
  const dialogue = isDialogueModel(form.model);
  const clips = dialogue && usesClips(speakers);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // The instruction counts towards the model's limit: it is part of the input the provider reads.
  const length = inputLength(speechInput(text, style));
  const max = maxInputChars(form.model);
  const hydrated = useHydrated();
  const online = useOnline();
  // A complaint about the text (empty, too long) goes as soon as the text changes.
  const setText = (next: string | ((current: string) => string)) => {
    setTextState(next);
    setError(null);
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!online) return;
    if (splitInstruction(text).body.trim() === "") {
      setError(localError("speech.error.empty"));
      textarea.current?.focus();
      return;
    }
    if (length > max) {
      setError(localError("speech.error.tooLong", { count: length, max }));
      textarea.current?.focus();
      return;
    }
    if (dialogue && !hasTurns(text)) {
      setError(localError("speech.dialogue.missingTurns"));
      textarea.current?.focus();
      return;
    }
    if (clips) {
      const checked = clipReferences(speakers);
      if ("error" in checked) {
        setError(checked.error);
        document.getElementById(`${clipPrefix}${checked.focus}`)?.focus();
        return;
      }
      setError(null);
      // The provider's voice and references are mutually exclusive: with clips no voice is sent.
      void generate({
        ...form,
        voice: DIALOGUE_VOICE,
        input: text,
        ...(style ? { style } : {}),
        references: checked.references,
      });
      return;
    }
    setError(null);
    void generate({ ...form, input: text, ...(style ? { style } : {}) });
  };

  const fields = (
    <form id="speech-form" onSubmit={submit} noValidate className="space-y-5">
      <div className="space-y-1.5">
        <div className="flex items-end justify-between gap-2">
          <label htmlFor={ids.text} className={labelClass}>
            {t("speech.text.label")}
          </label>
          <VoiceInputButton
            alertPlacement="below"
            label={t("speech.dictate.label")}
            onText={(spoken) => setText((cur) => (cur.trim() ? `${cur.trimEnd()} ${spoken}` : spoken))}
          />
        </div>
        <textarea
          id={ids.text}
          ref={textarea}
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={ids.count}
          aria-invalid={length > max || undefined}
          placeholder={t("speech.text.placeholder")}
          className={`${inputClass} resize-y leading-relaxed`}
        />
        <p
          id={ids.count}
          className={`${hintClass} text-right tabular-nums ${length > max ? "text-red-700 dark:text-red-400" : ""}`}
        >
          {t("speech.text.count", { count: length, max })}
        </p>
        <TextHelpers text={text} onChange={setText} style={style} onStyle={setStyle} textarea={textarea} />
        {dialogue && <DialogueHelper text={text} onInsert={setText} />}
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        {/* Model ids and voice names are long: each takes the card's full width. */}
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor={ids.model} className={labelClass}>
            {t("speech.model.label")}
          </label>
          <select
            id={ids.model}
            className={inputClass}
            value={form.model}
            onChange={(e) => setForm({ model: e.target.value })}
          >
            {models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor={ids.voice} className={labelClass}>
            {t("speech.voice.label")}
          </label>
          <VoiceSelect
            id={ids.voice}
            model={form.model}
            value={form.voice}
            onChange={(voice, model) => setForm({ voice, model })}
            disabled={clips}
            describedBy={clips ? ids2.clipsHint : undefined}
          />
          {clips && (
            <p id={ids2.clipsHint} className={hintClass}>
              {t("speech.clips.presetsOff")}
            </p>
          )}
        </div>
        {dialogue && (
          <DialogueVoices
            voices={speakers}
            idPrefix={clipPrefix}
            onError={setError}
            onChange={(speaker, change) =>
              setSpeakers((cur) => ({ ...cur, [speaker]: { ...cur[speaker], ...change } }))
            }
          />
        )}
        <div className="space-y-1">
          <div className="flex justify-between">
            <label htmlFor={ids.speed} className={labelClass}>
              {t("speech.speed.label")}
            </label>
            <span aria-hidden className="text-sm tabular-nums">
              {form.speed.toFixed(2)}×
            </span>
          </div>
          <input
            id={ids.speed}
            type="range"
            min={SPEED.min}
            max={SPEED.max}
            step={SPEED.step}
            value={form.speed}
            aria-valuetext={`${form.speed.toFixed(2)}×`}
            onChange={(e) => setForm({ speed: Number(e.target.value) })}
            className="w-full accent-violet-600"
          />
        </div>
        <div className="space-y-1">
          <div className="flex justify-between">
            <label htmlFor={ids.gain} className={labelClass}>
              {t("speech.gain.label")}
            </label>
            <span aria-hidden className="text-sm tabular-nums">
              {t("speech.gain.value", { db: form.gain })}
            </span>
          </div>
          <input
            id={ids.gain}
            type="range"
            min={GAIN.min}
            max={GAIN.max}
            step={GAIN.step}
            value={form.gain}
            aria-valuetext={t("speech.gain.value", { db: form.gain })}
            onChange={(e) => setForm({ gain: Number(e.target.value) })}
            className="w-full accent-violet-600"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={ids2.format} className={labelClass}>
            {t("speech.format.label")}
          </label>
          <select
            id={ids2.format}
            className={inputClass}
            value={form.format}
            aria-describedby={ids2.formatHint}
            onChange={(e) => setForm({ format: e.target.value as (typeof SPEECH_FORMATS)[number] })}
          >
            {SPEECH_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABEL[f]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={ids2.rate} className={labelClass}>
            {t("speech.sampleRate.label")}
          </label>
          <select
            id={ids2.rate}
            className={inputClass}
            value={form.sampleRate}
            onChange={(e) => setForm({ sampleRate: Number(e.target.value) })}
          >
            {FORMAT_SPECS[form.format].rates.map((r) => (
              <option key={r} value={r}>
                {t("speech.sampleRate.value", { rate: r.toLocaleString("en-US") })}
              </option>
            ))}
          </select>
        </div>
        <p id={ids2.formatHint} className={`${hintClass} sm:col-span-2`}>
          {t(
            form.format === "mp3"
              ? "speech.format.hint.mp3"
              : form.format === "pcm"
                ? "speech.format.hint.pcm"
                : "speech.format.hint.other",
          )}
        </p>
      </div>

      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
    </form>
  );

  const action = (
    <Button
      type="submit"
      form="speech-form"
      disabled={!hydrated || !online}
      aria-describedby={online ? undefined : "speech-offline"}
    >
      {t("speech.generate")}
    </Button>
  );

  return { form: fields, action, actionNote: <OfflineHint id="speech-offline" action="generate" /> };
}
