// WAV in and out, and recognising audio containers by their first bytes. Plain functions over
// bytes so the same code runs in the browser (recording, pcm downloads) and in the routes
// (checking uploads without trusting the client's Content-Type).

/** 16-bit little-endian PCM with a 44-byte RIFF header. */
export function wavFromPcm16(pcm: Uint8Array, sampleRate: number, channels = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(44 + pcm.byteLength);
  const view = new DataView(out.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + pcm.byteLength, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true); // byte rate
  view.setUint16(32, channels * 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, pcm.byteLength, true);
  out.set(pcm, 44);
  return out;
}

/** Mono float samples (−1…1) as a 16-bit WAV file. */
export function wavFromFloat32(samples: Float32Array, sampleRate: number): Uint8Array<ArrayBuffer> {
  const pcm = new Uint8Array(samples.length * 2);
  const view = new DataView(pcm.buffer);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return wavFromPcm16(pcm, sampleRate);
}

const text4 = (b: Uint8Array, at: number) =>
  String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);

/**
 * Seconds of a RIFF/WAVE file from its fmt and data chunks, or null when it is not a readable WAV.
 * `bytes` may be the file's first bytes only, with `totalBytes` the whole file's size.
 */
export function wavDurationSeconds(bytes: Uint8Array, totalBytes = bytes.byteLength): number | null {
  if (bytes.byteLength < 12 || text4(bytes, 0) !== "RIFF" || text4(bytes, 8) !== "WAVE") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let byteRate = 0;
  for (let at = 12; at + 8 <= bytes.byteLength; ) {
    const id = text4(bytes, at);
    const size = view.getUint32(at + 4, true);
    if (id === "fmt " && at + 20 <= bytes.byteLength) byteRate = view.getUint32(at + 16, true);
    // Streamed WAVs often declare a bogus (0 or 0xFFFFFFFF) data size: trust the bytes present.
    if (id === "data") return byteRate > 0 ? Math.min(size, totalBytes - at - 8) / byteRate : null;
    at += 8 + size + (size % 2);
  }
  return null;
}

export type AudioContainer = "wav" | "mp3" | "ogg" | "webm" | "mp4" | "flac";

/** The container of an audio file from its magic bytes, or null when it is not one we know. */
export function sniffAudio(bytes: Uint8Array): AudioContainer | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (text4(bytes, 0) === "RIFF" && text4(bytes, 8) === "WAVE") return "wav";
  if (text4(bytes, 0) === "OggS") return "ogg";
  if (text4(bytes, 0) === "fLaC") return "flac";
  if (b(0) === 0x1a && b(1) === 0x45 && b(2) === 0xdf && b(3) === 0xa3) return "webm";
  if (text4(bytes, 4) === "ftyp") return "mp4";
  if (b(0) === 0x49 && b(1) === 0x44 && b(2) === 0x33) return "mp3"; // ID3 tag
  if (b(0) === 0xff && (b(1) & 0xe0) === 0xe0 && (b(1) & 0x06) !== 0) return "mp3"; // MPEG audio frame sync
  return null;
}
