import type { ModelInfo } from "@/lib/providers/catalog";

// How many tokens an image costs, per SiliconFlow's vision docs (seed 003, "detail" and "token").
// Pure: used in the composer before sending, and in unit tests.

export type ImageDetail = "low" | "high" | "auto";
export const IMAGE_DETAILS: readonly ImageDetail[] = ["auto", "low", "high"];

const QWEN_TILE = 28;
const QWEN_MIN_PIXELS = 3136;
const QWEN_MAX_PIXELS = 12_845_056;
const QWEN_LOW_TOKENS = 256;

/** Qwen-VL: low = 448×448 = 256 tokens; high = 28-pixel tiles within (3136, 12845056) pixels. */
export function qwenImageTokens(width: number, height: number, detail: ImageDetail): number {
  if (detail !== "high") return QWEN_LOW_TOKENS;
  let w = Math.max(QWEN_TILE, Math.ceil(width / QWEN_TILE) * QWEN_TILE);
  let h = Math.max(QWEN_TILE, Math.ceil(height / QWEN_TILE) * QWEN_TILE);
  if (w * h > QWEN_MAX_PIXELS) {
    const scale = Math.sqrt(QWEN_MAX_PIXELS / (w * h));
    w = Math.max(QWEN_TILE, Math.floor((w * scale) / QWEN_TILE) * QWEN_TILE);
    h = Math.max(QWEN_TILE, Math.floor((h * scale) / QWEN_TILE) * QWEN_TILE);
  } else if (w * h < QWEN_MIN_PIXELS) {
    const scale = Math.sqrt(QWEN_MIN_PIXELS / (w * h));
    w = Math.ceil((w * scale) / QWEN_TILE) * QWEN_TILE;
    h = Math.ceil((h * scale) / QWEN_TILE) * QWEN_TILE;
  }
  return (w / QWEN_TILE) * (h / QWEN_TILE);
}

const VL2_TILE = 384;
const VL2_MAX_TILES = 9;

/** The tile grid DeepSeek-VL2 picks: the one that keeps the most of the image, then wastes the least. */
function deepseekGrid(width: number, height: number): { cols: number; rows: number } {
  let best = { cols: 1, rows: 1 };
  let bestKept = -1;
  let bestWaste = Number.POSITIVE_INFINITY;
  for (let cols = 1; cols <= VL2_MAX_TILES; cols++) {
    for (let rows = 1; cols * rows <= VL2_MAX_TILES; rows++) {
      const W = cols * VL2_TILE;
      const H = rows * VL2_TILE;
      const scale = Math.min(W / width, H / height);
      const kept = Math.min(Math.floor(width * scale) * Math.floor(height * scale), width * height);
      const waste = W * H - kept;
      if (kept > bestKept || (kept === bestKept && waste < bestWaste)) {
        best = { cols, rows };
        bestKept = kept;
        bestWaste = waste;
      }
    }
  }
  return best;
}

/** DeepSeek-VL2: a 384-pixel global view plus 384-pixel local tiles; low (or > 2 images) = one tile. */
export function deepseekImageTokens(width: number, height: number, detail: ImageDetail, images = 1): number {
  const { cols, rows } = detail === "high" && images <= 2 ? deepseekGrid(width, height) : { cols: 1, rows: 1 };
  return (rows * cols + 1) * 196 + (cols + 1) * 14 + 1;
}

/** The estimate for one image on `model`, or null where no rule is published (GLM's own API). */
export function estimateImageTokens(
  model: Pick<ModelInfo, "id" | "provider">,
  width: number,
  height: number,
  detail: ImageDetail,
  images = 1,
): number | null {
  if (model.provider !== "siliconflow") return null;
  if (/deepseek-vl2/i.test(model.id)) return deepseekImageTokens(width, height, detail, images);
  return qwenImageTokens(width, height, detail);
}
