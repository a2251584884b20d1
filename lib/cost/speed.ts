// Speed figures of a reply: time to first token, tokens per second, total time. Pure.
// The chat route sends `firstTokenMs` and `durationMs` measured on the server from the moment the
// request arrived (lib/chat/server/metadata.ts); a client may pass its own timestamps instead.

interface SpeedInput {
  /** When the request started (ms). */
  startedAt: number;
  /** When the first reasoning or answer token arrived (ms); absent if none did. */
  firstTokenAt?: number;
  /** When the reply ended (ms). */
  finishedAt: number;
  /** Completion tokens (reasoning included). */
  outputTokens: number;
}

export interface SpeedFigures {
  ttftMs: number | null;
  totalMs: number;
  /** Output tokens over the time from the first token to the end; null when that is too short to say. */
  tokensPerSecond: number | null;
}

/** Below this the rate is noise (one buffered chunk), so none is given. */
const MIN_GENERATION_MS = 50;

export function speedFigures({ startedAt, firstTokenAt, finishedAt, outputTokens }: SpeedInput): SpeedFigures {
  const totalMs = Math.max(0, finishedAt - startedAt);
  if (firstTokenAt === undefined) return { ttftMs: null, totalMs, tokensPerSecond: null };
  const ttftMs = Math.min(totalMs, Math.max(0, firstTokenAt - startedAt));
  const generationMs = totalMs - ttftMs;
  const tokensPerSecond =
    outputTokens > 0 && generationMs >= MIN_GENERATION_MS ? (outputTokens * 1000) / generationMs : null;
  return { ttftMs, totalMs, tokensPerSecond };
}

/** From the route's metadata (relative figures, no clock shared with the browser). */
export function speedFromMetadata(meta: {
  firstTokenMs?: number;
  durationMs?: number;
  usage?: { output: number };
}): SpeedFigures | null {
  if (meta.durationMs === undefined) return null;
  return speedFigures({
    startedAt: 0,
    firstTokenAt: meta.firstTokenMs,
    finishedAt: meta.durationMs,
    outputTokens: meta.usage?.output ?? 0,
  });
}
