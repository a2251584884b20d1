// What SiliconFlow's speech endpoints accept, without zod: the form's fields and the route's schemas
// (contract.ts, which re-exports everything here) are built from the same values, so the form can only
// offer what the server will pass on. Zod-free because the chat page's read-aloud button loads the
// speech prefs, which read these. Source: upstream-contract.md and the
// text-to-speech guide in seeds/003 (sample rates per format, 8 presets, 30 s reference audio).

export const SPEECH_FORMATS = ["mp3", "opus", "wav", "pcm"] as const;
export type SpeechFormat = (typeof SPEECH_FORMATS)[number];

interface FormatSpec {
  /** What our route answers with (and what a stored clip is labelled). */
  mime: string;
  rates: readonly number[];
  defaultRate: number;
  /** File extension for downloads; pcm is wrapped and downloaded as wav. */
  ext: string;
}

export const FORMAT_SPECS: Record<SpeechFormat, FormatSpec> = {
  mp3: { mime: "audio/mpeg", rates: [32000, 44100], defaultRate: 44100, ext: "mp3" },
  opus: { mime: "audio/ogg; codecs=opus", rates: [48000], defaultRate: 48000, ext: "opus" },
  wav: { mime: "audio/wav", rates: [8000, 16000, 24000, 32000, 44100], defaultRate: 44100, ext: "wav" },
  pcm: { mime: "audio/pcm", rates: [8000, 16000, 24000, 32000, 44100], defaultRate: 44100, ext: "wav" },
};

export const DEFAULT_SPEECH_MODEL = "FunAudioLLM/CosyVoice2-0.5B";
export const DEFAULT_TRANSCRIPTION_MODEL = "FunAudioLLM/SenseVoiceSmall";
export const TRANSCRIPTION_MODELS = ["FunAudioLLM/SenseVoiceSmall", "TeleAI/TeleSpeechASR"] as const;

export const VOICE_PRESETS = ["alex", "benjamin", "charles", "david", "anna", "bella", "claire", "diana"] as const;
type VoicePreset = (typeof VOICE_PRESETS)[number];

export const SPEED = { min: 0.25, max: 4, step: 0.05, default: 1 } as const;
export const GAIN = { min: -10, max: 10, step: 0.5, default: 0 } as const;

/**
 * Characters one request may carry. The provider does not publish a number; 4000 is what the
 * simulator enforces and what CosyVoice2 handles reliably. Unknown models get the same.
 */
const MAX_INPUT_CHARS: Record<string, number> = { [DEFAULT_SPEECH_MODEL]: 4000 };
export function maxInputChars(model: string): number {
  return MAX_INPUT_CHARS[model] ?? 4000;
}
/** Counted in code points, as the provider counts characters (an emoji is one). */
export function inputLength(text: string): number {
  return [...text].length;
}

export const MAX_VOICE_SECONDS = 30;
export const MAX_VOICE_BYTES = 10 * 1024 * 1024;
export const MAX_TRANSCRIPTION_BYTES = 50 * 1024 * 1024;
/** The provider's rule for customName. */
export const CUSTOM_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_VOICE_TEXT_CHARS = 1000;

export function presetVoiceId(model: string, preset: string): string {
  return `${model}:${preset}`;
}

/** `speech:name:…` ids of uploaded voices; anything else with a `model:` prefix is a preset. */
export function isCustomVoice(voice: string): boolean {
  return voice.startsWith("speech:");
}

/** The preset name of `model:preset`, or null. */
export function presetOf(voice: string): VoicePreset | null {
  const name = voice.slice(voice.lastIndexOf(":") + 1);
  return !isCustomVoice(voice) && (VOICE_PRESETS as readonly string[]).includes(name) ? (name as VoicePreset) : null;
}

/**
 * Two-speaker dialogue models (SiliconFlow's speech reference: MOSS-TTSD reads `[S1]`/`[S2]` turns; its
 * `voice` holds a single timbre, so a dialogue is spoken in the model's own two voices when no voice is
 * sent). An empty voice means exactly that.
 */
const DIALOGUE_MODELS: readonly string[] = ["fnlp/MOSS-TTSD-v0.5"];
export const DIALOGUE_VOICE = "";

export function isDialogueModel(model: string): boolean {
  return DIALOGUE_MODELS.includes(model);
}

/** A preset voice for another model keeps its preset name; a custom voice is kept as is. */
export function voiceForModel(voice: string, model: string): string {
  // The dialogue voices exist only on dialogue models: elsewhere the first preset stands in.
  // Choosing a dialogue model starts with its own two voices, the point of choosing it.
  if (isDialogueModel(model)) return voice.startsWith(`${model}:`) ? voice : DIALOGUE_VOICE;
  if (voice === DIALOGUE_VOICE) return presetVoiceId(model, "alex");
  const preset = presetOf(voice);
  return preset ? presetVoiceId(model, preset) : voice;
}

export function isValidRate(format: SpeechFormat, rate: number): boolean {
  return FORMAT_SPECS[format].rates.includes(rate);
}
