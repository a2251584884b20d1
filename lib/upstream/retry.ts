import "server-only";
import type { AppError, ErrorCode } from "@/lib/errors";

// Pure retry policy for the upstream client. It is only ever asked before the first response
// byte: once a body streams, a retry would duplicate output (and cost), so the client never asks.

export const RETRY_BASE_MS = 500;
export const RETRY_CAP_MS = 8_000;
/** The longest `Retry-After` we wait out inside one request; longer waits go back to the user. */
export const RETRY_AFTER_CAP_MS = 20_000;
/** Hard ceiling on tries per request, whatever a caller asks for. */
export const MAX_ATTEMPTS = 3;

/**
 * Codes that mean "the provider did not take the request; the same request may succeed soon".
 * `timeout` is here because the client only produces it before the first byte (connect or headers)
 * and a 504 from a gateway means the same.
 */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "rate_limited",
  "concurrency_limited",
  "overloaded",
  "network",
  "timeout",
]);

/**
 * Delay before the try that follows failed try number `attempt` (1-based). A provider's
 * `Retry-After` wins (capped); otherwise full jitter: uniform in [0, min(cap, base·2^(attempt−1))],
 * which spreads a crowd of clients that all hit the same 429 at once.
 */
export function retryDelayMs(attempt: number, err: AppError, rand: () => number = Math.random): number {
  if (err.retryAfterMs !== undefined && Number.isFinite(err.retryAfterMs)) {
    return Math.min(Math.max(0, Math.round(err.retryAfterMs)), RETRY_AFTER_CAP_MS);
  }
  return Math.floor(clamp01(rand()) * backoffCeilingMs(attempt));
}

/** Upper bound of the jittered delay after try `attempt`. */
export function backoffCeilingMs(attempt: number): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(exponent, 30));
}

/** Whether to try again after failed try number `attempt` (1-based). */
export function shouldRetry(err: AppError, attempt: number, maxAttempts: number = MAX_ATTEMPTS): boolean {
  const limit = Math.min(Math.max(1, Math.floor(maxAttempts)), MAX_ATTEMPTS);
  if (attempt >= limit) return false;
  if (!RETRYABLE.has(err.code)) return false;
  // A provider asking for a longer pause will refuse us again within this request: hand the
  // error (with its retryAfterMs) to the user at once instead of holding the request open.
  if (err.retryAfterMs !== undefined && err.retryAfterMs > RETRY_AFTER_CAP_MS) return false;
  return true;
}

function clamp01(n: number): number {
  if (!Number.isFinite(n) || n < 0) return 0;
  return n >= 1 ? 1 - Number.EPSILON : n;
}
