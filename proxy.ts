import { type NextRequest, NextResponse } from "next/server";
import { accessControlEnabled, readCookie, SESSION_COOKIE, verifySessionToken } from "@/lib/auth/session";
import { contentSecurityPolicy, SECURITY_HEADERS } from "@/lib/security/headers";

// Pages only. API routes are not matched: each handler checks the session itself
// (lib/http/handler.ts), and keeping uploads out of the proxy avoids its body buffer
// limit and an extra hop on every streamed chat token.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/login" && accessControlEnabled()) {
    const session = await verifySessionToken(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
    if (!session) {
      const login = new URL("/login", request.url);
      login.searchParams.set("next", `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
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
  return response;
}

export const config = {
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest|sw.js|remote-image\\.).*)" },
  ],
};
