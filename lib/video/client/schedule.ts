// When to ask the provider again. A video takes minutes, so polls start a couple of seconds apart
// and grow ×1.5 up to 15 s. The schedule is computed from the stored row (poll count and time of
// the last write), so a reloaded page or a tab that takes over polling continues it instead of
// starting a fresh burst.

import type { VideoJob } from "@/lib/db/schema";

export const POLL_BASE_MS = 2000;
const POLL_GROWTH = 1.5;
/** Cap as a multiple of the base: 2 s → 15 s. */
const POLL_CAP_FACTOR = 7.5;

/**
 * Test hook: `localStorage["video.pollMs"] = "250"` sets the base interval (the cap scales with it),
 * so an end-to-end run against a simulator with a short timeline finishes in seconds.
 */
const POLL_BASE_STORAGE_KEY = "video.pollMs";

export function pollBaseMs(): number {
  try {
    const raw = typeof localStorage !== "undefined" ? localStorage.getItem(POLL_BASE_STORAGE_KEY) : null;
    const n = raw === null ? Number.NaN : Number(raw);
    // Bounded so a stray value can neither hammer the provider nor stall jobs.
    if (Number.isFinite(n) && n >= 50 && n <= 60_000) return n;
  } catch {
    // storage blocked (privacy mode): use the default
  }
  return POLL_BASE_MS;
}

/** Delay before poll number `polls + 1`. */
export function pollIntervalMs(polls: number, base = POLL_BASE_MS): number {
  return Math.min(base * POLL_GROWTH ** Math.max(0, polls), base * POLL_CAP_FACTOR);
}

export function nextPollAt(job: Pick<VideoJob, "updatedAt" | "polls">, base = POLL_BASE_MS): number {
  return job.updatedAt + pollIntervalMs(job.polls ?? 0, base);
}
