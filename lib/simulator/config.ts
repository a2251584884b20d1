import { isIP } from "node:net";

export const SSE_VARIANTS = ["keep-alive", "empty-reasoning-delta", "finish-reason-empty", "content-filter"] as const;
export type SseVariant = (typeof SSE_VARIANTS)[number];

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
  /**
   * GLM vision may fetch links on private and loopback addresses. Real GLM cannot reach them, so
   * off by default; tests that publish images on 127.0.0.1 (and the in-process demo) turn it on.
   */
  imageFetchAllowPrivate: boolean;
  /**
   * Where result links point: "local" = this simulator's own /files URLs; "provider" = https links on
   * the providers' real media hosts (media-hosts.ts), served by this simulator over HTTPS.
   */
  mediaHosts: "local" | "provider";
  /** Simulated DNS answers that replace the defaults, e.g. a media host mapped to 10.0.0.7. */
  mediaDns: Record<string, string>;
  /**
   * GET /user/info: "retired" answers 410 as SiliconFlow has since 2026-08 (rikkahub #1811);
   * "balance" answers with the account's balance, as it did before.
   */
  userInfo: "retired" | "balance";
  /** Framing variants of SiliconFlow streams (sse-variants.ts). */
  sseVariants: SseVariant[];
  /** GLM-4V-Flash requests allowed in flight at once (seed 000: 并发数限制 10); 0 = no limit. */
  glmFlashConcurrency: number;
}

export const DEFAULT_SIM_CONFIG: Readonly<SimConfig> = Object.freeze<SimConfig>({
  imageUrlTtlMs: 3_600_000,
  videoQueueMs: 4_000,
  videoRunMs: 8_000,
  videoUrlTtlMs: 600_000,
  chatChunkDelayMs: 15,
  resultUrlOverride: null,
  imageFetchPrefixes: null,
  imageFetchTimeoutMs: 5_000,
  imageFetchAllowPrivate: false,
  mediaHosts: "local",
  mediaDns: {},
  userInfo: "retired",
  sseVariants: ["keep-alive", "empty-reasoning-delta"],
  glmFlashConcurrency: 10,
});

const NUMBER_KEYS = [
  "imageUrlTtlMs",
  "videoQueueMs",
  "videoRunMs",
  "videoUrlTtlMs",
  "chatChunkDelayMs",
  "imageFetchTimeoutMs",
  "glmFlashConcurrency",
] as const;

const CHOICES = {
  mediaHosts: ["local", "provider"],
  userInfo: ["retired", "balance"],
} as const;

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
    } else if (key === "mediaHosts" || key === "userInfo") {
      const allowed: readonly string[] = CHOICES[key];
      if (typeof value !== "string" || !allowed.includes(value))
        throw new Error(`${key} must be one of ${allowed.join(", ")}`);
      Object.assign(next, { [key]: value });
    } else if (key === "imageFetchAllowPrivate") {
      if (typeof value !== "boolean") throw new Error("imageFetchAllowPrivate must be true or false");
      next.imageFetchAllowPrivate = value;
    } else if (key === "sseVariants") {
      if (!Array.isArray(value) || !value.every((v) => (SSE_VARIANTS as readonly unknown[]).includes(v))) {
        throw new Error(`sseVariants must be a list of: ${SSE_VARIANTS.join(", ")}`);
      }
      next.sseVariants = [...(value as SseVariant[])];
    } else if (key === "mediaDns") {
      if (typeof value !== "object" || value === null || Array.isArray(value))
        throw new Error("mediaDns must be an object");
      const entries = Object.entries(value);
      if (!entries.every(([, a]) => typeof a === "string" && isIP(a) !== 0)) {
        throw new Error("mediaDns maps host names to IP addresses");
      }
      next.mediaDns = Object.fromEntries(entries.map(([h, a]) => [h.toLowerCase(), a as string]));
    } else {
      throw new Error(`unknown config key: ${key}`);
    }
  }
  return next;
}
