import { type NextRequest, NextResponse } from "next/server";
import { accessControlEnabled, readCookie, SESSION_COOKIE, verifySessionToken } from "@/lib/auth/session";
import { contentSecurityPolicy, SECURITY_HEADERS } from "@/lib/security/headers";

// First line of defence only: every API route checks the session again itself.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const open = pathname === "/login" || pathname === "/api/health" || pathname === "/api/auth";

  if (!open && accessControlEnabled()) {
    const session = await verifySessionToken(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
    if (!session) {
      if (isApi) {
        return Response.json(
          {
            error: {
              code: "unauthorized",
              status: 401,
              retryable: false,
              message: {
                en: "You are not signed in. Enter the access code on the login page.",
                zh: "尚未登录。请在登录页输入访问码。",
              },
            },
          },
          { status: 401 },
        );
      }
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
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest|sw.js).*)" }],
};
