/**
 * Live text reaches React at most this often, however fast the tokens come (200 chunks/s is
 * normal). A very long reply redraws less often: each redraw costs more (its newest markdown block
 * is parsed again), and the new text lands at the bottom anyway.
 */
const STREAM_THROTTLE_MS = 80;

export function throttleFor(length: number): number {
  return length > 64_000 ? 250 : length > 24_000 ? 160 : STREAM_THROTTLE_MS;
}
