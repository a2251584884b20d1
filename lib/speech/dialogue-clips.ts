// A voice per speaker for two-speaker dialogue models (MOSS-TTSD): a short reference clip and what
// it says, sent as the provider's `references`. Shared by the form (checks before sending) and the
// route (checks again, from the bytes).
//
// The provider's rule, from SiliconFlow's speech API reference (docs.siliconflow.cn/api-reference/
// audio/create-speech, fnlp/MOSS-TTSD-v0.5, read 2026-12-04): "The voice field and references field
// are mutually exclusive. If you want to use scripted dialogue, you need to pass two voice tones
// through the references field" and "The voice field currently does not support two timbres. If you
// need to upload two timbres, please use reference". A reference is `{audio, text}`: "参考音频 url。
// 也支持 base64 格式" and "参考音频的文字内容" (the text-to-speech guide, §5.3, seed 003). We read the
// two references in order as [S1], [S2]. Since `voice` cannot sit beside `references` and holds one
// timbre, one speaker on a preset and the other on a clip cannot be expressed: either both speakers
// have a clip, or neither does. The guide's advice for reference audio (§4): one speaker, 8–10 s;
// uploaded voices must be under 30 s.

export const SPEAKERS = ["S1", "S2"] as const;
export type Speaker = (typeof SPEAKERS)[number];

export const CLIP_MAX_SECONDS = 30;
/** Per clip as sent. 30 s of 24 kHz mono WAV is 1.4 MB; a 192 kbps MP3 of 30 s is 0.7 MB. */
export const CLIP_MAX_BYTES = 3 * 1024 * 1024;
/** Files larger than this are refused before the browser tries to decode them. */
export const CLIP_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const CLIP_TEXT_MAX_CHARS = 1000;
export const CLIP_NAME_MAX_CHARS = 200;
/** What the file picker offers; the bytes decide, not the extension. */
export const CLIP_ACCEPT = ".wav,.mp3,.ogg,.opus,.webm,.m4a,audio/wav,audio/mpeg,audio/ogg,audio/webm,audio/mp4";
/** Containers the picker takes (WebM and M4A are turned into WAV in the browser first). */
export const CLIP_CONTAINERS = ["wav", "mp3", "ogg", "webm", "mp4"] as const;
/** Containers the route passes on: the provider lists mp3, wav, pcm and opus for reference audio. */
export const CLIP_SEND_CONTAINERS = ["wav", "mp3", "ogg"] as const;

/** One speaker's clip as the browser sends it to /api/speech. */
export interface DialogueReference {
  /** `data:audio/…;base64,…` — never a URL: the server fetches nothing the client names. */
  audio: string;
  /** What the clip says. */
  text: string;
  /** The file's name, for the result card; not sent to the provider. */
  name: string;
}

/** What a stored result remembers of its voices: "S1: a.wav, S2: b.wav". */
interface SpeakerVoiceNote {
  speaker: Speaker;
  clip: string;
}

export function speakerNotes(references: readonly { name: string }[] | undefined): SpeakerVoiceNote[] | undefined {
  if (!references?.length) return undefined;
  return references.map((r, i) => ({ speaker: SPEAKERS[i] ?? "S2", clip: r.name }));
}

/** The notes stored with a clip, when they have the expected shape. */
export function readSpeakerNotes(value: unknown): SpeakerVoiceNote[] | null {
  if (!Array.isArray(value)) return null;
  const notes = value.filter(
    (v): v is SpeakerVoiceNote =>
      typeof v === "object" && v !== null && typeof v.speaker === "string" && typeof v.clip === "string",
  );
  return notes.length ? notes : null;
}
