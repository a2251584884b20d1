import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n";
import { sharedRedis } from "./redis";

// Fixed-window counters per key. In memory by default; with REDIS_URL the counters live in Redis so
// every instance behind a load balancer shares them, and while Redis does not answer each instance
// counts in its own memory instead (the limit then holds per instance rather than not at all).

interface Hit {
  count: number;
  resetMs: number;
}

interface RateStore {
  hit(key: string, windowMs: number): Promise<Hit>;
}

/** Keys longer than this are stored as their digest, so no input can make one entry large. */
const MAX_KEY_CHARS = 96;
/** What one entry costs besides its key: the Map slot, the window object, the numbers. */
const ENTRY_OVERHEAD_BYTES = 96;

export function boundedKey(key: string): string {
  return key.length <= MAX_KEY_CHARS ? key : `h:${createHash("sha256").update(key).digest("base64url")}`;
}

interface MemoryStoreOptions {
  /** Bytes the counters may take (keys and entries); the oldest windows go first when full. */
  maxBytes?: number;
  /** Expired windows are swept at least this often, whatever the number of keys. */
  sweepEveryMs?: number;
  now?: () => number;
}

export class MemoryStore implements RateStore {
  private windows = new Map<string, { count: number; resetAt: number }>();
  private bytesUsed = 0;
  private lastSweep: number;
  private readonly maxBytes: number;
  private readonly sweepEveryMs: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
    this.sweepEveryMs = options.sweepEveryMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.lastSweep = this.now();
  }

  async hit(rawKey: string, windowMs: number): Promise<Hit> {
    const now = this.now();
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep(now);
    const key = boundedKey(rawKey);
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      // A new window moves to the end, so the Map stays ordered oldest first.
      if (w) this.remove(key);
      w = { count: 0, resetAt: now + windowMs };
      this.makeRoom(key);
      this.windows.set(key, w);
      this.bytesUsed += entryBytes(key);
    }
    w.count++;
    return { count: w.count, resetMs: w.resetAt - now };
  }

  /** Approximate bytes held, the figure the cap applies to. */
  get bytes(): number {
    return this.bytesUsed;
  }

  get size(): number {
    return this.windows.size;
  }

  /** Oldest windows first (insertion order): expired ones are among them, live ones go only when full. */
  private makeRoom(key: string) {
    for (const k of this.windows.keys()) {
      if (this.bytesUsed + entryBytes(key) <= this.maxBytes) break;
      this.remove(k);
    }
  }

  private sweep(now: number) {
    this.lastSweep = now;
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.remove(k);
  }

  private remove(key: string) {
    if (this.windows.delete(key)) this.bytesUsed -= entryBytes(key);
  }
}

function entryBytes(key: string): number {
  return key.length * 2 + ENTRY_OVERHEAD_BYTES;
}

const HIT_SCRIPT =
  "local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return {c, redis.call('PTTL', KEYS[1])}";

class RedisStore implements RateStore {
  constructor(private readonly url: string) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    const reply = await sharedRedis(this.url).command(["EVAL", HIT_SCRIPT, 1, `sp:rl:${boundedKey(key)}`, windowMs]);
    const [count, ttl] = Array.isArray(reply) ? reply : [];
    return { count: Number(count ?? 0), resetMs: Math.max(0, Number(ttl ?? windowMs)) };
  }
}

/** Redis while it answers; this instance's memory while it does not. One log line per outage. */
class FallbackStore implements RateStore {
  private down = false;

  constructor(
    private readonly primary: RateStore,
    private readonly local: RateStore = new MemoryStore(),
  ) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    try {
      const hit = await this.primary.hit(key, windowMs);
      if (this.down) {
        this.down = false;
        console.info("[rate-limit] Redis answers again: counting in Redis.");
      }
      return hit;
    } catch (err) {
      if (!this.down) {
        this.down = true;
        console.warn(
          `[rate-limit] Redis unavailable (${err instanceof Error ? err.message : String(err)}): counting in this instance's memory until it answers.`,
        );
      }
      return this.local.hit(key, windowMs);
    }
  }
}

const g = globalThis as unknown as { __spRateStore?: { url: string | undefined; store: RateStore } };

export function rateStore(redisUrl: string | undefined): RateStore {
  if (!g.__spRateStore || g.__spRateStore.url !== redisUrl) {
    g.__spRateStore = {
      url: redisUrl,
      store: redisUrl ? new FallbackStore(new RedisStore(redisUrl)) : new MemoryStore(),
    };
  }
  return g.__spRateStore.store;
}

/** Counts one request against every key; the first key over its limit answers 429 with Retry-After. */
export async function enforceRateLimit(
  store: RateStore,
  keys: string[],
  limit: number,
  windowMs = 60_000,
  /** The message, given `{limit}`. */
  key: MessageKey = "error.rate.generations",
): Promise<void> {
  const hits = await Promise.all(keys.map((k) => store.hit(k, windowMs)));
  const over = hits.find((h) => h.count > limit);
  if (over) throw new AppError("rate_limited", { retryAfterMs: Math.max(1000, over.resetMs), key, vars: { limit } });
}
