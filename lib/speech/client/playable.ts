// Raw PCM has no header, so no player can open it: wrap it as WAV for playback and download.
// The stored clip keeps the provider's bytes as they came.

import type { SpeechFormat } from "../bounds";
import { wavFromPcm16 } from "../wav";

export async function playableBlob(
  blob: Blob,
  settings: { format?: unknown; sampleRate?: unknown } | { format: SpeechFormat; sampleRate: number },
): Promise<Blob> {
  if (settings.format !== "pcm") return blob;
  const rate = typeof settings.sampleRate === "number" ? settings.sampleRate : 44100;
  return new Blob([wavFromPcm16(new Uint8Array(await blob.arrayBuffer()), rate)], { type: "audio/wav" });
}

/** A file name for a download: pcm is downloaded as wav. */
export function downloadName(createdAt: number, format: unknown): string {
  const stamp = new Date(createdAt).toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const ext = format === "mp3" || format === "opus" || format === "wav" ? format : format === "pcm" ? "wav" : "audio";
  return `speech-${stamp}.${ext}`;
}
