export interface SimConfig {
  /** Image result URLs answer 403 "Request has expired" after this long, like the provider's signed OSS links. */
  imageUrlTtlMs: number;
  /** How long a video job stays `InQueue` (with a decreasing `position`). */
  videoQueueMs: number;
  /** How long a video job stays `InProgress` before `Succeed` (or `Failed`). */
  videoRunMs: number;
  /** Video result URLs expire this long after the job succeeded. */
  videoUrlTtlMs: number;
  /** Pause between two SSE chunks of a chat stream. */
  chatChunkDelayMs: number;
  /** When set, image and video results point here instead of at the simulator (for SSRF tests). */
  resultUrlOverride: string | null;
  /** GLM vision fetches image URLs: null = any http(s) URL; a list = only URLs under these prefixes. */
  imageFetchPrefixes: string[] | null;
  /** How long a GLM vision request waits for one image URL. */
  imageFetchTimeoutMs: number;
}

export const DEFAULT_SIM_CONFIG: Readonly<SimConfig> = Object.freeze({
  imageUrlTtlMs: 3_600_000,
  videoQueueMs: 4_000,
  videoRunMs: 8_000,
  videoUrlTtlMs: 600_000,
  chatChunkDelayMs: 15,
  resultUrlOverride: null,
  imageFetchPrefixes: null,
  imageFetchTimeoutMs: 5_000,
});

const NUMBER_KEYS = [
  "imageUrlTtlMs",
  "videoQueueMs",
  "videoRunMs",
  "videoUrlTtlMs",
  "chatChunkDelayMs",
  "imageFetchTimeoutMs",
] as const;

/**
 * Merges a partial config from an untrusted source (control API, CLI, env) and throws a readable
 * message on the first bad value, so a typo in a test shows up at once instead of as odd timing.
 */
export function mergeConfig(base: SimConfig, patch: unknown): SimConfig {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw new Error("config must be an object");
  }
  const next: SimConfig = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new Error(`${key} must be a number >= 0`);
      }
      next[key as (typeof NUMBER_KEYS)[number]] = value;
    } else if (key === "resultUrlOverride") {
      if (value !== null && typeof value !== "string") throw new Error("resultUrlOverride must be a string or null");
      next.resultUrlOverride = value === "" ? null : value;
    } else if (key === "imageFetchPrefixes") {
      if (value !== null && !(Array.isArray(value) && value.every((p) => typeof p === "string"))) {
        throw new Error("imageFetchPrefixes must be a list of strings or null");
      }
      next.imageFetchPrefixes = value === null ? null : [...(value as string[])];
    } else {
      throw new Error(`unknown config key: ${key}`);
    }
  }
  return next;
}
