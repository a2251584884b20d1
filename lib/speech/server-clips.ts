import "server-only";
import {
  CLIP_MAX_BYTES,
  CLIP_MAX_SECONDS,
  CLIP_SEND_CONTAINERS,
  CLIP_TEXT_MAX_CHARS,
  type DialogueReference,
  SPEAKERS,
} from "./dialogue-clips";
import { badRequest } from "./server-form";
import { sniffAudio, wavDurationSeconds } from "./wav";

// The route's own check of the dialogue clips (the browser checked them too, but a request can come
// from anywhere): each is a base64 data URI of audio the provider takes, known by its bytes, within
// the size cap and, for WAV where the header tells, the 30 s bound, with a transcript. What goes on is
// labelled from the bytes (the MIME type is ours, not the client's); the file names stay here.

const DATA_URI = /^data:([\w.+/-]{1,100})(;[\w.+=-]{1,100})*;base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MIME = { wav: "audio/wav", mp3: "audio/mpeg", ogg: "audio/ogg" } as const;

/** The provider's `references`, in speaker order; throws a 400 naming the speaker and what to do. */
export function providerReferences(references: readonly DialogueReference[]): { audio: string; text: string }[] {
  if (references.length !== SPEAKERS.length) {
    throw badRequest(
      "Give both speakers a reference clip: the model takes a clip for each speaker, or none.",
      "请为两位说话人都提供参考音频：模型要么使用每位说话人的参考音频，要么都不用。",
      `references must hold ${SPEAKERS.length} clips`,
    );
  }
  return references.map((ref, i) => checkClip(ref, SPEAKERS[i] ?? "S2"));
}

function checkClip(ref: DialogueReference, speaker: string): { audio: string; text: string } {
  const text = ref.text.trim();
  if (text === "") {
    throw badRequest(
      `Type what is said in the ${speaker} clip: the model needs the clip's transcript.`,
      `请输入 ${speaker} 参考音频中说的话：模型需要参考音频的文字内容。`,
      `${speaker} transcript is empty`,
    );
  }
  if ([...text].length > CLIP_TEXT_MAX_CHARS) {
    throw badRequest(
      `The ${speaker} transcript is longer than ${CLIP_TEXT_MAX_CHARS} characters. Use a shorter clip and its words.`,
      `${speaker} 的文字内容超过 ${CLIP_TEXT_MAX_CHARS} 个字符。请使用更短的参考音频及其文字。`,
      `${speaker} transcript too long`,
    );
  }
  const head = DATA_URI.exec(ref.audio);
  const payload = head ? ref.audio.slice(head[0].length) : "";
  if (!head || payload === "" || !BASE64.test(payload)) {
    throw badRequest(
      `The ${speaker} clip must be an audio file chosen on the page.`,
      `${speaker} 的参考音频必须是在页面上选择的音频文件。`,
      `${speaker} audio is not a base64 data URI`,
    );
  }
  // Decoded size from the base64 length, checked before decoding anything.
  const bytes = Math.floor((payload.length * 3) / 4) - (payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0);
  if (bytes > CLIP_MAX_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    const max = CLIP_MAX_BYTES / 1024 / 1024;
    throw badRequest(
      `The ${speaker} clip is ${mb} MB; a reference clip may be at most ${max} MB. Use a shorter clip (8–10 s is best).`,
      `${speaker} 的参考音频为 ${mb} MB，最多 ${max} MB。请使用更短的音频（8–10 秒最佳）。`,
      `${speaker} clip is ${bytes} bytes`,
    );
  }
  const audio = Buffer.from(payload.slice(0, 64 * 1024), "base64");
  const container = sniffAudio(audio.subarray(0, 64));
  if (!container || !(CLIP_SEND_CONTAINERS as readonly string[]).includes(container)) {
    throw badRequest(
      `The ${speaker} clip is not audio the provider accepts. Use a WAV, MP3 or Ogg/Opus file.`,
      `${speaker} 的参考音频不是服务商支持的格式。请使用 WAV、MP3 或 Ogg/Opus 文件。`,
      `${speaker} clip container: ${container ?? "unknown"}`,
    );
  }
  const seconds = container === "wav" ? wavDurationSeconds(audio, bytes) : null;
  if (seconds !== null && seconds > CLIP_MAX_SECONDS) {
    throw badRequest(
      `The ${speaker} clip is ${seconds.toFixed(1)} s long; a reference clip must be under ${CLIP_MAX_SECONDS} s (8–10 s is best). Trim it and try again.`,
      `${speaker} 的参考音频时长 ${seconds.toFixed(1)} 秒；参考音频必须短于 ${CLIP_MAX_SECONDS} 秒（8–10 秒最佳）。请剪短后重试。`,
      `${speaker} clip is ${seconds.toFixed(1)} s`,
    );
  }
  const mime = MIME[container as keyof typeof MIME];
  return { audio: `data:${mime};base64,${payload}`, text };
}
