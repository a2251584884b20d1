// Browser-side audio work: decode any clip the browser can play, measure it, and re-encode it as WAV.
// An OfflineAudioContext decodes without an output device or a user gesture, and decoding into a
// context of the target rate resamples in the same step.

import { wavFromFloat32 } from "../wav";

async function decodeAt(blob: Blob, sampleRate: number): Promise<AudioBuffer> {
  const ctx = new OfflineAudioContext(1, 1, sampleRate);
  return ctx.decodeAudioData(await blob.arrayBuffer());
}

/** Seconds of audio in a clip; throws when the browser cannot decode it. */
export async function clipSeconds(blob: Blob): Promise<number> {
  return (await decodeAt(blob, 16000)).duration;
}

/** Any decodable clip as 16-bit mono WAV at `sampleRate` (channels averaged). */
export async function toWav(blob: Blob, sampleRate = 24000): Promise<{ wav: Blob; seconds: number }> {
  const buffer = await decodeAt(blob, sampleRate);
  const mono = new Float32Array(buffer.length);
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < data.length; i++) mono[i] = (mono[i] ?? 0) + (data[i] ?? 0) / buffer.numberOfChannels;
  }
  return { wav: new Blob([wavFromFloat32(mono, buffer.sampleRate)], { type: "audio/wav" }), seconds: buffer.duration };
}

export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
