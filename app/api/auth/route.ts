import { clientAddress } from "@/lib/auth/client-address";
import {
  accessControlEnabled,
  checkAccessCode,
  createSessionToken,
  SESSION_COOKIE,
  SESSION_MAX_AGE_S,
} from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { apiHandler, readJson } from "@/lib/http/handler";
import { enforceRateLimit, rateStore } from "@/lib/security/rate-limit";
import { loginSchema } from "./schema";

export const dynamic = "force-dynamic";

const LOGIN_ATTEMPTS_PER_MINUTE = 5;

function cookie(value: string, maxAge: number, request: Request): string {
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

export const POST = apiHandler(
  async (request) => {
    // Throttled per address before the code is even looked at, so guessing is slow.
    if (accessControlEnabled()) {
      const key = `login:${clientAddress(request)}`;
      await enforceRateLimit(rateStore(getEnv().redisUrl), [key], LOGIN_ATTEMPTS_PER_MINUTE);
    }
    const { code } = await readJson(request, loginSchema, 4096);
    if (!accessControlEnabled()) return Response.json({ ok: true, accessControl: false });
    if (!(await checkAccessCode(code))) {
      throw new AppError("unauthorized", {
        message: {
          en: "That access code is not correct. Check it with whoever runs this site and try again.",
          zh: "访问码不正确。请向站点管理员确认后重试。",
        },
      });
    }
    const { token } = await createSessionToken();
    return Response.json({ ok: true }, { headers: { "set-cookie": cookie(token, SESSION_MAX_AGE_S, request) } });
  },
  { public: true, maxBodyBytes: 4096 },
);

export const DELETE = apiHandler(
  async (request) => Response.json({ ok: true }, { headers: { "set-cookie": cookie("", 0, request) } }),
  { public: true, maxBodyBytes: 1024 },
);
