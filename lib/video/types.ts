// Shapes shared by the video routes (server) and the video poller (browser). Nothing here may
// import server-only code: the browser bundle reads the same constants.

/** The three output sizes SiliconFlow's Wan models accept (16:9, 9:16, 1:1). */
export const VIDEO_SIZES = ["1280x720", "720x1280", "960x960"] as const;
export type VideoSize = (typeof VIDEO_SIZES)[number];

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
}

/** The body of POST /api/video/submit (camelCase; the route maps it to the provider's field names). */
export interface VideoSubmitBody {
  model: string;
  prompt: string;
  negativePrompt?: string;
  size: VideoSize;
  seed?: number;
  /** The start image as a `data:image/...;base64,` URI: the server never fetches a client URL. */
  image?: string;
}

export interface VideoSubmitReply {
  requestId: string;
}

/** Largest start image data URI the submit route accepts (characters, ≈ 7.5 MB of image bytes). */
export const MAX_IMAGE_DATA_URI = 10 * 1024 * 1024;

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

export function parseSize(size: string): { width: number; height: number } {
  const [w, h] = size.split("x").map(Number);
  return { width: w || 1280, height: h || 720 };
}
