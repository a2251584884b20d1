import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { forgedHeaders, loopback, requestFrom, signInFrom } from "./support/from-address";

// Issue 17 finding 1, against the production server: X-Forwarded-For, X-Real-IP and the like are
// written by the client unless a proxy the operator declared (TRUSTED_PROXY_HOPS) wrote them. The
// locked server has no trusted proxy and allows 3 generations and 5 sign-in attempts a minute per
// address: rotating those headers on every request, and starting a new session each time, must not
// buy a single request more.

const LIMIT = 3;

// Every route that counts against the generation limit, with the body type it takes.
const LIMITED: { path: string; type: string }[] = [
  { path: "/api/chat", type: "application/json" },
  { path: "/api/complete", type: "application/json" },
  { path: "/api/images", type: "application/json" },
  { path: "/api/improve-prompt", type: "application/json" },
  { path: "/api/speech", type: "application/json" },
  { path: "/api/video/submit", type: "application/json" },
  { path: "/api/voices", type: "multipart/form-data; boundary=x" },
  { path: "/api/transcriptions", type: "multipart/form-data; boundary=x" },
];

test("the table names every rate-limited route", () => {
  const root = path.resolve(__dirname, "../..");
  const limited: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.ts$/.test(entry.name) && readFileSync(path.join(root, rel), "utf8").includes("rateLimit: true")) {
        limited.push(
          rel
            .replace(/^app/, "")
            .replace(/^pages/, "")
            .replace(/\/route\.ts$|\.ts$/, ""),
        );
      }
    }
  };
  walk("app/api");
  walk("pages/api");
  expect(LIMITED.map((r) => r.path).sort()).toEqual(limited.sort());
});

for (const [n, route] of LIMITED.entries()) {
  test(`POST ${route.path}: forged forwarding headers and fresh sessions buy nothing past the limit`, async ({
    lockedURL,
    locale,
  }) => {
    const address = loopback(locale, 30 + n);
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      // A new session for every request, so only the address can be what is counted.
      const cookie = await signInFrom(address, lockedURL, forgedHeaders(100 + i));
      const res = await requestFrom(address, `${lockedURL}${route.path}`, {
        method: "POST",
        headers: { "content-type": route.type, cookie, ...forgedHeaders(i) },
        body: "{}",
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
}

test("sign-in attempts: forged forwarding headers buy no extra guesses", async ({ lockedURL, locale }) => {
  const address = loopback(locale, 40);
  const guess = (code: string, i: number) =>
    requestFrom(address, `${lockedURL}/api/auth`, {
      method: "POST",
      headers: { "content-type": "application/json", ...forgedHeaders(i) },
      body: JSON.stringify({ code }),
    });
  for (let i = 0; i < 5; i++) expect((await guess(`wrong-${i}`, i)).status).toBe(401);
  const throttled = await guess("open-sesame", 5);
  expect(throttled.status).toBe(429);
  expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
});

test("naming someone else's address locks out nobody but the sender", async ({ lockedURL, locale }) => {
  const victim = loopback(locale, 41);
  const attacker = loopback(locale, 42);
  for (let i = 0; i < 6; i++) {
    await requestFrom(attacker, `${lockedURL}/api/auth`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": victim, "x-real-ip": victim },
      body: JSON.stringify({ code: `wrong-${i}` }),
    });
  }
  // The victim signs in; the attacker is the one throttled.
  expect(await signInFrom(victim, lockedURL)).toMatch(/^sp_session=/);
  const attackerAgain = await requestFrom(attacker, `${lockedURL}/api/auth`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: "open-sesame" }),
  });
  expect(attackerAgain.status).toBe(429);
});
