import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT_PATH, safeNextPath } from "@/lib/auth/next-path";

// Issue 17 finding 4: `/login?next=%2F%5Cevil.example%2Fb` (and a tab inside `//`) sent the browser
// to evil.example after unlocking, because a prefix check does not see what the URL parser sees.
// The parser here is the WHATWG one browsers use.

const ORIGIN = "https://play.example.com";

describe("safeNextPath", () => {
  it("keeps paths on the app's own origin", () => {
    expect(safeNextPath("/settings", ORIGIN)).toBe("/settings");
    expect(safeNextPath("/chat/abc?x=1#m2", ORIGIN)).toBe("/chat/abc?x=1#m2");
    expect(safeNextPath(`${ORIGIN}/images`, ORIGIN)).toBe("/images");
  });

  it("sends every way off the origin to the default page", () => {
    const escapes = [
      decodeURIComponent("%2F%5Cevil.example%2Fb"), // /\evil.example/b
      "/\t/evil.example",
      "/\n/evil.example",
      "\t//evil.example",
      "//evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "https://evil.example/",
      "http://play.example.com/", // another scheme is another origin
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "https:evil.example",
    ];
    for (const next of escapes) {
      const target = safeNextPath(next, ORIGIN);
      expect(new URL(target, ORIGIN).origin, JSON.stringify(next)).toBe(ORIGIN);
      expect(target, JSON.stringify(next)).toMatch(/^\/(?![/\\])/);
    }
    expect(safeNextPath("//evil.example", ORIGIN)).toBe(DEFAULT_NEXT_PATH);
  });

  it("never answers a path that a browser reads as another host", () => {
    // "/.//evil.example" stays on the origin but resolves to the path "//evil.example".
    const target = safeNextPath("/.//evil.example", ORIGIN);
    expect(target).toBe("/evil.example");
    expect(new URL(target, ORIGIN).origin).toBe(ORIGIN);
  });

  it("falls back for missing or non-text values", () => {
    expect(safeNextPath(undefined, ORIGIN)).toBe(DEFAULT_NEXT_PATH);
    expect(safeNextPath("", ORIGIN)).toBe(DEFAULT_NEXT_PATH);
    expect(safeNextPath(["/a"], ORIGIN)).toBe(DEFAULT_NEXT_PATH);
  });
});
