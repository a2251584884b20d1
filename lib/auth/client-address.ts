import type { RequestHead } from "@/lib/http/request-head";

// The client's address for throttling. Next's server appends the socket address to
// X-Forwarded-For, so the last entry is the peer; TRUSTED_PROXY_HOPS (e.g. 1 behind
// nginx) steps back over proxies you run. Entries a client wrote itself are ignored.
export function clientAddress(request: RequestHead): string {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? "0") || 0;
  const chain = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - 1 - hops] ?? chain[0] ?? request.headers.get("x-real-ip") ?? "unknown";
}
