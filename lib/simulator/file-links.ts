import { createHmac, randomUUID } from "node:crypto";
import type { StoredResult } from "./files";
import { type Ctx, send } from "./http";
import { type MediaStyle, providerMediaPath, providerMediaUrl } from "./media-hosts";

// Storing, linking and serving results need the request context (which holds the state); the
// FileStore itself (files.ts) is part of the state, so the two live apart to avoid an import circle.

interface ResultFile {
  style: MediaStyle;
  name: string;
  ext: string;
  body: Buffer;
  contentType: string;
  ttlMs: number;
}

/**
 * Stores a generated file and returns the link a client is given: in "local" media mode the
 * simulator's own /files path with OSS-style signature parameters (the real links carry them too),
 * in "provider" mode an https link on the provider's real media host (media-hosts.ts), and the
 * configured override for SSRF tests in either.
 */
export function publish(ctx: Ctx, file: ResultFile): string {
  return linkTo(ctx, storeResult(ctx, file), file.ttlMs);
}

export function storeResult(ctx: Ctx, file: ResultFile): StoredResult {
  const onProviderHost = ctx.state.config.mediaHosts === "provider";
  const path = onProviderHost ? providerMediaPath(file.style, file.ext) : `/${file.name}.${file.ext}`;
  ctx.state.files.put(path, file.body, file.contentType, file.ttlMs);
  return { style: file.style, path, onProviderHost };
}

export function linkTo(ctx: Ctx, stored: StoredResult, ttlMs: number): string {
  const override = ctx.state.config.resultUrlOverride;
  if (override) return override;
  if (stored.onProviderHost) return providerMediaUrl(stored.style, stored.path, ttlMs);
  return localUrl(ctx, stored.path, ttlMs);
}

/** A link to an already stored local file whose lifetime is counted from elsewhere (video jobs). */
function localUrl(ctx: Ctx, filePath: string, ttlMs: number): string {
  const expires = Math.floor((Date.now() + ttlMs) / 1000);
  const signature = createHmac("sha1", "simulator").update(`${filePath}${expires}`).digest("base64");
  const query = new URLSearchParams({
    OSSAccessKeyId: "LTAI5tSimulatorKey",
    Expires: String(expires),
    Signature: signature,
  });
  return `${ctx.origin}/files${filePath}?${query.toString()}`;
}

function ossError(ctx: Ctx, status: number, code: string, message: string, extra = ""): void {
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n' +
    `  <Code>${code}</Code>\n  <Message>${message}</Message>\n` +
    `  <RequestId>${randomUUID().replace(/-/g, "").slice(0, 24).toUpperCase()}</RequestId>\n` +
    `  <HostId>sim-outputs.oss-cn-shanghai.aliyuncs.com</HostId>\n${extra}</Error>\n`;
  send(ctx, status, xml, { "content-type": "application/xml" });
}

/** GET/HEAD /files/...: 200 (or 206 for a Range), 403 once expired, 404 for unknown names. */
export function serveFile(ctx: Ctx): void {
  if (ctx.method !== "GET" && ctx.method !== "HEAD") {
    ossError(ctx, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    return;
  }
  const file = ctx.state.files.get(ctx.path);
  if (!file) {
    ossError(ctx, 404, "NoSuchKey", "The specified key does not exist.", `  <Key>${ctx.path.slice(1)}</Key>\n`);
    return;
  }
  if (!file.body || Date.now() >= file.expiresAt) {
    file.body = null;
    ossError(
      ctx,
      403,
      "AccessDenied",
      "Request has expired.",
      `  <Expires>${new Date(file.expiresAt).toISOString()}</Expires>\n  <ServerTime>${new Date().toISOString()}</ServerTime>\n`,
    );
    return;
  }
  const body = file.body;
  const headers: Record<string, string> = {
    "content-type": file.contentType,
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=0",
  };
  // Media elements ask for byte ranges; answering them lets a browser seek in the served video.
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(ctx.req.headers.range ?? ""));
  if (range && (range[1] || range[2])) {
    const size = body.length;
    let start = range[1] ? Number(range[1]) : size - Number(range[2]);
    let last = range[1] && range[2] ? Number(range[2]) : size - 1;
    start = Math.max(0, start);
    last = Math.min(size - 1, last);
    if (start > last) {
      send(ctx, 416, "", { "content-range": `bytes */${size}` });
      return;
    }
    send(ctx, 206, body.subarray(start, last + 1), { ...headers, "content-range": `bytes ${start}-${last}/${size}` });
    return;
  }
  send(ctx, 200, body, headers);
}
