import { type NextRequest, NextResponse } from "next/server";
import { safeNextPath } from "@/lib/auth/next-path";
import {
  accessControlEnabled,
  isSecureRequest,
  readCookie,
  SESSION_COOKIE,
  sessionCookie,
  verifySessionToken,
} from "@/lib/auth/session";
import { contentSecurityPolicy, SECURITY_HEADERS } from "@/lib/security/headers";

// Pages only. API routes are not matched: each handler checks the session itself
// (lib/http/handler.ts), and keeping uploads out of the proxy avoids its body buffer
// limit and an extra hop on every streamed chat token.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  let renewal: string | undefined;
  if (pathname !== "/login" && accessControlEnabled()) {
    const session = await verifySessionToken(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
    if (!session) {
      const login = new URL("/login", request.url);
      login.searchParams.set("next", safeNextPath(`${pathname}${search}`, request.nextUrl.origin));
      return NextResponse.redirect(login);
    }
    // Sliding expiry: a session in use keeps going (never past its absolute limit).
    if (session.renew) renewal = await sessionCookie(SESSION_COOKIE, session, isSecureRequest(request));
  }

  // A fresh nonce per page render; Next applies it to its own scripts.
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (renewal) response.headers.append("set-cookie", renewal);
  return response;
}

export const config = {
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest|sw.js|remote-image\\.).*)" },
  ],
};
