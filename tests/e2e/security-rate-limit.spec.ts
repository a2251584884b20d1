import { expect, test } from "./support/fixtures";

// Generation routes count every request (valid or not) per session and per address.
// The locked server allows 3 a minute in memory; the two "shared" servers allow 3 a
// minute between them, counted in one Redis.

const LIMIT = 3;

test("the request after the limit gets 429 with Retry-After", async ({ request, lockedURL, locale }) => {
  const ip = locale === "zh" ? "198.51.100.21" : "198.51.100.11";
  const login = await request.post(`${lockedURL}/api/auth`, {
    data: { code: "open-sesame" },
    headers: { "x-forwarded-for": ip },
  });
  expect(login.status()).toBe(200);
  for (let i = 0; i < LIMIT; i++) {
    const res = await request.post(`${lockedURL}/api/speech`, { data: {}, headers: { "x-forwarded-for": ip } });
    expect(res.status(), `request ${i + 1}`).toBe(400);
  }
  const over = await request.post(`${lockedURL}/api/speech`, { data: {}, headers: { "x-forwarded-for": ip } });
  expect(over.status()).toBe(429);
  const retryAfter = Number(over.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = await over.json();
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.message.zh).toContain("每分钟");
});

test("in Redis mode two app instances share one count", async ({ request, sharedURLs, locale }) => {
  const [a, b] = sharedURLs;
  const headers = { "x-forwarded-for": locale === "zh" ? "198.51.100.22" : "198.51.100.12" };
  const statuses: number[] = [];
  for (const url of [a, b, a]) {
    statuses.push((await request.post(`${url}/api/speech`, { data: {}, headers })).status());
  }
  expect(statuses).toEqual([400, 400, 400]);
  const over = await request.post(`${b}/api/speech`, { data: {}, headers });
  expect(over.status()).toBe(429);
  expect(Number(over.headers()["retry-after"])).toBeGreaterThan(0);
  // A different address still has its own budget on either instance.
  const other = await request.post(`${a}/api/speech`, { data: {}, headers: { "x-forwarded-for": "198.51.100.99" } });
  expect(other.status()).toBe(400);
});
