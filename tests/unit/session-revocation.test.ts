import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { newSession, SESSION_ABSOLUTE_S, SESSION_IDLE_S, signSession, verifySessionToken } from "@/lib/auth/session";
import { PEER_HEADER, peerHeaderValue } from "@/lib/http/peer";
import { withSimulatedProviders } from "./simulated-providers";

// Issue 17 finding 8: a session cookie kept working after "Sign out" (DELETE /api/auth) for its
// 30 days. Sign-out now revokes the session on the server, and sessions expire after a week without
// use (renewed while used, never past 30 days from sign-in).

type Handler = (request: Request) => Promise<Response>;

withSimulatedProviders({
  glm: false,
  key: "test-key-session",
  env: { ACCESS_CODE: "session-code", AUTH_SECRET: "session-secret-0123456789", REDIS_URL: undefined },
  reset: false,
});
let login: Handler;
let logout: Handler;
let models: Handler;
let proxy: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  const auth = await import("@/app/api/auth/route");
  login = auth.POST as Handler;
  logout = auth.DELETE as Handler;
  models = (await import("@/app/api/models/route")).GET as Handler;
  proxy = (await import("@/proxy")).proxy as typeof proxy;
});

const request = (path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) =>
  new Request(`http://app.test${path}`, {
    method: init.method ?? "GET",
    headers: {
      [PEER_HEADER]: peerHeaderValue("203.0.113.80"),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });

const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

describe("sign-out", () => {
  it("revokes the session: the same cookie opens neither an API route nor a page afterwards", async () => {
    const res = await login(request("/api/auth", { method: "POST", body: { code: "session-code" } }));
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`Max-Age=${SESSION_IDLE_S}\\b`));
    expect((await models(request("/api/models", { cookie }))).status).toBe(200);
    const page = await proxy(new NextRequest("http://app.test/settings", { headers: { cookie } }));
    expect(page.headers.get("location")).toBeNull();

    const out = await logout(request("/api/auth", { method: "DELETE", cookie }));
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^sp_session=; .*Max-Age=0/);

    // A copy of the cookie kept from before (another tab, a stolen value) no longer works.
    const after = await models(request("/api/models", { cookie }));
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    const pageAfter = await proxy(new NextRequest("http://app.test/settings", { headers: { cookie } }));
    expect(pageAfter.headers.get("location")).toMatch(/\/login\?next=%2Fsettings$/);
    // A fresh sign-in works again.
    const again = await login(request("/api/auth", { method: "POST", body: { code: "session-code" } }));
    expect((await models(request("/api/models", { cookie: cookieOf(again) }))).status).toBe(200);
  });
});

describe("session expiry", () => {
  const HOUR = 3600_000;
  const DAY = 24 * HOUR;

  it("ends after a week without use", async () => {
    const t0 = Date.now();
    const token = await signSession(newSession("access", t0));
    expect(await verifySessionToken(token, t0 + 6 * DAY)).not.toBeNull();
    expect(await verifySessionToken(token, t0 + SESSION_IDLE_S * 1000 + 1)).toBeNull();
  });

  it("slides while used, up to 30 days after sign-in", async () => {
    const t0 = Date.now();
    let token = await signSession(newSession("access", t0));
    // Fresh cookies are not re-sent on every request.
    expect((await verifySessionToken(token, t0 + 10 * 60_000))?.renew).toBeUndefined();
    let now = t0;
    for (let day = 6; day < 30; day += 6) {
      now = t0 + day * DAY;
      const session = await verifySessionToken(token, now);
      expect(session, `day ${day}`).not.toBeNull();
      expect(session?.renew).toBe(true);
      expect(session?.exp).toBe(Math.min(now + SESSION_IDLE_S * 1000, t0 + SESSION_ABSOLUTE_S * 1000));
      if (session) token = await signSession(session);
    }
    expect(await verifySessionToken(token, t0 + SESSION_ABSOLUTE_S * 1000 + 1)).toBeNull();
  });

  it("refuses an anonymous visitor's cookie as a signed-in session", async () => {
    const anonymous = await signSession(newSession("anonymous"));
    expect(await verifySessionToken(anonymous)).toBeNull();
    expect(await verifySessionToken(anonymous, Date.now(), "anonymous")).not.toBeNull();
  });
});
