import { CUSTOM_NAME_PATTERN } from "./bounds";

// A custom voice has two names: the one the user gives it (any script, spaces, punctuation: shown
// everywhere in the app, kept in this browser) and the one the provider accepts as `customName`
// (letters, digits, `_` and `-`, 1–64: seeds/003, upstream-contract.md § voice upload).

/** The longest display name accepted, in characters. */
export const MAX_DISPLAY_NAME = 64;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The provider's name for a display name: the name itself when it already fits the rule; otherwise
 * what fits of it (accents folded, everything else turned into `-`) plus a short hash of the whole
 * name, so "奶奶" and "外婆" (nothing fits) or "Zoë" and "Zoe" do not collide.
 */
export function providerVoiceName(display: string): string {
  const name = display.trim();
  if (CUSTOM_NAME_PATTERN.test(name)) return name;
  const folded = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  const tag = fnv1a(name).toString(36);
  const base = (folded || "voice").slice(0, 64 - tag.length - 1).replace(/-+$/, "");
  return `${base}-${tag}`;
}

/** Why a display name cannot be used, or null. */
export function displayNameProblem(display: string): "empty" | "tooLong" | null {
  const name = display.trim();
  if (!name) return "empty";
  if ([...name].length > MAX_DISPLAY_NAME) return "tooLong";
  return null;
}
