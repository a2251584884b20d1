import { randomBytes } from "node:crypto";

// Small pure helpers with no imports from the simulator: the bottom layer every other module may use
// (http.ts re-exports them for the route handlers).

export function randomId(length: number, alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Image inputs must be a base64 data URI or an http(s) URL, as the provider requires. */
export function isImageReference(value: unknown): boolean {
  return typeof value === "string" && (/^data:image\/[a-z+.-]+;base64,/i.test(value) || /^https?:\/\//i.test(value));
}

export function isNum(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** FNV-1a: a stable 32-bit hash so the same prompt and seed always give the same picture or reply. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export { prng } from "../prng";
