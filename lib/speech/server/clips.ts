import "server-only";
import {
  CLIP_MAX_BYTES,
  CLIP_MAX_SECONDS,
  CLIP_SEND_CONTAINERS,
  CLIP_TEXT_MAX_CHARS,
  type DialogueReference,
  SPEAKERS,
} from "../dialogue-clips";
import { sniffAudio, wavDurationSeconds } from "../wav";
import { badRequest } from "./form";

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
    throw badRequest({ key: "speech.server.bothClips" }, `references must hold ${SPEAKERS.length} clips`);
  }
  return references.map((ref, i) => checkClip(ref, SPEAKERS[i] ?? "S2"));
}

function checkClip(ref: DialogueReference, speaker: string): { audio: string; text: string } {
  const text = ref.text.trim();
  if (text === "") {
    throw badRequest({ key: "speech.server.noTranscript", vars: { speaker } }, `${speaker} transcript is empty`);
  }
  if ([...text].length > CLIP_TEXT_MAX_CHARS) {
    throw badRequest(
      { key: "speech.server.transcriptTooLong", vars: { speaker, max: CLIP_TEXT_MAX_CHARS } },
      `${speaker} transcript too long`,
    );
  }
  const head = DATA_URI.exec(ref.audio);
  const payload = head ? ref.audio.slice(head[0].length) : "";
  if (!head || payload === "" || !BASE64.test(payload)) {
    throw badRequest(
      { key: "speech.server.clipNotFile", vars: { speaker } },
      `${speaker} audio is not a base64 data URI`,
    );
  }
  // Decoded size from the base64 length, checked before decoding anything.
  const bytes = Math.floor((payload.length * 3) / 4) - (payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0);
  if (bytes > CLIP_MAX_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    const max = CLIP_MAX_BYTES / 1024 / 1024;
    throw badRequest(
      { key: "speech.server.clipTooBig", vars: { speaker, mb, max } },
      `${speaker} clip is ${bytes} bytes`,
    );
  }
  const audio = Buffer.from(payload.slice(0, 64 * 1024), "base64");
  const container = sniffAudio(audio.subarray(0, 64));
  if (!container || !(CLIP_SEND_CONTAINERS as readonly string[]).includes(container)) {
    throw badRequest(
      { key: "speech.server.clipNotAudio", vars: { speaker } },
      `${speaker} clip container: ${container ?? "unknown"}`,
    );
  }
  const seconds = container === "wav" ? wavDurationSeconds(audio, bytes) : null;
  if (seconds !== null && seconds > CLIP_MAX_SECONDS) {
    throw badRequest(
      { key: "speech.server.clipTooLong", vars: { speaker, seconds: seconds.toFixed(1), max: CLIP_MAX_SECONDS } },
      `${speaker} clip is ${seconds.toFixed(1)} s`,
    );
  }
  const mime = MIME[container as keyof typeof MIME];
  return { audio: `data:${mime};base64,${payload}`, text };
}
