import { isIP } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, UNKNOWN_ADDRESS } from "@/lib/auth/client-address";
import { PEER_HEADER, peerFromHeaders, peerHeaderValue } from "@/lib/http/peer";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";
import { type ServedRoute, serveRoute } from "./node-route";
import { requestFrom, serveWeb, type WebHandler, type WebServer } from "./web-route";

// Finding 1 of issue 17: a client-written X-Forwarded-For decided the address every per-address
// limit counted. Next keeps such a header as it is (it sets x-forwarded-for only when absent), so
// without a trusted proxy the address must be the TCP peer's.

const headers = (h: Record<string, string>) => new Headers(h);
const DIRECT = { trustedProxyHops: 0, onVercel: false };

describe("clientAddress", () => {
  it("uses the socket address and ignores X-Forwarded-For and X-Real-IP without a trusted proxy", () => {
    const request = {
      peerAddress: "203.0.113.9",
      headers: headers({ "x-forwarded-for": "198.51.100.1, 198.51.100.2", "x-real-ip": "198.51.100.3" }),
    };
    expect(clientAddress(request, DIRECT)).toBe("203.0.113.9");
    // The stamp written for App Router handlers counts the same.
    const stamped = {
      headers: headers({ [PEER_HEADER]: peerHeaderValue("203.0.113.10"), "x-forwarded-for": "1.1.1.1" }),
    };
    expect(clientAddress(stamped, DIRECT)).toBe("203.0.113.10");
    // No genuine stamp and no socket: one shared bucket, never a client's claim.
    const forged = { headers: headers({ [PEER_HEADER]: "guess 1.1.1.1", "x-forwarded-for": "1.1.1.1" }) };
    expect(clientAddress(forged, DIRECT)).toBe(UNKNOWN_ADDRESS);
  });

  it("behind N trusted proxies takes the N-th entry from the right, never the leftmost", () => {
    const via = (xff: string) => ({ peerAddress: "10.0.0.2", headers: headers({ "x-forwarded-for": xff }) });
    const one = { trustedProxyHops: 1, onVercel: false };
    const two = { trustedProxyHops: 2, onVercel: false };
    expect(clientAddress(via("6.6.6.6, 203.0.113.5"), one)).toBe("203.0.113.5");
    expect(clientAddress(via("6.6.6.6, 203.0.113.5, 10.0.0.9"), two)).toBe("203.0.113.5");
    // Too short a chain, or an entry that is no address: the peer (the proxy), not the leftmost.
    expect(clientAddress(via("203.0.113.5"), two)).toBe("10.0.0.2");
    expect(clientAddress(via("6.6.6.6, not-an-ip"), one)).toBe("10.0.0.2");
    expect(clientAddress(via("6.6.6.6, 203.0.113.5:8080"), one)).toBe("10.0.0.2");
    expect(clientAddress(via(""), one)).toBe("10.0.0.2");
  });

  it("reads Vercel's own client-address headers only when running on Vercel", () => {
    const request = {
      peerAddress: "10.0.0.2",
      headers: headers({ "x-vercel-forwarded-for": "203.0.113.44", "x-real-ip": "203.0.113.45" }),
    };
    expect(clientAddress(request, { trustedProxyHops: 0, onVercel: true })).toBe("203.0.113.44");
    expect(
      clientAddress({ ...request, headers: headers({ "x-real-ip": "203.0.113.45" }) }, { ...DIRECT, onVercel: true }),
    ).toBe("203.0.113.45");
    expect(clientAddress(request, DIRECT)).toBe("10.0.0.2");
  });

  it("counts IPv6 clients per /64 and IPv4 on a dual-stack socket as IPv4", () => {
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8:1:2:bbbb::2")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress("1.2.3.4.5")).toBeUndefined();
  });

  it("answers a short, valid key whatever the headers hold (no 15 KB keys in the limiter)", () => {
    const valid = (a: string) => a === UNKNOWN_ADDRESS || isIP(a) > 0 || /^[0-9a-f:]+::\/64$/.test(a);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20_000 }),
        fc.string({ maxLength: 100 }),
        fc.integer({ min: 0, max: 3 }),
        (xff, real, hops) => {
          const address = clientAddress(
            {
              headers: headers({
                "x-forwarded-for": xff.replace(/[\r\n\0]/g, ""),
                "x-real-ip": real.replace(/[\r\n\0]/g, ""),
              }),
            },
            { trustedProxyHops: hops, onVercel: hops === 3 },
          );
          expect(address.length).toBeLessThanOrEqual(45);
          expect(valid(address)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20261705 },
    );
  });
});

describe("the peer stamp", () => {
  let server: WebServer;
  beforeAll(async () => {
    const echo: WebHandler = async (request) =>
      Response.json({ peer: peerFromHeaders(request.headers) ?? null, raw: request.headers.get(PEER_HEADER) });
    server = await serveWeb({ "/echo": echo });
  });
  afterAll(() => server.close());

  it("replaces a stamp the client wrote with the socket address", async () => {
    const res = await requestFrom("127.0.0.7", `${server.url}/echo`, {
      headers: { [PEER_HEADER]: "forged 6.6.6.6", "x-forwarded-for": "6.6.6.6" },
    });
    const body = JSON.parse(res.text) as { peer: string; raw: string };
    expect(body.peer).toBe("127.0.0.7");
    expect(body.raw).not.toContain("6.6.6.6");
  });
});

// The limiter end to end over real sockets: forged forwarding headers do not buy more requests.
describe("rotating forwarding headers against a limited route", () => {
  let sim: RunningSimulator;
  let web: WebServer;
  let chat: ServedRoute;
  const LIMIT = 3;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, config: { chatChunkDelayMs: 0 } });
    process.env.SILICONFLOW_API_KEY = "test-key-address";
    process.env.SILICONFLOW_BASE_URL = `${sim.url}/siliconflow/v1`;
    process.env.RATE_LIMIT_PER_MINUTE = String(LIMIT);
    delete process.env.ACCESS_CODE;
    delete process.env.TRUSTED_PROXY_HOPS;
    const speech = (await import("@/app/api/speech/route")).POST as WebHandler;
    web = await serveWeb({ "/api/speech": speech });
    chat = await serveRoute((await import("@/pages/api/chat")).default);
  });
  afterAll(async () => {
    await web.close();
    await chat.close();
    await sim.close();
  });

  const forged = (i: number) => ({
    "content-type": "application/json",
    "x-forwarded-for": `198.51.100.${i}`,
    "x-real-ip": `198.51.100.${i + 100}`,
    "x-vercel-forwarded-for": `198.51.100.${i + 50}`,
  });

  it("counts the socket address for an App Router route and for the Pages API route", async () => {
    for (const [url, from] of [
      [`${web.url}/api/speech`, "127.0.0.21"],
      [`${chat.url}/api/chat`, "127.0.0.22"],
    ] as const) {
      const statuses: number[] = [];
      for (let i = 1; i <= LIMIT + 2; i++) {
        statuses.push((await requestFrom(from, url, { method: "POST", headers: forged(i), body: "{}" })).status);
      }
      expect(statuses, url).toEqual([400, 400, 400, 429, 429]);
      // Another client is not locked out by what this one claimed.
      const other = await requestFrom("127.0.0.23", url, { method: "POST", headers: forged(1), body: "{}" });
      expect(other.status, url).toBe(400);
    }
  });

  // Without ACCESS_CODE there was no per-session count at all: a visitor now carries a signed
  // anonymous session, counted like a signed-in one wherever it connects from.
  it("counts an anonymous visitor's session across addresses", async () => {
    for (const [url, base] of [
      [`${web.url}/api/speech`, 40],
      [`${chat.url}/api/chat`, 50],
    ] as const) {
      const first = await requestFrom(`127.0.0.${base}`, url, { method: "POST", headers: forged(1), body: "{}" });
      expect(first.status).toBe(400);
      const cookie = ([] as string[]).concat(first.headers["set-cookie"] ?? [])[0] ?? "";
      expect(cookie).toMatch(/^sp_anon=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);
      // The request that created the session is not counted against it (it had no session yet).
      const statuses: number[] = [];
      for (let i = 1; i <= LIMIT + 1; i++) {
        const res = await requestFrom(`127.0.0.${base + i}`, url, {
          method: "POST",
          headers: { ...forged(i), cookie: cookie.split(";")[0] ?? "" },
          body: "{}",
        });
        statuses.push(res.status);
        // The same session: no new cookie is handed out on each request.
        expect(res.headers["set-cookie"]).toBeUndefined();
      }
      expect(statuses, url).toEqual([400, 400, 400, 429]);
    }
  });
});
