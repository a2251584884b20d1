import "server-only";
import { AppError } from "@/lib/errors";

// The upstream host comes from server configuration only. These checks keep a path (which may carry
// client-influenced pieces such as a model id) from changing the host or climbing out of the base path.

/** Throws `bad_request` unless `path` is a plain absolute path that cannot change the host. */
export function assertSafePath(path: string): void {
  const bad = (why: string) =>
    new AppError("bad_request", {
      detail: `Refused upstream path (${why})`,
      key: "error.upstream.pathRefused",
    });
  if (typeof path !== "string" || !path.startsWith("/")) throw bad("must start with /");
  if (path.startsWith("//")) throw bad("must not name a host");
  if (path.includes("://")) throw bad("must not contain a scheme");
  if (path.includes("@")) throw bad("must not contain @");
  // `\` counts as `/` for the URL parser, and %2e is a dot to it: both could climb out of the base path.
  if (path.includes("\\")) throw bad("must not contain a backslash");
  if (path.includes("..")) throw bad("must not contain ..");
  if (/%2e|%2f|%5c/i.test(path.split("?")[0] ?? "")) throw bad("must not encode dots or slashes");
  if (/\s/.test(path) || hasControlChar(path)) throw bad("must not contain whitespace or control characters");
}

function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export function buildUrl(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const url = new URL(`${base.origin}${basePath}${path}`);
  // Belt and braces after the string checks: the result must stay on the configured origin and path.
  if (url.origin !== base.origin || !`${url.pathname}/`.startsWith(`${basePath}/`)) {
    throw new AppError("bad_request", { detail: "Refused upstream path (leaves the base URL)" });
  }
  return url;
}

/** The path of an absolute URL under `baseUrl` (or a path as is); other URLs are refused. */
export function relativePath(rawUrl: string, baseUrl: string): string {
  if (rawUrl.startsWith("/")) return rawUrl;
  const base = baseUrl.replace(/\/+$/, "");
  if (rawUrl === base) return "/";
  if (rawUrl.startsWith(`${base}/`) || rawUrl.startsWith(`${base}?`)) {
    const rest = rawUrl.slice(base.length);
    return rest.startsWith("?") ? `/${rest}` : rest;
  }
  throw new AppError("bad_request", { detail: "Refused upstream URL (not under the configured base URL)" });
}
