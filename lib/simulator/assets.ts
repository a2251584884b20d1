import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Binary samples made once with ffmpeg and lame (see assets/README.md). Each URL is written out in
// full because bundlers only trace `new URL("<literal>", import.meta.url)` into their output.
const LOCATIONS = {
  "clip.mp4": () => new URL("./assets/clip.mp4", import.meta.url),
  "chime-44100.mp3": () => new URL("./assets/chime-44100.mp3", import.meta.url),
  "chime-32000.mp3": () => new URL("./assets/chime-32000.mp3", import.meta.url),
  "chime.opus": () => new URL("./assets/chime.opus", import.meta.url),
} as const;

type AssetName = keyof typeof LOCATIONS;

const cache = new Map<AssetName, Buffer>();

export function asset(name: AssetName): Buffer {
  const cached = cache.get(name);
  if (cached) return cached;
  let data: Buffer;
  try {
    data = readFileSync(fileURLToPath(LOCATIONS[name]()));
  } catch {
    // A bundle that rewrote import.meta.url into something unreadable: fall back to the source tree.
    data = readFileSync(path.join(process.cwd(), "lib", "simulator", "assets", name));
  }
  cache.set(name, data);
  return data;
}
