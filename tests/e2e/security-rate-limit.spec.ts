import { expect, test } from "./support/fixtures";
import { forgedHeaders, loopback, requestFrom, signInFrom } from "./support/from-address";

// Generation routes count every request (valid or not) per session and per address. The locked
// server allows 3 a minute in memory; the two "shared" servers allow 3 a minute between them,
// counted in one Redis. Each test connects from loopback addresses of its own (support/from-address.ts).

const LIMIT = 3;
const JSON_TYPE = { "content-type": "application/json" };

test("the request after the limit gets 429 with Retry-After", async ({ lockedURL, locale }) => {
  const address = loopback(locale, 11);
  const cookie = await signInFrom(address, lockedURL);
  for (let i = 0; i < LIMIT; i++) {
    const res = await requestFrom(address, `${lockedURL}/api/speech`, {
      method: "POST",
      headers: { ...JSON_TYPE, cookie },
      body: "{}",
    });
    expect(res.status, `request ${i + 1}`).toBe(400);
  }
  const over = await requestFrom(address, `${lockedURL}/api/speech`, {
    method: "POST",
    headers: { ...JSON_TYPE, cookie },
    body: "{}",
  });
  expect(over.status).toBe(429);
  const retryAfter = Number(over.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = JSON.parse(over.text);
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.message.zh).toContain("每分钟");
});

test("in Redis mode two app instances share one count", async ({ sharedURLs, locale }) => {
  const [a, b] = sharedURLs;
  const address = loopback(locale, 12);
  const post = (url: string, from = address, i = 0) =>
    requestFrom(from, `${url}/api/speech`, {
      method: "POST",
      headers: { ...JSON_TYPE, ...forgedHeaders(i) },
      body: "{}",
    });
  const statuses: number[] = [];
  for (const [i, url] of [a, b, a].entries()) statuses.push((await post(url, address, i)).status);
  expect(statuses).toEqual([400, 400, 400]);
  const over = await post(b, address, 9);
  expect(over.status).toBe(429);
  expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
  // A different address still has its own budget on either instance.
  expect((await post(a, loopback(locale, 13))).status).toBe(400);
});
