import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

// The TCP peer of a request, for App Router handlers. Next hands them a web Request built from
// Node's request with the headers only, and it sets x-forwarded-for to the socket address only
// when the client sent none (`??=` in next/dist/server/base-server.js), so a client-written value
// reaches the handler as if Next had written it. Node publishes every request it parses on the
// `http.server.request.start` diagnostics channel, before the server's 'request' listeners run
// (Next's included); instrumentation.ts subscribes there, in `next start`, the standalone
// server.js and `next dev` alike, and stamps the socket address into a header of ours. The stamp
// carries a per-process random secret, so a client cannot write one itself: a request parsed
// before the subscription (the first instants after start) simply has none.

export const PEER_HEADER = "x-siliconplay-peer";

const SECRET = Symbol.for("siliconplay.peer-secret");
const INSTALLED = Symbol.for("siliconplay.peer-stamp");
const g = globalThis as unknown as { [SECRET]?: string; [INSTALLED]?: boolean };

// On globalThis: instrumentation.ts and each route are separate bundles with their own module copies.
function secret(): string {
  g[SECRET] ??= randomBytes(24).toString("base64url");
  return g[SECRET];
}

/** Writes the socket address of `request` into its headers, replacing anything the client sent there. */
export function stampPeer(request: IncomingMessage): void {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[PEER_HEADER] = `${secret()} ${address}`;
  else delete request.headers[PEER_HEADER];
}

/** Stamps every request this process's HTTP servers receive from now on; once per process. */
export function installPeerStamp(): void {
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const request = (message as { request?: IncomingMessage }).request;
    if (request) stampPeer(request);
  });
}

/** The stamped socket address, or undefined when the request carries no genuine stamp. */
export function peerFromHeaders(headers: { get(name: string): string | null }): string | undefined {
  const value = headers.get(PEER_HEADER);
  if (!value) return undefined;
  const space = value.indexOf(" ");
  if (space <= 0) return undefined;
  const given = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(secret());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return value.slice(space + 1);
}

/** A genuine stamp for `address`, as the server would write it: for tests that call handlers directly. */
export function peerHeaderValue(address: string): string {
  return `${secret()} ${address}`;
}
