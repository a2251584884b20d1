import "server-only";
import { createHash } from "node:crypto";
import { sharedRedis } from "@/lib/security/redis";

// Sessions ended by "Sign out" before their cookie expires. A signed cookie stays valid by itself,
// so logout records its session id here until the cookie's own expiry; every check (route
// handlers and proxy.ts) asks. In memory, and in Redis too with REDIS_URL so every instance
// knows. While Redis does not answer, this instance's own list still holds (a logout reaches the
// other instances once Redis is back only if it was written there: see README "Redis down").

/** Entries are small (a digest and a time); this many cover any real number of logouts per month. */
const MAX_ENTRIES = 100_000;

function keyOf(sid: string): string {
  return createHash("sha256").update(sid).digest("base64url").slice(0, 22);
}

const g = globalThis as unknown as { __spRevoked?: Map<string, number> };
function memory(): Map<string, number> {
  g.__spRevoked ??= new Map();
  return g.__spRevoked;
}

function remember(key: string, untilMs: number, now: number) {
  const list = memory();
  if (list.size >= MAX_ENTRIES) {
    for (const [k, until] of list) if (until <= now) list.delete(k);
    // Still full: the oldest logouts go first (their cookies are the nearest to expiring anyway).
    for (const k of list.keys()) {
      if (list.size < MAX_ENTRIES) break;
      list.delete(k);
    }
  }
  list.set(key, untilMs);
}

export async function revokeSession(sid: string, untilMs: number, redisUrl?: string, now = Date.now()) {
  const key = keyOf(sid);
  remember(key, untilMs, now);
  if (!redisUrl) return;
  const ttl = Math.max(1, Math.ceil(untilMs - now));
  try {
    await sharedRedis(redisUrl).command(["SET", `sp:revoked:${key}`, "1", "PX", ttl]);
  } catch (err) {
    console.warn(
      `[auth] Redis unavailable (${err instanceof Error ? err.message : String(err)}): this sign-out is known to this instance only.`,
    );
  }
}

export async function isSessionRevoked(sid: string, redisUrl?: string, now = Date.now()): Promise<boolean> {
  const key = keyOf(sid);
  const until = memory().get(key);
  if (until !== undefined) {
    if (until > now) return true;
    memory().delete(key);
  }
  if (!redisUrl) return false;
  try {
    return (await sharedRedis(redisUrl).command(["EXISTS", `sp:revoked:${key}`])) === 1;
  } catch {
    // Redis down: the local list above is all there is (the rate limiter logs the outage).
    return false;
  }
}
