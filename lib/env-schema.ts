// The environment schema without `server-only`, so next.config.ts can validate at server start.
import { z } from "zod";

// Empty strings count as unset: `.env.example` copies leave `KEY=` lines behind.
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const httpUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.siliconflow.cn/v1" }))
  .transform((v) => v.replace(/\/+$/, ""));

const positiveInt = z.coerce.number().int("must be a whole number").positive("must be greater than 0");

// Each entry an http(s) origin such as https://play.example.com (a path or a trailing slash is refused,
// so a typo cannot widen the list to something unexpected).
const originList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .refine(
    (list) => list.every((o) => URL.canParse(o) && /^https?:$/.test(new URL(o).protocol) && new URL(o).origin === o),
    "must be comma-separated origins such as https://play.example.com (scheme, host and port only)",
  );

export const envSchema = z.object({
  SILICONFLOW_API_KEY: optional(z.string().trim().min(1)),
  SILICONFLOW_BASE_URL: optional(httpUrl),
  GLM_API_KEY: optional(z.string().trim().min(1)),
  GLM_BASE_URL: optional(httpUrl),
  // " , " would silently switch access control off while the operator believes it is on.
  ACCESS_CODE: optional(
    z.string().refine((v) => v.split(",").some((c) => c.trim() !== ""), "must contain at least one non-empty code"),
  ),
  AUTH_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  PUBLIC_BASE_URL: optional(httpUrl),
  // Long enough for the provider to fetch an image right after the request; short so a leaked link dies soon.
  UPLOAD_URL_TTL_SECONDS: optional(positiveInt.max(86_400, "must be at most 86400 (one day)")),
  REDIS_URL: optional(
    z
      .string()
      .trim()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://"),
  ),
  RATE_LIMIT_PER_MINUTE: optional(positiveInt),
  UPSTREAM_CONNECT_TIMEOUT_MS: optional(positiveInt),
  UPSTREAM_FIRST_BYTE_TIMEOUT_MS: optional(positiveInt),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  // How many reverse proxies you run in front of the app (each appends to X-Forwarded-For).
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int("must be a whole number").min(0).max(10)),
  TRUSTED_ORIGINS: optional(originList),
  // Set by Vercel on its own platform: its edge writes the client address headers.
  VERCEL: optional(z.string()),
  UPLOADS_IN_FLIGHT_MB: optional(positiveInt),
  REQUEST_BODY_TIMEOUT_MS: optional(positiveInt),
  REQUEST_BODY_IDLE_TIMEOUT_MS: optional(positiveInt),
  // Tests only: a provider simulator that plays the providers' media hosts (lib/media/network.ts).
  MEDIA_TEST_NETWORK: optional(httpUrl),
});

export type RawEnv = z.infer<typeof envSchema>;

export interface ServerEnv {
  siliconflow: { apiKey?: string; baseUrl: string };
  glm: { apiKey?: string; baseUrl: string };
  /** No provider key at all: every request goes to the built-in simulator. */
  demo: boolean;
  accessCodes: string[];
  authSecret?: string;
  publicBaseUrl?: string;
  /** How long an image served to a URL-only vision model stays fetchable. */
  uploadUrlTtlSeconds: number;
  redisUrl?: string;
  rateLimitPerMinute: number;
  connectTimeoutMs: number;
  firstByteTimeoutMs: number;
  /** Reverse proxies in front of the app whose X-Forwarded-For entries are believed. */
  trustedProxyHops: number;
  /** Origins besides the app's own that may send state-changing requests (a proxy that rewrites Host). */
  trustedOrigins: string[];
  /** Running on Vercel, whose edge writes the client's address into x-vercel-forwarded-for. */
  onVercel: boolean;
  /** Request bodies (uploads) held in memory at once, all requests together; past it: 503. */
  uploadsInFlightBytes: number;
  /** The longest a request body may take to arrive, and the longest pause between two of its chunks. */
  bodyTimeoutMs: number;
  bodyIdleTimeoutMs: number;
  /** Tests only: download provider media through this simulator's network instead of the internet. */
  mediaTestNetwork?: string;
}

export const DEFAULT_SILICONFLOW_BASE_URL = "https://api.siliconflow.cn/v1";
export const DEFAULT_GLM_BASE_URL = "https://open.bigmodel.cn/api/paas/v4";

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join("\n")}\n` +
        "Fix these variables (see .env.example) and start the server again.",
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "(unknown)"),
        message: issue.message,
      })),
    );
  }
  const raw = result.data;
  const accessCodes = (raw.ACCESS_CODE ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    siliconflow: {
      apiKey: raw.SILICONFLOW_API_KEY,
      baseUrl: raw.SILICONFLOW_BASE_URL ?? DEFAULT_SILICONFLOW_BASE_URL,
    },
    glm: { apiKey: raw.GLM_API_KEY, baseUrl: raw.GLM_BASE_URL ?? DEFAULT_GLM_BASE_URL },
    demo: !raw.SILICONFLOW_API_KEY && !raw.GLM_API_KEY,
    accessCodes,
    authSecret: raw.AUTH_SECRET,
    publicBaseUrl: raw.PUBLIC_BASE_URL,
    uploadUrlTtlSeconds: raw.UPLOAD_URL_TTL_SECONDS ?? 600,
    redisUrl: raw.REDIS_URL,
    rateLimitPerMinute: raw.RATE_LIMIT_PER_MINUTE ?? 60,
    connectTimeoutMs: raw.UPSTREAM_CONNECT_TIMEOUT_MS ?? 10_000,
    firstByteTimeoutMs: raw.UPSTREAM_FIRST_BYTE_TIMEOUT_MS ?? 60_000,
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS ?? 0,
    trustedOrigins: raw.TRUSTED_ORIGINS ?? [],
    onVercel: !!raw.VERCEL && raw.VERCEL !== "0",
    uploadsInFlightBytes: (raw.UPLOADS_IN_FLIGHT_MB ?? 256) * 1024 * 1024,
    bodyTimeoutMs: raw.REQUEST_BODY_TIMEOUT_MS ?? 120_000,
    bodyIdleTimeoutMs: raw.REQUEST_BODY_IDLE_TIMEOUT_MS ?? 15_000,
    mediaTestNetwork: raw.MEDIA_TEST_NETWORK,
  };
}
