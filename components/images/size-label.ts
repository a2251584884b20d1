// "1024x576" → "1024 × 576 · 16:9": sizes read better with their shape.

const RATIOS: [number, number][] = [
  [1, 1],
  [4, 3],
  [3, 4],
  [3, 2],
  [2, 3],
  [16, 9],
  [9, 16],
  [2, 1],
  [1, 2],
  [7, 4],
  [4, 7],
];

function aspectName(width: number, height: number): string | null {
  const r = width / height;
  let best: [number, number] | null = null;
  let bestError = Infinity;
  for (const [w, h] of RATIOS) {
    const error = Math.abs(r - w / h) / (w / h);
    if (error < bestError) {
      best = [w, h];
      bestError = error;
    }
  }
  // Within 4%: 1664×928 is shown as 16:9, 1472×1140 as 4:3.
  return best && bestError <= 0.04 ? `${best[0]}:${best[1]}` : null;
}

export function sizeLabel(size: string): string {
  const [w, h] = size.split("x").map(Number);
  if (!w || !h) return size;
  const ratio = aspectName(w, h);
  return `${w} × ${h}${ratio ? ` · ${ratio}` : ""}`;
}
