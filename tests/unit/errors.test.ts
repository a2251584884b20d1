import { describe, expect, it } from "vitest";
import { AppError, ERROR_INFO, type ErrorCode, errorResponse, isAppErrorJSON, readErrorResponse } from "@/lib/errors";

const codes = Object.keys(ERROR_INFO) as ErrorCode[];

describe("AppError", () => {
  it.each(codes)("%s has a bilingual message and a valid status", (code) => {
    const info = ERROR_INFO[code];
    expect(info.en.trim().length).toBeGreaterThan(10);
    expect(info.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(info.status).toBeGreaterThanOrEqual(400);
    expect(info.status).toBeLessThan(600);
    const err = new AppError(code);
    expect(err.message).toBe(info.en);
    expect(err.messages).toEqual({ en: info.en, zh: info.zh });
    expect(err.retryable).toBe(info.retryable);
  });

  it.each(codes)("%s survives a JSON round trip", (code) => {
    const err = new AppError(code, {
      detail: "upstream said no",
      provider: "glm",
      traceId: "trace-1",
      retryAfterMs: 1500,
    });
    const wire = JSON.parse(JSON.stringify(err)) as unknown;
    expect(isAppErrorJSON(wire)).toBe(true);
    const back = AppError.fromJSON(wire as ReturnType<AppError["toJSON"]>);
    expect(back).toBeInstanceOf(AppError);
    expect(back.toJSON()).toEqual(err.toJSON());
  });

  it("keeps a message override through the round trip", () => {
    const err = new AppError("invalid_key", { message: { en: "GLM is not configured.", zh: "尚未配置智谱 GLM。" } });
    const back = AppError.fromJSON(err.toJSON());
    expect(back.messages.en).toBe("GLM is not configured.");
    expect(back.messages.zh).toBe("尚未配置智谱 GLM。");
  });

  it("maps an unknown code to internal", () => {
    const back = AppError.fromJSON({
      code: "nope" as ErrorCode,
      status: 500,
      message: { en: "x", zh: "x" },
      retryable: true,
    });
    expect(back.code).toBe("internal");
    expect(back.retryable).toBe(false);
  });

  it("wraps unknown throwables as internal without leaking their text", () => {
    const err = AppError.from(new Error("secret stack detail"));
    expect(err.code).toBe("internal");
    expect(JSON.stringify(err)).not.toContain("secret");
    const same = new AppError("rate_limited");
    expect(AppError.from(same)).toBe(same);
  });
});

describe("errorResponse / readErrorResponse", () => {
  it("answers with the code's status, the JSON body and Retry-After", async () => {
    const res = errorResponse(new AppError("rate_limited", { retryAfterMs: 1200 }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const back = await readErrorResponse(res);
    expect(back.code).toBe("rate_limited");
    expect(back.retryAfterMs).toBe(1200);
  });

  it("falls back to the status for a body that is not ours", async () => {
    expect((await readErrorResponse(new Response("nope", { status: 401 }))).code).toBe("unauthorized");
    expect((await readErrorResponse(new Response("", { status: 413 }))).code).toBe("payload_too_large");
    expect((await readErrorResponse(new Response("<html>", { status: 502 }))).code).toBe("upstream_error");
    expect((await readErrorResponse(new Response("{}", { status: 400 }))).code).toBe("bad_request");
  });
});
