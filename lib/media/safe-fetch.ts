import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { Readable } from "node:stream";
import { AppError, type Provider } from "@/lib/errors";
import { resolveProvider } from "@/lib/upstream";
import { isProviderMediaHost } from "./hosts";
import { isPrivateAddress } from "./ip";
import { type MediaNetwork, mediaNetwork } from "./network";

// Media URLs come only from a provider's own response, and even those are checked:
// NextChat's /api/cors SSRF (CVE-2023-49785) and its startsWith allow-list bypass
// (CVE-2024-38514) are the failures this module exists to avoid.

const MAX_REDIRECTS = 3;

export interface SafeFetchOptions {
  signal?: AbortSignal;
  /** Largest body accepted; larger downloads fail with payload_too_large. */
  maxBytes: number;
  timeoutMs?: number;
  /** How hosts are resolved and reached; by default the server's own (network.ts). */
  network?: MediaNetwork;
}

export interface SafeDownload {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  contentLength?: number;
}

function refuse(detail: string): AppError {
  return new AppError("unsafe_url", { detail });
}

/** Origins the server itself is configured to talk to (the simulator in demo mode and tests). */
async function trustedOrigins(): Promise<Set<string>> {
  const origins = new Set<string>();
  for (const provider of ["siliconflow", "glm"] as Provider[]) {
    try {
      origins.add(new URL((await resolveProvider(provider)).baseUrl).origin);
    } catch {
      // an unconfigured provider contributes no origin
    }
  }
  return origins;
}

interface Target {
  url: URL;
  /** The address to connect to, checked once, so DNS cannot change between check and use. */
  address: string;
  family: 4 | 6;
  /** Where the socket for that address really goes (the simulated network), if not to it. */
  route?: { host: string; port: number };
}

async function checkTarget(raw: string, trusted: Set<string>, network: MediaNetwork): Promise<Target> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse("not an absolute URL");
  }
  if (url.username || url.password) throw refuse("credentials in URL");
  const isTrusted = trusted.has(url.origin);
  if (!isTrusted) {
    if (url.protocol !== "https:") throw refuse(`protocol ${url.protocol} not allowed`);
    if (!isProviderMediaHost(url.hostname)) throw refuse(`host ${url.hostname} is not a provider media host`);
  }
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(literal)
    ? [{ address: literal, family: isIP(literal) as 4 | 6 }]
    : await network.lookup(literal).catch(() => {
        throw refuse(`cannot resolve ${url.hostname}`);
      });
  const first = addresses[0];
  if (!first) throw refuse(`cannot resolve ${url.hostname}`);
  if (!isTrusted && addresses.some((a) => isPrivateAddress(a.address))) {
    throw refuse(`${url.hostname} resolves to a private address`);
  }
  return { url, address: first.address, family: first.family as 4 | 6, route: network.route?.(first.address) };
}

// Node's default agent keeps sockets alive. A server may close an idle one just as a request goes
// out on it, which fails as ECONNRESET / "socket hang up" with nothing sent back: for a GET that is
// safe to send once more, on a new socket.
const STALE_SOCKET = new Set(["ECONNRESET", "EPIPE"]);

type ResolvedList = { address: string; family: number }[];

function request(
  target: Target,
  options: SafeFetchOptions,
  network: MediaNetwork,
  retryStale = true,
): Promise<http.IncomingMessage> {
  const client = target.url.protocol === "https:" ? https : http;
  const address = target.route?.host ?? target.address;
  const family = isIP(address) === 6 ? 6 : 4;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target.url,
      {
        method: "GET",
        signal: options.signal,
        timeout: options.timeoutMs ?? 30_000,
        ...(target.route ? { port: target.route.port } : {}),
        // Connect to the address that was checked (TLS still verifies the host name). Since Node 20
        // sockets ask with `all: true` (happy eyeballs) and want a list back.
        lookup: (_host, opts, cb) => {
          if ((opts as { all?: boolean }).all) (cb as (e: null, a: ResolvedList) => void)(null, [{ address, family }]);
          else cb(null, address, family);
        },
        ...(network.ca ? { ca: network.ca } : {}),
        headers: { host: target.url.host, accept: "*/*", "user-agent": "siliconplay-media" },
      },
      resolve,
    );
    req.on("timeout", () => req.destroy(new AppError("timeout", { detail: "media download timed out" })));
    req.on("error", (err) => {
      const appError = err instanceof AppError ? err : new AppError("network", { cause: err });
      const code = (err as NodeJS.ErrnoException).code ?? "";
      if (retryStale && req.reusedSocket && STALE_SOCKET.has(code) && !options.signal?.aborted) {
        resolve(request(target, options, network, false));
      } else reject(appError);
    });
    req.end();
  });
}

/**
 * Downloads a file whose URL came from a provider's response. Refuses anything that
 * is not https to a provider media host (the configured provider origins excepted),
 * resolves to a private address, carries credentials, or redirects into one of those.
 */
export async function downloadProviderMedia(rawUrl: string, options: SafeFetchOptions): Promise<SafeDownload> {
  const trusted = await trustedOrigins();
  const network = options.network ?? (await mediaNetwork());
  let current = rawUrl;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const target = await checkTarget(current, trusted, network);
    const res = await request(target, options, network);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      current = new URL(res.headers.location, target.url).toString();
      continue;
    }
    if (status === 403 || status === 404 || status === 410) {
      res.resume();
      throw new AppError("expired", { detail: `media URL answered ${status}` });
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new AppError("upstream_error", { detail: `media URL answered ${status}` });
    }
    const length = Number(res.headers["content-length"] ?? "");
    if (Number.isFinite(length) && length > options.maxBytes) {
      res.destroy();
      throw new AppError("payload_too_large", { detail: `media is ${length} bytes` });
    }
    return {
      body: capped(res, options.maxBytes),
      contentType: String(res.headers["content-type"] ?? "application/octet-stream"),
      contentLength: Number.isFinite(length) ? length : undefined,
    };
  }
  throw refuse("too many redirects");
}

function capped(res: http.IncomingMessage, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  const source = Readable.toWeb(res) as ReadableStream<Uint8Array>;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          res.destroy();
          controller.error(new AppError("payload_too_large", { detail: "media exceeded the size cap" }));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

/** Reads a whole download into memory (images are small). */
export async function downloadToBuffer(
  rawUrl: string,
  options: SafeFetchOptions,
): Promise<{ bytes: Buffer; contentType: string }> {
  const { body, contentType } = await downloadProviderMedia(rawUrl, options);
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return { bytes: Buffer.concat(chunks), contentType };
}
