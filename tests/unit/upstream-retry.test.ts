import { describe, expect, it } from "vitest";
import { AppError, type ErrorCode } from "@/lib/errors";
import {
  backoffCeilingMs,
  MAX_ATTEMPTS,
  RETRY_AFTER_CAP_MS,
  RETRY_BASE_MS,
  RETRY_CAP_MS,
  retryDelayMs,
  shouldRetry,
} from "@/lib/upstream/retry";

const rateLimited = new AppError("rate_limited");
const almostOne = () => 0.999_999;

describe("retryDelayMs", () => {
  it("grows exponentially up to the cap", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 10].map(backoffCeilingMs);
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(RETRY_BASE_MS).toBe(500);
    expect(RETRY_CAP_MS).toBe(8000);
  });

  it("applies full jitter within [0, ceiling]", () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const ceiling = backoffCeilingMs(attempt);
      expect(retryDelayMs(attempt, rateLimited, () => 0)).toBe(0);
      expect(retryDelayMs(attempt, rateLimited, () => 0.5)).toBe(Math.floor(ceiling / 2));
      const high = retryDelayMs(attempt, rateLimited, almostOne);
      expect(high).toBeLessThanOrEqual(ceiling);
      expect(high).toBeGreaterThan(ceiling * 0.99);
    }
  });

  it("stays within bounds with the real random source", () => {
    for (let i = 0; i < 200; i++) {
      const attempt = 1 + (i % 5);
      const d = retryDelayMs(attempt, rateLimited);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(backoffCeilingMs(attempt));
    }
  });

  it("survives a misbehaving random source", () => {
    expect(retryDelayMs(1, rateLimited, () => Number.NaN)).toBe(0);
    expect(retryDelayMs(1, rateLimited, () => 7)).toBeLessThanOrEqual(500);
    expect(retryDelayMs(1, rateLimited, () => -1)).toBe(0);
  });

  it("honours Retry-After instead of the backoff", () => {
    const err = new AppError("rate_limited", { retryAfterMs: 1000 });
    expect(retryDelayMs(1, err, () => 0)).toBe(1000);
    expect(retryDelayMs(2, err, almostOne)).toBe(1000);
    expect(retryDelayMs(1, new AppError("overloaded", { retryAfterMs: 0 }), almostOne)).toBe(0);
  });

  it("caps Retry-After", () => {
    const err = new AppError("rate_limited", { retryAfterMs: 120_000 });
    expect(retryDelayMs(1, err)).toBe(RETRY_AFTER_CAP_MS);
  });
});

describe("shouldRetry", () => {
  const retryable: ErrorCode[] = ["rate_limited", "concurrency_limited", "overloaded", "network", "timeout"];
  const notRetryable: ErrorCode[] = [
    "invalid_key",
    "insufficient_balance",
    "verification_required",
    "model_disabled",
    "model_not_found",
    "quota_exceeded",
    "content_blocked",
    "bad_request",
    "prompt_too_long",
    "payload_too_large",
    "not_found",
    "upstream_error",
    "stream_interrupted",
    "internal",
  ];

  it.each(retryable)("retries %s before the last try", (code) => {
    const err = new AppError(code);
    expect(shouldRetry(err, 1)).toBe(true);
    expect(shouldRetry(err, 2)).toBe(true);
    expect(shouldRetry(err, 3)).toBe(false);
  });

  it.each(notRetryable)("never retries %s", (code) => {
    expect(shouldRetry(new AppError(code), 1)).toBe(false);
  });

  it("never allows more than 3 tries in total", () => {
    expect(MAX_ATTEMPTS).toBe(3);
    let tries = 0;
    for (let attempt = 1; ; attempt++) {
      tries++;
      if (!shouldRetry(rateLimited, attempt, 10)) break;
    }
    expect(tries).toBe(3);
  });

  it("respects a smaller maxAttempts", () => {
    expect(shouldRetry(rateLimited, 1, 1)).toBe(false);
    expect(shouldRetry(rateLimited, 1, 2)).toBe(true);
    expect(shouldRetry(rateLimited, 2, 2)).toBe(false);
    expect(shouldRetry(rateLimited, 1, 0)).toBe(false);
  });

  it("gives a long Retry-After back to the user instead of waiting", () => {
    expect(shouldRetry(new AppError("rate_limited", { retryAfterMs: RETRY_AFTER_CAP_MS }), 1)).toBe(true);
    expect(shouldRetry(new AppError("rate_limited", { retryAfterMs: RETRY_AFTER_CAP_MS + 1 }), 1)).toBe(false);
  });
});
