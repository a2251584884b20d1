// Shapes shared by the video routes (server) and the video poller (browser). Nothing here may
// import server-only code: the browser bundle reads the same constants.

/** The three output sizes SiliconFlow's Wan models accept (16:9, 9:16, 1:1). */
const VIDEO_SIZES = ["1280x720", "720x1280", "960x960"] as const;
type VideoSize = (typeof VIDEO_SIZES)[number];

/**
 * The studio's first choice when the user has none: the current Wan generation (upstream-contract.md,
 * "What changed by late 2026"). The model list is sorted by id, which would put the older Wan2.1 first.
 */
export const PREFERRED_VIDEO_MODELS = { textToVideo: "Wan-AI/Wan2.2-T2V-A14B", imageToVideo: "Wan-AI/Wan2.2-I2V-A14B" };

/** The provider's job states, normalised (unknown spellings are read tolerantly, see provider-status.ts). */
export type ProviderVideoStatus = "InQueue" | "InProgress" | "Succeed" | "Failed";

/** What POST /api/video/status answers. The result URL is never sent to the browser: media are bytes. */
export interface VideoStatusReply {
  status: ProviderVideoStatus;
  /** Queue position while InQueue, when the provider reports it. */
  position?: number;
  /** The provider's reason, for Failed. */
  reason?: string;
  /** The seed actually used, once Succeed. */
  seed?: number;
  /** Provider inference time in seconds, once Succeed. */
  inferenceSeconds?: number;
  /** Once Succeed: the provider made a cover image too (GLM), fetched with `part: "cover"`. */
  cover?: boolean;
}

/** The body of POST /api/video/submit (lib/video/contract.ts; the server maps it to the provider's names). */
export type { VideoSubmitInput as VideoSubmitBody, VideoSubmitReply } from "./contract";

/** Largest start image data URI the browser sends (characters); see MAX_FRAMES_TOTAL_BYTES in contract.ts. */
export const MAX_IMAGE_DATA_URI = Math.floor((7 * 1024 * 1024 * 4) / 3) + 64;

/** Largest video the content route streams; Wan clips (5 s, 720p) are a few MB, so this is generous. */
export const MAX_VIDEO_BYTES = 256 * 1024 * 1024;

/** Closest supported size for an image's aspect ratio (the provider matches I2V output the same way). */
export function sizeForAspect(width: number, height: number): VideoSize {
  if (!(width > 0 && height > 0)) return "1280x720";
  const ratio = width / height;
  const candidates: [VideoSize, number][] = [
    ["1280x720", 16 / 9],
    ["720x1280", 9 / 16],
    ["960x960", 1],
  ];
  let best = candidates[0]!;
  for (const c of candidates) {
    if (Math.abs(Math.log(ratio / c[1])) < Math.abs(Math.log(ratio / best[1]))) best = c;
  }
  return best[0];
}

/** Of `options`, the size whose aspect ratio is closest to `size`'s (the first option when none parse). */
export function closestSize(size: string, options: readonly string[]): string {
  if (options.includes(size)) return size;
  const want = parseSize(size);
  const ratio = want.width / want.height;
  let best = options[0] ?? size;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const option of options) {
    const o = parseSize(option);
    // Aspect first; among equal aspects, the nearest pixel count.
    const score =
      Math.abs(Math.log(ratio / (o.width / o.height))) * 1000 +
      Math.abs(Math.log((o.width * o.height) / (want.width * want.height)));
    if (score < bestScore) {
      bestScore = score;
      best = option;
    }
  }
  return best;
}

export function parseSize(size: string): { width: number; height: number } {
  const [w, h] = size.split("x").map(Number);
  return { width: w || 1280, height: h || 720 };
}
