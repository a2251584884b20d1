import "server-only";
import { AppError } from "@/lib/errors";
import { RedisClient } from "./redis";

// Fixed-window counters per key. In memory by default; with REDIS_URL the counters
// live in Redis so every instance behind a load balancer shares them.

export interface Hit {
  count: number;
  resetMs: number;
}

export interface RateStore {
  hit(key: string, windowMs: number): Promise<Hit>;
}

export class MemoryStore implements RateStore {
  private windows = new Map<string, { count: number; resetAt: number }>();

  async hit(key: string, windowMs: number): Promise<Hit> {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
      if (this.windows.size > 50_000) this.sweep(now);
    }
    w.count++;
    return { count: w.count, resetMs: w.resetAt - now };
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

const HIT_SCRIPT =
  "local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return {c, redis.call('PTTL', KEYS[1])}";

export class RedisStore implements RateStore {
  private client: RedisClient;
  constructor(url: string) {
    this.client = new RedisClient(url);
  }

  async hit(key: string, windowMs: number): Promise<Hit> {
    const reply = await this.client.command(["EVAL", HIT_SCRIPT, 1, `sp:rl:${key}`, windowMs]);
    const [count, ttl] = Array.isArray(reply) ? reply : [];
    return { count: Number(count ?? 0), resetMs: Math.max(0, Number(ttl ?? windowMs)) };
  }
}

const g = globalThis as unknown as { __spRateStore?: { url: string | undefined; store: RateStore } };

export function rateStore(redisUrl: string | undefined): RateStore {
  if (!g.__spRateStore || g.__spRateStore.url !== redisUrl) {
    g.__spRateStore = { url: redisUrl, store: redisUrl ? new RedisStore(redisUrl) : new MemoryStore() };
  }
  return g.__spRateStore.store;
}

/** Counts one request against every key; the first key over its limit answers 429 with Retry-After. */
export async function enforceRateLimit(
  store: RateStore,
  keys: string[],
  limit: number,
  windowMs = 60_000,
): Promise<void> {
  const hits = await Promise.all(keys.map((k) => store.hit(k, windowMs)));
  const over = hits.find((h) => h.count > limit);
  if (over) {
    throw new AppError("rate_limited", {
      retryAfterMs: Math.max(1000, over.resetMs),
      message: {
        en: `Too many requests: this app allows ${limit} generations per minute. Wait a moment and try again.`,
        zh: `请求过于频繁：本应用每分钟最多允许 ${limit} 次生成。请稍候再试。`,
      },
    });
  }
}
