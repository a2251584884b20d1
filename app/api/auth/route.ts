import { clientAddress } from "@/lib/auth/client-address";
import {
  accessControlEnabled,
  checkAccessCode,
  createSessionToken,
  isSecureRequest,
  readCookie,
  revoke,
  SESSION_COOKIE,
  sessionCookie,
  verifySessionToken,
} from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { apiHandler, readJson } from "@/lib/http/handler";
import { enforceRateLimit, rateStore } from "@/lib/security/rate-limit";
import { loginSchema } from "./schema";

export const dynamic = "force-dynamic";

const LOGIN_ATTEMPTS_PER_MINUTE = 5;

export const POST = apiHandler(
  async (request) => {
    // Throttled per address (the real client: lib/auth/client-address.ts) before the code is even
    // looked at, so guessing is slow whatever the request claims about where it comes from.
    if (accessControlEnabled()) {
      const env = getEnv();
      await enforceRateLimit(
        rateStore(env.redisUrl),
        [`login:${clientAddress(request, env)}`],
        LOGIN_ATTEMPTS_PER_MINUTE,
        60_000,
        "error.rate.logins",
      );
    }
    const { code } = await readJson(request, loginSchema, 4096);
    if (!accessControlEnabled()) return Response.json({ ok: true, accessControl: false });
    if (!(await checkAccessCode(code))) {
      throw new AppError("unauthorized", {
        key: "error.auth.wrongCode",
      });
    }
    const { session } = await createSessionToken();
    return Response.json(
      { ok: true },
      { headers: { "set-cookie": await sessionCookie(SESSION_COOKIE, session, isSecureRequest(request)) } },
    );
  },
  { public: true, body: "json", maxBodyBytes: 4096 },
);

/** Sign out: the session is revoked on the server (its cookie stops working at once), and the cookie cleared. */
export const DELETE = apiHandler(
  async (request) => {
    const session = await verifySessionToken(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
    if (session) await revoke(session);
    return Response.json(
      { ok: true },
      { headers: { "set-cookie": await sessionCookie(SESSION_COOKIE, null, isSecureRequest(request)) } },
    );
  },
  { public: true, maxBodyBytes: 1024 },
);
