import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext } from "@playwright/test";

// A place a hostile reply or file points the browser at: every request that reaches it is
// recorded. Two of them, because the page's CSP treats schemes differently: a real HTTP server on
// this machine, and https://trap.example answered by the browser context itself (it would need a
// certificate otherwise). A test that is about "no click, no fetch" expects both to stay empty.

export const TRAP_HOST = "trap.example";

export interface Trap {
  /** http://127.0.0.1:<port> */
  httpOrigin: string;
  /** Paths requested from either trap, in order. */
  hits: string[];
  close(): Promise<void>;
}

// A 1×1 transparent PNG, so a request the user did ask for shows an image.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export async function openTrap(context: BrowserContext): Promise<Trap> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`http ${req.url}`);
    res.writeHead(200, { "content-type": "image/png", "access-control-allow-origin": "*" }).end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  await context.route(`https://${TRAP_HOST}/**`, (route) => {
    hits.push(`https ${new URL(route.request().url()).pathname}`);
    return route.fulfill({ status: 200, contentType: "image/png", body: PNG });
  });
  return {
    httpOrigin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
