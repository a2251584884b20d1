// A reference clip chosen for a dialogue speaker, made ready in the browser: recognised by its bytes,
// measured, turned into WAV when the provider would not take it as is (WebM, M4A) or when it is too
// large, and read as the base64 data URI /api/speech takes. Problems come back as message keys.

import type { MessageKey } from "@/lib/i18n";
import {
  CLIP_CONTAINERS,
  CLIP_FILE_MAX_BYTES,
  CLIP_MAX_BYTES,
  CLIP_MAX_SECONDS,
  CLIP_SEND_CONTAINERS,
} from "../dialogue-clips";
import { sniffAudio } from "../wav";
import { clipSeconds, toWav } from "./audio";

export interface ReadyClip {
  name: string;
  seconds: number;
  /** `data:audio/…;base64,…` */
  audio: string;
}

type ClipProblem = { key: MessageKey; vars: Record<string, string | number> };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export async function readClip(file: File): Promise<ReadyClip | ClipProblem> {
  const name = file.name || "clip";
  const container = sniffAudio(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (!container || !(CLIP_CONTAINERS as readonly string[]).includes(container)) {
    return { key: "speech.clips.badType", vars: { name } };
  }
  const tooBig = (size: number): ClipProblem => ({
    key: "speech.clips.tooBig",
    vars: { name, mb: mb(size), max: CLIP_MAX_BYTES / 1024 / 1024 },
  });
  if (file.size > CLIP_FILE_MAX_BYTES) return tooBig(file.size);
  let blob: Blob = file;
  let seconds: number;
  try {
    const sendable = (CLIP_SEND_CONTAINERS as readonly string[]).includes(container);
    // 24 kHz mono WAV keeps 30 s near 1.4 MB, inside the cap, and the provider takes WAV.
    if (!sendable || file.size > CLIP_MAX_BYTES) ({ wav: blob, seconds } = await toWav(file, 24000));
    else seconds = await clipSeconds(file);
  } catch {
    return { key: "speech.clips.unreadable", vars: { name } };
  }
  if (seconds > CLIP_MAX_SECONDS) {
    return { key: "speech.clips.tooLong", vars: { name, seconds: seconds.toFixed(1), max: CLIP_MAX_SECONDS } };
  }
  if (blob.size > CLIP_MAX_BYTES) return tooBig(blob.size);
  return { name, seconds, audio: await dataUri(blob) };
}

function dataUri(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
