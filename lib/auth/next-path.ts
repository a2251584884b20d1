// Where the login page sends the browser after unlocking: `next` comes from the URL, so anyone can
// write it. A prefix check is not enough: browsers read `/\evil.example` as `//evil.example` and
// drop tabs and newlines inside a URL, so `/<TAB>/evil.example` leaves the site too. The value is
// resolved the way the browser will resolve it, against the app's origin, and kept only when it
// stays on that origin; the path that comes back never starts with two slashes.

export const DEFAULT_NEXT_PATH = "/chat";

export function safeNextPath(next: unknown, origin: string): string {
  if (typeof next !== "string" || next === "") return DEFAULT_NEXT_PATH;
  try {
    const base = new URL(origin);
    const url = new URL(next, base);
    if (url.origin !== base.origin) return DEFAULT_NEXT_PATH;
    // "/.//evil.example" resolves to the path "//evil.example", which as a link is another host.
    return `/${url.pathname.replace(/^[/\\]+/, "")}${url.search}${url.hash}`;
  } catch {
    return DEFAULT_NEXT_PATH;
  }
}
