import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isPrivateAddress } from "../media/ip";

// GLM fetches an image_url itself and fails the request when it cannot get a picture. The simulator
// does the same, so an end-to-end run proves the app's published link really serves the image;
// what it fetched goes into the request's log entry.

export interface ImageFetch {
  url: string;
  ok: boolean;
  /** HTTP status, or 0 when no response came (refused, timeout, connection error). */
  status: number;
  bytes: number;
  contentType: string;
  error?: string;
}

const MAX_BYTES = 10 * 1024 * 1024;

/** JPEG or PNG by their first bytes (GLM takes jpg/png/jpeg). */
function looksLikeImage(b: Uint8Array): boolean {
  const jpeg = b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  const png = b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
  return jpeg || png;
}

async function readCapped(res: Response): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

interface FetchImageOptions {
  /** null: any http(s) URL; a list: only URLs under one of these prefixes. */
  prefixes: readonly string[] | null;
  timeoutMs: number;
  /** Fetch from private and loopback addresses too (real GLM cannot: its servers are on the internet). */
  allowPrivate: boolean;
}

/** Why GLM could not reach this host, or null when it is on the public internet. */
async function unreachable(hostname: string): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `cannot resolve ${host}`;
  }
  const blocked = addresses.find(isPrivateAddress);
  return blocked ? `not fetched: ${host} is a private or loopback address (${blocked}) that GLM cannot reach` : null;
}

/**
 * Fetches one image URL. `prefixes` null: any http(s) URL (a standalone simulator on a test
 * machine); a list: only URLs under one of them — the in-process demo simulator runs inside the
 * app server and must not become a way to make that server fetch what a client names. Private and
 * loopback hosts are refused unless `allowPrivate`, as GLM (on the internet) cannot reach them.
 */
export async function fetchImage(url: string, options: FetchImageOptions): Promise<ImageFetch> {
  const { prefixes, timeoutMs, allowPrivate } = options;
  const out: ImageFetch = { url, ok: false, status: 0, bytes: 0, contentType: "" };
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response | undefined;
    let current = url;
    for (let hop = 0; hop <= 3; hop++) {
      if (!/^https?:\/\//i.test(current)) return { ...out, error: "not an http(s) URL" };
      if (prefixes && !prefixes.some((p) => current.startsWith(p)))
        return { ...out, error: "not fetched: outside the allowed prefixes" };
      // Every hop is checked: a public link that redirects into a private network fails at GLM too.
      const why = allowPrivate ? null : await unreachable(new URL(current).hostname);
      if (why) return { ...out, error: why };
      res = await fetch(current, { signal, redirect: "manual" });
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) break;
      await res.body?.cancel();
      current = new URL(location, current).toString();
    }
    if (!res) return { ...out, error: "no response" };
    out.status = res.status;
    out.contentType = res.headers.get("content-type") ?? "";
    const body = await readCapped(res);
    if (!body) return { ...out, error: "larger than 10 MB" };
    out.bytes = body.byteLength;
    if (!res.ok) return { ...out, error: `HTTP ${res.status}` };
    if (!out.contentType.toLowerCase().startsWith("image/") || !looksLikeImage(body)) {
      return { ...out, error: "not a JPEG or PNG image" };
    }
    return { ...out, ok: true };
  } catch (err) {
    return { ...out, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}
