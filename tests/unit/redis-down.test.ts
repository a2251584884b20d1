import { type ChildProcess, spawn } from "node:child_process";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PEER_HEADER, peerHeaderValue } from "@/lib/http/peer";
import { RedisClient } from "@/lib/security/redis";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";

// Issue 17 finding 11: with REDIS_URL set, a stopped Redis turned every limited route into a 500.
// The behaviour chosen (README, "Redis down"): each instance counts in its own memory while Redis
// does not answer, logs that once, and goes back to Redis when it answers again. Tested against a
// real redis-server that is stopped and started again.

type Handler = (request: Request) => Promise<Response>;

let sim: RunningSimulator;
let redis: ChildProcess | undefined;
let port = 0;
let speech: Handler;
let login: Handler;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (probe.address() as AddressInfo).port;
      probe.close(() => resolve(p));
    });
  });
}

async function startRedis(): Promise<void> {
  redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const client = new RedisClient(`redis://127.0.0.1:${port}`, 500, 0);
  for (let i = 0; i < 100; i++) {
    try {
      if ((await client.command(["PING"])) === "PONG") break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  client.close();
}

async function stopRedis(): Promise<void> {
  const child = redis;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGKILL");
  });
}

async function keysInRedis(pattern: string): Promise<string[]> {
  const client = new RedisClient(`redis://127.0.0.1:${port}`, 1000, 0);
  try {
    return (await client.command(["KEYS", pattern])) as string[];
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  sim = await startSimulator({ port: 0 });
  process.env.SILICONFLOW_API_KEY = "test-key-redis-down";
  process.env.SILICONFLOW_BASE_URL = `${sim.url}/siliconflow/v1`;
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  process.env.RATE_LIMIT_PER_MINUTE = "2";
  process.env.ACCESS_CODE = "redis-down-code";
  process.env.AUTH_SECRET = "redis-down-secret-0123456789";
  speech = (await import("@/app/api/speech/route")).POST as Handler;
  login = (await import("@/app/api/auth/route")).POST as Handler;
});

afterAll(async () => {
  await stopRedis();
  await sim.close();
  for (const k of ["REDIS_URL", "ACCESS_CODE", "AUTH_SECRET", "RATE_LIMIT_PER_MINUTE"]) delete process.env[k];
});

const from = (address: string, init: { cookie?: string; body?: unknown } = {}) =>
  new Request("http://app.test/api", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [PEER_HEADER]: peerHeaderValue(address),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: JSON.stringify(init.body ?? {}),
  });

async function signIn(address: string): Promise<string> {
  const res = await login(from(address, { body: { code: "redis-down-code" } }));
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("sign-out with REDIS_URL", () => {
  it("reaches every instance: the revocation is kept in Redis, not only in this process", async () => {
    const logout = (await import("@/app/api/auth/route")).DELETE as Handler;
    const cookie = await signIn("203.0.113.60");
    const out = await logout(new Request("http://app.test/api/auth", { method: "DELETE", headers: { cookie } }));
    expect(out.status).toBe(200);
    expect(await keysInRedis("sp:revoked:*")).toHaveLength(1);
    // Another instance has nothing in its own memory: Redis alone must say the cookie is dead.
    delete (globalThis as { __spRevoked?: unknown }).__spRevoked;
    expect((await speech(from("203.0.113.60", { cookie }))).status).toBe(401);
  });
});

describe("rate limits while Redis is down", () => {
  it("count in this instance's memory instead of failing, and in Redis again once it is back", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    try {
      const cookieA = await signIn("203.0.113.61");
      const statuses = async (address: string, cookie: string, n: number) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) out.push((await speech(from(address, { cookie }))).status);
        return out;
      };
      expect(await statuses("203.0.113.61", cookieA, 3)).toEqual([400, 400, 429]);
      expect(await keysInRedis("sp:rl:*")).toEqual(expect.arrayContaining(["sp:rl:ip:203.0.113.61"]));

      await stopRedis();
      // Sign-in is throttled and answered, not a 500; the limit still holds per address and per session.
      const cookieB = await signIn("203.0.113.62");
      expect(await statuses("203.0.113.62", cookieB, 3)).toEqual([400, 400, 429]);
      for (let i = 0; i < 5; i++) await login(from("203.0.113.63", { body: { code: `wrong-${i}` } }));
      const throttled = await login(from("203.0.113.63", { body: { code: "redis-down-code" } }));
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
      const outage = warn.mock.calls.filter((c) => String(c[0]).startsWith("[rate-limit]"));
      expect(outage).toHaveLength(1);
      expect(String(outage[0]?.[0])).toContain("this instance's memory");

      // Links for a URL-only vision model cannot fall back to one instance's memory: a clear 503.
      const { RedisUploadStore } = await import("@/lib/uploads/store");
      const publishing = new RedisUploadStore(`redis://127.0.0.1:${port}`).put(
        { bytes: new Uint8Array([1]), mediaType: "image/png" },
        1000,
      );
      await expect(publishing).rejects.toMatchObject({ status: 503, code: "overloaded" });
      await expect(publishing).rejects.toHaveProperty("retryAfterMs");

      await startRedis();
      // The client waits a few seconds before it tries Redis again after a failure.
      let back = false;
      for (let i = 0; i < 40 && !back; i++) {
        await new Promise((r) => setTimeout(r, 250));
        await speech(from("203.0.113.64", { cookie: cookieB }));
        back = (await keysInRedis("sp:rl:ip:203.0.113.64")).length === 1;
      }
      expect(back).toBe(true);
      expect(info.mock.calls.some((c) => String(c[0]).includes("Redis answers again"))).toBe(true);
    } finally {
      warn.mockRestore();
      info.mockRestore();
    }
  }, 30_000);
});
