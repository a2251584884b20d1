import { AppError } from "@/lib/errors";
import type { RequestHead } from "@/lib/http/request-head";

// Cross-site request forgery. A page on another origin can make the browser send a POST to this app
// with a `text/plain` form or a no-cors fetch, cookies included when it is same-site (any subdomain,
// another port) and with no cookie needed at all when there is no access code. Browsers say where a
// request comes from: Sec-Fetch-Site (all current engines) and Origin (on every POST and DELETE). A
// state-changing request passes when
// - its Origin is one the operator trusts (TRUSTED_ORIGINS, or PUBLIC_BASE_URL's), or
// - Sec-Fetch-Site says "same-origin" (or "none": typed by the user, a bookmark), or
// - the browser sent no Sec-Fetch-Site and the Origin's host is the Host this request came to, or
// - it carries neither header: not a browser, so not a forgery (curl, the provider, scripts).
// The same rules as Go's net/http CrossOriginProtection and Rails' forgery protection by origin.

export interface OriginPolicy {
  /** Origins besides our own allowed to send state-changing requests (scheme://host[:port]). */
  trustedOrigins: readonly string[];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteForgery(request: RequestHead, policy: OriginPolicy): boolean {
  const method = (request.method ?? "GET").toUpperCase();
  if (SAFE_METHODS.has(method)) return false;
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && policy.trustedOrigins.includes(origin)) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  if (!origin) return false;
  if (origin === "null") return true;
  const host = request.headers.get("host");
  try {
    return !host || new URL(origin).host !== host.toLowerCase();
  } catch {
    return true;
  }
}

export function refuseCrossSite(request: RequestHead, policy: OriginPolicy): void {
  if (!isCrossSiteForgery(request, policy)) return;
  throw new AppError("bad_request", {
    status: 403,
    detail: `cross-origin ${request.method ?? ""} refused (Origin: ${(request.headers.get("origin") ?? "none").slice(0, 100)}, Sec-Fetch-Site: ${request.headers.get("sec-fetch-site") ?? "none"})`,
    key: "error.security.crossOrigin",
  });
}

export type BodyKind = "json" | "multipart";

const MEDIA_TYPES: Record<BodyKind, string> = { json: "application/json", multipart: "multipart/form-data" };

/** A body of another media type answers 415: a JSON route never reads a form or plain text as JSON. */
export function requireContentType(request: RequestHead, kind: BodyKind): void {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === MEDIA_TYPES[kind]) return;
  const expected = MEDIA_TYPES[kind];
  throw new AppError("bad_request", {
    status: 415,
    detail: `Content-Type must be ${expected}, not ${type || "missing"}`,
    key: "error.security.contentType",
    vars: { expected },
  });
}
