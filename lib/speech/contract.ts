import { z } from "zod";
import {
  CUSTOM_NAME_PATTERN,
  DIALOGUE_VOICE,
  FORMAT_SPECS,
  GAIN,
  inputLength,
  isDialogueModel,
  isValidRate,
  MAX_TRANSCRIPTION_BYTES,
  MAX_VOICE_BYTES,
  MAX_VOICE_TEXT_CHARS,
  maxInputChars,
  SPEECH_FORMATS,
  SPEED,
  VOICE_PRESETS,
} from "./bounds";
import { CLIP_MAX_BYTES, CLIP_NAME_MAX_CHARS, CLIP_TEXT_MAX_CHARS, SPEAKERS } from "./dialogue-clips";

export * from "./bounds";

// The speech routes' requests and answers (/api/speech, /api/voices, /api/transcriptions): zod schemas,
// their types and the body caps. The routes parse with these; the browser imports the types only, so
// the zod-free values it needs at runtime come from bounds.ts (the chat page's read-aloud button loads
// the speech prefs, and zod stays out of that first load).
//
// POST /api/speech. A voice is a preset of the chosen model or an uploaded `speech:` uri. Dynamic
// voices (`references`) are taken only for dialogue models, one clip per speaker, and only as base64
// data URIs the browser read from a file (lib/speech/server/clips.ts checks the bytes): no route
// fetches or forwards a URL that came from the client.

const MODEL_ID = /^[\w.-]+\/[\w.-]+$/;
const CUSTOM_URI = /^speech:[\w.-]{1,64}(:[\w.-]{1,64}){1,4}$/;

export const speechRequestSchema = z
  .object({
    model: z.string().regex(MODEL_ID, "must be a model id such as FunAudioLLM/CosyVoice2-0.5B").max(200),
    input: z.string().refine((s) => s.trim() !== "", "Enter some text to speak"),
    voice: z.string().max(300),
    response_format: z.enum(SPEECH_FORMATS).default("mp3"),
    sample_rate: z.number().int().optional(),
    speed: z.number().min(SPEED.min).max(SPEED.max).default(SPEED.default),
    gain: z.number().min(GAIN.min).max(GAIN.max).default(GAIN.default),
    references: z
      .array(
        z
          .object({
            // Room for the base64 of a full-size clip and its data: prefix; the bytes are checked later.
            audio: z.string().max(Math.ceil(CLIP_MAX_BYTES / 3) * 4 + 200),
            text: z.string().max(CLIP_TEXT_MAX_CHARS * 4),
            name: z.string().max(CLIP_NAME_MAX_CHARS).default(""),
          })
          .strict(),
      )
      .max(SPEAKERS.length)
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.references && !isDialogueModel(body.model)) {
      ctx.addIssue({ code: "custom", path: ["references"], message: "reference clips are for dialogue models only" });
    }
    const max = maxInputChars(body.model);
    if (inputLength(body.input) > max) {
      ctx.addIssue({ code: "custom", path: ["input"], message: `at most ${max} characters for ${body.model}` });
    }
    const preset = body.voice.startsWith(`${body.model}:`) ? body.voice.slice(body.model.length + 1) : "";
    const isPreset = (VOICE_PRESETS as readonly string[]).includes(preset);
    // A dialogue model with no voice speaks its [S1]/[S2] turns in its own two voices; it takes no
    // uploaded voice (its speech reference lists only the presets and references).
    const voiceOk = isDialogueModel(body.model)
      ? body.voice === DIALOGUE_VOICE || isPreset
      : isPreset || CUSTOM_URI.test(body.voice);
    if (!voiceOk) {
      ctx.addIssue({
        code: "custom",
        path: ["voice"],
        message: `use "${body.model}:<${VOICE_PRESETS.join("|")}>" or an uploaded speech: voice`,
      });
    }
    // The provider's voice and references are mutually exclusive (lib/speech/dialogue-clips.ts).
    if (body.references && body.voice !== DIALOGUE_VOICE) {
      ctx.addIssue({ code: "custom", path: ["voice"], message: 'must be "" when reference clips are sent' });
    }
    if (body.sample_rate !== undefined && !isValidRate(body.response_format, body.sample_rate)) {
      const rates = FORMAT_SPECS[body.response_format].rates.join(", ");
      ctx.addIssue({ code: "custom", path: ["sample_rate"], message: `for ${body.response_format} use ${rates}` });
    }
  });
/** The body the browser sends (defaults may be left out). */
export type SpeechRequestBody = z.input<typeof speechRequestSchema>;

/** Text plus a generous allowance for JSON escaping (\uXXXX is 6 bytes per character). */
export const SPEECH_BODY_MAX_BYTES = 64 * 1024;
/** A dialogue with two reference clips: their base64 on top of the text's allowance. */
export const SPEECH_CLIPS_BODY_MAX_BYTES =
  SPEECH_BODY_MAX_BYTES + SPEAKERS.length * (Math.ceil(CLIP_MAX_BYTES / 3) * 4 + 8 * 1024);

// /api/voices: GET lists the user's uploaded voices, POST uploads one (multipart), DELETE removes one.

const customVoiceSchema = z.object({
  uri: z.string(),
  customName: z.string(),
  text: z.string(),
  model: z.string(),
});
export type CustomVoice = z.infer<typeof customVoiceSchema>;
export interface VoicesResponse {
  voices: CustomVoice[];
}
export interface VoiceUploadResponse {
  voice: CustomVoice;
}

export const deleteVoiceSchema = z
  .object({ uri: z.string().regex(CUSTOM_URI, "must be a speech: voice uri") })
  .strict();

export const uploadFieldsSchema = z.object({
  customName: z.string().regex(CUSTOM_NAME_PATTERN, "use 1–64 letters, digits, underscores or hyphens"),
  text: z.string().min(1, "enter what the recording says").max(MAX_VOICE_TEXT_CHARS),
  model: z.string().regex(MODEL_ID, "must be a model id").max(200),
});

/** The file cap plus room for the multipart framing and the text fields. */
export const VOICE_FORM_MAX_BYTES = MAX_VOICE_BYTES + 64 * 1024;

// POST /api/transcriptions: multipart `file` and optional `model` → `{text}`.

/** The file cap plus room for the multipart framing and the model field. */
export const TRANSCRIPTION_FORM_MAX_BYTES = MAX_TRANSCRIPTION_BYTES + 64 * 1024;
export interface TranscriptionResponse {
  text: string;
}
