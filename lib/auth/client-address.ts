import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { peerFromHeaders } from "@/lib/http/peer";
import type { RequestHead } from "@/lib/http/request-head";
import { ipv6Groups } from "@/lib/media/ip";

// The client's address, for the per-address limits. Only what this server or a proxy the operator
// declared wrote counts:
// - no trusted proxy (the default): the TCP peer; X-Forwarded-For and X-Real-IP are ignored, since
//   Next keeps a value the client wrote;
// - TRUSTED_PROXY_HOPS=N: the N-th X-Forwarded-For entry from the right, the address the outermost
//   of your proxies saw (each appends its peer, as nginx's $proxy_add_x_forwarded_for does); a
//   shorter chain or an entry that is not an IP address counts as the TCP peer, never the leftmost;
// - on Vercel (VERCEL set by the platform): x-vercel-forwarded-for, which Vercel's edge writes
//   with the client's address and a proxy in front of Vercel cannot overwrite (vercel.com/docs/
//   headers/request-headers), then x-real-ip, the same value.
// IPv6 clients are counted per /64, the block one subscriber gets.

export const UNKNOWN_ADDRESS = "unknown";

interface AddressPolicy {
  trustedProxyHops: number;
  onVercel: boolean;
}

export function clientAddress(request: RequestHead, policy: AddressPolicy = getEnv()): string {
  const headers = request.headers;
  if (policy.onVercel) {
    for (const name of ["x-vercel-forwarded-for", "x-real-ip"]) {
      const value = normalizeAddress(headers.get(name)?.split(",")[0] ?? "");
      if (value) return value;
    }
  }
  const peer = normalizeAddress(request.peerAddress ?? peerFromHeaders(headers) ?? "");
  if (policy.trustedProxyHops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim());
    const entry = chain.length >= policy.trustedProxyHops ? chain[chain.length - policy.trustedProxyHops] : undefined;
    const forwarded = normalizeAddress(entry ?? "");
    if (forwarded) return forwarded;
  }
  return peer ?? UNKNOWN_ADDRESS;
}

/** A valid IP address in its counting form (IPv4, or an IPv6 /64 prefix), or undefined. */
export function normalizeAddress(text: string): string | undefined {
  const value = text.trim();
  const kind = isIP(value);
  if (kind === 4) return value;
  if (kind !== 6) return undefined;
  const groups = ipv6Groups(value);
  if (!groups) return undefined;
  const [a, b, c, d, e, f, g, h] = groups as [number, number, number, number, number, number, number, number];
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff) {
    return `${g >> 8}.${g & 255}.${h >> 8}.${h & 255}`;
  }
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0 && g === 0) return `::${h.toString(16)}`;
  return `${[a, b, c, d].map((n) => n.toString(16)).join(":")}::/64`;
}
