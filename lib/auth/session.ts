// Signed session cookies: the access code's sessions, and anonymous visitors' when there is no
// code. The same code runs in proxy.ts (always Node.js in Next 16) and in route handlers: every
// handler checks the cookie itself, never trusting that the proxy ran (CVE-2025-29927 skipped
// middleware with one header). Sign-out revokes a session server-side (revocation.ts).

import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { parseEnv, type ServerEnv } from "@/lib/env-schema";
import type { RequestHead } from "@/lib/http/request-head";
import { isSessionRevoked, revokeSession } from "./revocation";

export const SESSION_COOKIE = "sp_session";
/** Without ACCESS_CODE every visitor gets an anonymous session, so the per-session limit holds there too. */
const ANON_COOKIE = "sp_anon";
/** A session ends after this long without use (the cookie is renewed while it is used)… */
export const SESSION_IDLE_S = 7 * 24 * 60 * 60;
/** …and this long after sign-in, used or not. */
export const SESSION_ABSOLUTE_S = 30 * 24 * 60 * 60;
/** A cookie older than this is renewed on the next request. */
const RENEW_AFTER_S = 60 * 60;

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

function sha256(text: string): Uint8Array {
  return createHash("sha256").update(text).digest();
}

let envCache: ServerEnv | undefined;
function env(): ServerEnv {
  envCache ??= parseEnv(process.env);
  return envCache;
}

export function accessControlEnabled(): boolean {
  return env().accessCodes.length > 0;
}

// The signing secret and the codes' fingerprint depend on the environment only, which is read once
// per process (env() above): derived once, not on every request. Signing was WebCrypto before: two
// digests, a key import and the HMAC per cookie signed or checked, each an async job on the thread
// pool, about 4% of the server's CPU under `npm run bench load`. node:crypto's HMAC-SHA256 gives the
// same bytes synchronously.
let derived: { env: ServerEnv; secret: Buffer; fingerprint: string } | undefined;
function keys(): { secret: Buffer; fingerprint: string } {
  const e = env();
  if (derived?.env !== e) derived = { env: e, secret: signingSecret(e), fingerprint: codesFingerprint(e) };
  return derived;
}

/**
 * The signing secret: AUTH_SECRET, or else derived from the server's own secrets so a
 * deployment without one is still unforgeable by anyone who does not know them.
 */
function signingSecret(e: ServerEnv): Buffer {
  const material =
    e.authSecret ??
    b64url(
      sha256(
        ["siliconplay-session-v1", ...e.accessCodes, e.siliconflow.apiKey ?? "", e.glm.apiKey ?? ""].join("\u0000"),
      ),
    );
  return Buffer.from(material, "utf8");
}

/** Binds sessions to the current codes: changing ACCESS_CODE signs everyone out. */
function codesFingerprint(e: ServerEnv): string {
  return b64url(sha256(e.accessCodes.join(","))).slice(0, 16);
}

const hmac = (payload: string) => createHmac("sha256", keys().secret).update(payload).digest();

type SessionKind = "access" | "anonymous";

export interface Session {
  sid: string;
  /** When the cookie expires (sliding: renewed while used, never past start + SESSION_ABSOLUTE_S). */
  exp: number;
  /** When the session began (sign-in, or the first visit). */
  start: number;
  /** "public": a request without a session on a route that needs none. */
  kind: SessionKind | "public";
  /** The response should (re)send this session's cookie: a new visitor, or a renewal. */
  renew?: boolean;
  /** Made for this request (no cookie came with it): nothing to count it against yet. */
  fresh?: boolean;
}

function expiryFor(start: number, now: number): number {
  return Math.min(now + SESSION_IDLE_S * 1000, start + SESSION_ABSOLUTE_S * 1000);
}

/** A new session of `kind` starting now (not yet sent anywhere: see sessionCookie). */
export function newSession(kind: SessionKind, now = Date.now()): Session {
  return { sid: b64url(randomBytes(16)), start: now, exp: expiryFor(now, now), kind };
}

/** The signed cookie value for a session. */
export async function signSession(session: Session): Promise<string> {
  const payload = b64url(
    encoder.encode(
      JSON.stringify({
        sid: session.sid,
        exp: session.exp,
        st: session.start,
        k: session.kind,
        c: keys().fingerprint,
      }),
    ),
  );
  const sig = b64url(hmac(payload));
  return `${payload}.${sig}`;
}

export async function createSessionToken(now = Date.now()): Promise<{ token: string; session: Session }> {
  const session = newSession("access", now);
  return { token: await signSession(session), session };
}

/**
 * The session a cookie value proves, or null: a bad signature, another kind, expired, signed for other
 * access codes, or signed out (revoked). A session older than RENEW_AFTER_S comes back with `renew`.
 */
export async function verifySessionToken(
  token: string | undefined,
  now = Date.now(),
  kind: SessionKind = "access",
): Promise<Session | null> {
  if (!token || token.length > 512) return null;
  const [payload, sig, extra] = token.split(".");
  if (!payload || !sig || extra !== undefined) return null;
  const sigBytes = fromB64url(sig);
  if (!sigBytes) return null;
  const expected = hmac(payload);
  if (sigBytes.length !== expected.length || !timingSafeEqual(sigBytes, expected)) return null;
  let data: { sid?: unknown; exp?: unknown; st?: unknown; k?: unknown; c?: unknown };
  try {
    data = JSON.parse(new TextDecoder().decode(fromB64url(payload) ?? new Uint8Array()));
  } catch {
    return null;
  }
  if (typeof data.sid !== "string" || typeof data.exp !== "number" || typeof data.st !== "number") return null;
  if (data.k !== kind || data.exp < now || data.st + SESSION_ABSOLUTE_S * 1000 < now) return null;
  if (data.c !== keys().fingerprint) return null;
  if (await isSessionRevoked(data.sid, env().redisUrl, now)) return null;
  const session: Session = { sid: data.sid, exp: data.exp, start: data.st, kind };
  const issuedAt = data.exp - SESSION_IDLE_S * 1000;
  if (now - issuedAt > RENEW_AFTER_S * 1000 && data.exp < data.st + SESSION_ABSOLUTE_S * 1000) {
    return { ...session, exp: expiryFor(data.st, now), renew: true };
  }
  return session;
}

/** Signs out: the session's cookie stops working everywhere now, not when it expires. */
export async function revoke(session: Session, now = Date.now()): Promise<void> {
  if (session.kind === "public") return;
  await revokeSession(session.sid, session.start + SESSION_ABSOLUTE_S * 1000, env().redisUrl, now);
}

/** The Set-Cookie value that sends `session` (or, with null, clears the cookie `name`). */
export async function sessionCookie(
  name: string,
  session: Session | null,
  secure: boolean,
  now = Date.now(),
): Promise<string> {
  const value = session ? await signSession(session) : "";
  const maxAge = session ? Math.max(0, Math.round((session.exp - now) / 1000)) : 0;
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

/** Whether the browser reached us over https (directly, or as the proxy in front says). */
export function isSecureRequest(request: RequestHead & { url?: string }): boolean {
  return request.url?.startsWith("https:") === true || request.headers.get("x-forwarded-proto") === "https";
}

/** Compares the submitted code with every configured code in constant time (digests, no early exit). */
export async function checkAccessCode(submitted: string): Promise<boolean> {
  const given = sha256(submitted);
  let match = 0;
  for (const code of env().accessCodes) {
    const expected = sha256(code);
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

/**
 * The session of a request, or null. With ACCESS_CODE, the signed-in session of the cookie; without,
 * the visitor's anonymous session, a new one (marked `renew`, to be sent) when the cookie is missing.
 */
export async function requestSession(request: RequestHead, now = Date.now()): Promise<Session | null> {
  const cookies = request.headers.get("cookie");
  if (accessControlEnabled()) return verifySessionToken(readCookie(cookies, SESSION_COOKIE), now, "access");
  const anonymous = await verifySessionToken(readCookie(cookies, ANON_COOKIE), now, "anonymous");
  return anonymous ?? { ...newSession("anonymous", now), renew: true, fresh: true };
}

/** The cookie name a session of this kind travels in. */
export function cookieName(kind: SessionKind): string {
  return kind === "access" ? SESSION_COOKIE : ANON_COOKIE;
}
