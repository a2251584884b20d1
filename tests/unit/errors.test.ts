import { describe, expect, it } from "vitest";
import {
  AppError,
  type AppErrorJSON,
  ERROR_INFO,
  type ErrorCode,
  errorResponse,
  errorText,
  isAppErrorJSON,
  readErrorResponse,
} from "@/lib/errors";
import { english } from "@/lib/i18n";
import { zh as chinese } from "@/lib/i18n/zh";

const codes = Object.keys(ERROR_INFO) as ErrorCode[];

describe("AppError", () => {
  it.each(codes)("%s has a bilingual message and a valid status", (code) => {
    const info = ERROR_INFO[code];
    const en = english[`error.${code}`];
    const zh = chinese[`error.${code}`];
    expect(en.trim().length).toBeGreaterThan(10);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(info.status).toBeGreaterThanOrEqual(400);
    expect(info.status).toBeLessThan(600);
    const err = new AppError(code);
    expect(err.key).toBe(`error.${code}`);
    expect(err.message).toBe(en);
    expect(err.messages).toEqual({ en, zh });
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

  it("sends the key and variables beside the rendered words, and translates them when read back", () => {
    const err = new AppError("bad_request", { key: "error.model.notChat", vars: { model: "m-1" } });
    const wire = JSON.parse(JSON.stringify(err)) as AppErrorJSON;
    expect(wire.key).toBe("error.model.notChat");
    expect(wire.vars).toEqual({ model: "m-1" });
    expect(wire.message.en).toBe("m-1 is not a chat model. Pick a chat model.");
    expect(wire.message.zh).toContain("m-1");
    // The page renders from the key, not from the words the server sent.
    expect(errorText({ ...wire, message: { en: "stale", zh: "旧" } }, "zh")).toBe(wire.message.zh);
  });

  it("shows the stored words of an error without a key, or with a key this build does not know", () => {
    const old = { code: "bad_request", status: 400, message: { en: "Old words.", zh: "旧的文字。" }, retryable: false };
    expect(errorText(old as AppErrorJSON, "en")).toBe("Old words.");
    expect(errorText({ ...old, key: "error.gone" } as AppErrorJSON, "zh")).toBe("旧的文字。");
    // Variables of a shape the dictionaries never make fall back to the stored words too.
    expect(
      errorText({ ...old, key: "error.model.notChat", vars: { model: [1] } } as unknown as AppErrorJSON, "en"),
    ).toBe("Old words.");
    const back = AppError.fromJSON(old as AppErrorJSON);
    expect(back.toJSON().key).toBeUndefined();
    expect(back.messages).toEqual(old.message);
  });

  it("translates a field name given as a nested key in the same language", () => {
    const err = new AppError("bad_request", {
      key: "error.chat.settingInvalid",
      vars: { field: { key: "chat.settings.temperature" }, model: "m-1" },
    });
    expect(err.text("en")).toContain("Temperature");
    expect(err.text("zh")).toContain("温度");
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
