// What the bytes of an imported file really are. A backup is a file anyone can write: an
// "image/png" whose data URL says text/html, or an SVG with an onload handler, would become a Blob
// of that type, and opening it in a tab (as an object URL, on this app's origin) runs its script.
// So every imported Blob is typed from its own first bytes, and only media the app makes itself is
// kept: raster images, MP4/WebM video and audio. SVG, HTML and anything unrecognised is dropped.

import { sniffImage } from "@/lib/images/sniff";
import { type AudioContainer, sniffAudio } from "@/lib/speech/wav";

type MediaClass = "image" | "video" | "audio";

const AUDIO_MIME: Record<AudioContainer, string> = {
  wav: "audio/wav",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  flac: "audio/flac",
  webm: "audio/webm",
  mp4: "audio/mp4",
};

// Other names a recorder or provider gives the same containers; a clip keeps the one it had.
const AUDIO_ALIASES: Record<AudioContainer, readonly string[]> = {
  wav: ["audio/wav", "audio/x-wav", "audio/wave"],
  mp3: ["audio/mpeg", "audio/mp3"],
  ogg: ["audio/ogg", "audio/opus"],
  flac: ["audio/flac", "audio/x-flac"],
  webm: ["audio/webm"],
  mp4: ["audio/mp4", "audio/aac", "audio/x-m4a", "audio/m4a"],
};

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** Text that starts like markup (`<`, after a byte-order mark and whitespace). */
function looksLikeMarkup(b: Uint8Array): boolean {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c;
}

/**
 * The MIME type of `bytes` as media of class `cls`, or null when they are not. `declared` is the
 * type the file claimed: audio keeps it when it names the container the bytes are (with its
 * parameters, e.g. `audio/ogg; codecs=opus`), and raw PCM speech, which has no signature, is
 * accepted only as what it claims to be.
 */
export function sniffMediaType(bytes: Uint8Array, cls: MediaClass, declared?: string): string | null {
  if (cls === "image") return sniffImage(bytes)?.mime ?? null;
  if (cls === "video") {
    if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp") return "video/mp4";
    if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "video/webm";
    return null;
  }
  const container = sniffAudio(bytes);
  if (container) {
    const essence = declared?.split(";")[0]?.trim().toLowerCase() ?? "";
    const wellFormed = declared !== undefined && /^audio\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+"-]+)*$/i.test(declared);
    return wellFormed && AUDIO_ALIASES[container].includes(essence) ? declared : AUDIO_MIME[container];
  }
  if (declared === "audio/pcm" && bytes.length > 0 && !looksLikeMarkup(bytes)) return "audio/pcm";
  return null;
}

/** The class of media a declared type asks for (what a file part claims to be). */
export function mediaClassOf(declared: string): MediaClass | null {
  const top = declared.split("/")[0]?.toLowerCase();
  return top === "image" || top === "video" || top === "audio" ? top : null;
}

const CLASS_NAMES: Record<MediaClass, string> = {
  image: "a PNG, JPEG, WebP or GIF image",
  video: "an MP4 or WebM video",
  audio: "an audio file",
};

/** Why a file was dropped, for the import report. */
export function notMediaReason(cls: MediaClass): string {
  return `its file is not ${CLASS_NAMES[cls]} (SVG, HTML and other files are not imported)`;
}
