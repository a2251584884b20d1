import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { REDIS_RETRY_AFTER_MS, RedisClient } from "@/lib/security/redis";

// Images published for a URL-only vision model (GLM-4V-Flash) to fetch. The token is the only
// secret: 256 random bits, never stored as such — entries are keyed by its SHA-256, so a lookup
// compares digests of fixed length and a store dump does not hand out working links.

export type UploadMediaType = "image/jpeg" | "image/png";

export interface StoredUpload {
  bytes: Uint8Array;
  mediaType: UploadMediaType;
}

export interface UploadStore {
  /** Keeps the bytes for `ttlMs` and answers the token that fetches them. */
  put(upload: StoredUpload, ttlMs: number): Promise<string>;
  /** The upload, or null when the token is unknown or expired. */
  get(token: string): Promise<StoredUpload | null>;
}

/** base64url of 32 bytes: 43 characters, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** One process: bounded in bytes; expired entries go on every write, the oldest go when full. */
export class MemoryUploadStore implements UploadStore {
  private entries = new Map<string, StoredUpload & { expiresAt: number }>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly now: () => number = Date.now,
  ) {}

  async put(upload: StoredUpload, ttlMs: number): Promise<string> {
    const token = newToken();
    this.sweep();
    // Oldest first (Map keeps insertion order): a provider fetches within seconds, so the
    // entries that go are the ones least likely to be fetched again.
    for (const [key, entry] of this.entries) {
      if (this.bytes + upload.bytes.byteLength <= this.maxBytes) break;
      this.drop(key, entry);
    }
    this.entries.set(digest(token), { ...upload, expiresAt: this.now() + ttlMs });
    this.bytes += upload.bytes.byteLength;
    return token;
  }

  async get(token: string): Promise<StoredUpload | null> {
    if (!isToken(token)) return null;
    const key = digest(token);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.drop(key, entry);
      return null;
    }
    return { bytes: entry.bytes, mediaType: entry.mediaType };
  }

  /** Bytes held now (for tests and the bound). */
  get size(): number {
    return this.bytes;
  }

  private sweep() {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.drop(key, entry);
  }

  private drop(key: string, entry: StoredUpload) {
    this.entries.delete(key);
    this.bytes -= entry.bytes.byteLength;
  }
}

/**
 * Several instances behind a load balancer: the provider's fetch may reach another instance than
 * the one that took the chat request. Redis expires the keys itself (PX). The value is text
 * ("<media type> <base64>") because the small RESP client reads replies as UTF-8 strings.
 */
export class RedisUploadStore implements UploadStore {
  private client: RedisClient;

  constructor(url: string) {
    // An image is up to 5 MB (7 MB as base64): more time than the limiter's one-second commands.
    this.client = new RedisClient(url, 10_000);
  }

  async put(upload: StoredUpload, ttlMs: number): Promise<string> {
    const token = newToken();
    const value = `${upload.mediaType} ${Buffer.from(upload.bytes).toString("base64")}`;
    await this.command(["SET", `sp:upload:${digest(token)}`, value, "PX", Math.max(1, Math.round(ttlMs))]);
    return token;
  }

  async get(token: string): Promise<StoredUpload | null> {
    if (!isToken(token)) return null;
    const reply = await this.command(["GET", `sp:upload:${digest(token)}`]);
    if (typeof reply !== "string") return null;
    const space = reply.indexOf(" ");
    const mediaType = reply.slice(0, space);
    if (mediaType !== "image/jpeg" && mediaType !== "image/png") return null;
    return { mediaType, bytes: new Uint8Array(Buffer.from(reply.slice(space + 1), "base64")) };
  }

  /**
   * A link kept in one instance's memory may be fetched from another, so there is no local fallback
   * here: while Redis does not answer, publishing (and serving) answers 503 with Retry-After.
   */
  private async command(args: (string | number)[]) {
    try {
      return await this.client.command(args);
    } catch (err) {
      throw new AppError("overloaded", {
        status: 503,
        retryAfterMs: REDIS_RETRY_AFTER_MS,
        detail: `upload store: ${err instanceof Error ? err.message : String(err)}`,
        key: "error.uploads.storeDown",
      });
    }
  }
}

const g = globalThis as unknown as { __spUploadStore?: { url: string | undefined; store: UploadStore } };

/** The process's store: Redis when REDIS_URL is set, else memory. */
export function uploadStore(redisUrl: string | undefined): UploadStore {
  if (!g.__spUploadStore || g.__spUploadStore.url !== redisUrl) {
    g.__spUploadStore = { url: redisUrl, store: redisUrl ? new RedisUploadStore(redisUrl) : new MemoryUploadStore() };
  }
  return g.__spUploadStore.store;
}
