import http from "node:http";

// The app counts requests per TCP peer address (lib/auth/client-address.ts) and ignores
// X-Forwarded-For unless it runs behind a proxy you declared. Tests that need several "clients"
// connect from different loopback addresses (all of 127.0.0.0/8 reaches the server on Linux).

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** A loopback address of its own for each test and locale, so their counts never meet. */
export function loopback(locale: string, n: number): string {
  return `127.0.${locale === "zh" ? 2 : 1}.${n}`;
}

/** Signs in to the locked server from `address`; answers the session cookie. */
export async function signInFrom(address: string, lockedURL: string, headers: Record<string, string> = {}) {
  const res = await requestFrom(address, `${lockedURL}/api/auth`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ code: "open-sesame" }),
  });
  if (res.status !== 200) throw new Error(`sign-in from ${address} answered ${res.status}: ${res.text}`);
  const cookie = ([] as string[]).concat(res.headers["set-cookie"] ?? [])[0]?.split(";")[0];
  if (!cookie) throw new Error("sign-in set no cookie");
  return cookie;
}

/** Forged forwarding headers, different on every call. */
export function forgedHeaders(i: number): Record<string, string> {
  return {
    "x-forwarded-for": `198.51.100.${i % 250}, 203.0.113.${i % 250}`,
    "x-real-ip": `192.0.2.${i % 250}`,
    "x-vercel-forwarded-for": `198.18.0.${i % 250}`,
    "cf-connecting-ip": `198.18.1.${i % 250}`,
  };
}
