// Signed session cookies for the access code. Web Crypto only, so the same code runs
// in proxy.ts and in route handlers: every handler checks the cookie itself, never
// trusting that the proxy ran (CVE-2025-29927 skipped middleware with one header).

import { parseEnv, type ServerEnv } from "@/lib/env-schema";
import type { RequestHead } from "@/lib/http/request-head";

export const SESSION_COOKIE = "sp_session";
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

const encoder = new TextEncoder();

function b64url(bytes: ArrayBuffer | Uint8Array): string {
  const arr = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = "";
  for (const b of arr) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromB64url(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

let envCache: ServerEnv | undefined;
function env(): ServerEnv {
  envCache ??= parseEnv(process.env);
  return envCache;
}

export function accessControlEnabled(): boolean {
  return env().accessCodes.length > 0;
}

/**
 * The signing secret: AUTH_SECRET, or else derived from the server's own secrets so a
 * deployment without one is still unforgeable by anyone who does not know them.
 */
async function signingKey(): Promise<CryptoKey> {
  const e = env();
  const material =
    e.authSecret ??
    b64url(
      await sha256(
        ["siliconplay-session-v1", ...e.accessCodes, e.siliconflow.apiKey ?? "", e.glm.apiKey ?? ""].join("\u0000"),
      ),
    );
  return crypto.subtle.importKey("raw", encoder.encode(material), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

/** Binds sessions to the current codes: changing ACCESS_CODE signs everyone out. */
async function codesFingerprint(): Promise<string> {
  return b64url(await sha256(env().accessCodes.join(","))).slice(0, 16);
}

export interface Session {
  sid: string;
  exp: number;
}

export async function createSessionToken(now = Date.now()): Promise<{ token: string; session: Session }> {
  const session: Session = {
    sid: b64url(crypto.getRandomValues(new Uint8Array(16))),
    exp: now + SESSION_MAX_AGE_S * 1000,
  };
  const payload = b64url(encoder.encode(JSON.stringify({ ...session, c: await codesFingerprint() })));
  const sig = b64url(await crypto.subtle.sign("HMAC", await signingKey(), encoder.encode(payload)));
  return { token: `${payload}.${sig}`, session };
}

export async function verifySessionToken(token: string | undefined, now = Date.now()): Promise<Session | null> {
  if (!token || token.length > 512) return null;
  const [payload, sig, extra] = token.split(".");
  if (!payload || !sig || extra !== undefined) return null;
  const sigBytes = fromB64url(sig);
  if (!sigBytes) return null;
  const ok = await crypto.subtle.verify("HMAC", await signingKey(), sigBytes, encoder.encode(payload));
  if (!ok) return null;
  try {
    const data = JSON.parse(new TextDecoder().decode(fromB64url(payload) ?? new Uint8Array())) as {
      sid?: unknown;
      exp?: unknown;
      c?: unknown;
    };
    if (typeof data.sid !== "string" || typeof data.exp !== "number" || data.exp < now) return null;
    if (data.c !== (await codesFingerprint())) return null;
    return { sid: data.sid, exp: data.exp };
  } catch {
    return null;
  }
}

/** Compares the submitted code with every configured code in constant time (digests, no early exit). */
export async function checkAccessCode(submitted: string): Promise<boolean> {
  const given = await sha256(submitted);
  let match = 0;
  for (const code of env().accessCodes) {
    const expected = await sha256(code);
    let diff = 0;
    for (let i = 0; i < expected.length; i++) diff |= (expected[i] ?? 0) ^ (given[i] ?? 0);
    match |= diff === 0 ? 1 : 0;
  }
  return match === 1;
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The session of a request, or null; with access control off everyone has an anonymous session. */
export async function requestSession(request: RequestHead): Promise<Session | null> {
  if (!accessControlEnabled()) return { sid: "anonymous", exp: Number.POSITIVE_INFINITY };
  return verifySessionToken(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
}
