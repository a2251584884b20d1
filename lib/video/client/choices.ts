// What the video form offers before the user chooses: the preferred models and the output sizes,
// fitted to a start image's aspect ratio. Browser only; the server checks sizes against the model's spec.

/** The three output sizes SiliconFlow's Wan models accept (16:9, 9:16, 1:1). */
const VIDEO_SIZES = ["1280x720", "720x1280", "960x960"] as const;
type VideoSize = (typeof VIDEO_SIZES)[number];

/**
 * The studio's first choice when the user has none: the current Wan generation (upstream-contract.md,
 * "What changed by late 2026"). The model list is sorted by id, which would put the older Wan2.1 first.
 */
export const PREFERRED_VIDEO_MODELS = { textToVideo: "Wan-AI/Wan2.2-T2V-A14B", imageToVideo: "Wan-AI/Wan2.2-I2V-A14B" };

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
