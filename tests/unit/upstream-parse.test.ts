import { describe, expect, it } from "vitest";
import { AppError, type ErrorCode, type Provider } from "@/lib/errors";
import { parseStreamErrorEvent, parseUpstreamError, retryAfterMsFrom } from "@/lib/upstream/parse-error";
import { glmExtraRows, glmRows } from "./fixtures/upstream-errors-glm";
import { siliconflowRows } from "./fixtures/upstream-errors-siliconflow";

describe("parseUpstreamError", () => {
  it.each([...siliconflowRows, ...glmRows, ...glmExtraRows])("$name", (row) => {
    const err = parseUpstreamError({
      provider: row.provider,
      status: row.status,
      bodyText: row.body,
      headers: new Headers(row.headers),
    });
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe(row.code);
    expect(err.status).toBe(row.appStatus);
    expect(err.retryable).toBe(row.retryable);
    expect(err.provider).toBe(row.provider);
    if (typeof row.detail === "string") expect(err.detail).toBe(row.detail);
    else if (row.detail) expect(err.detail).toMatch(row.detail);
    expect(err.traceId).toBe(row.traceId);
    expect(err.messages.en.length).toBeGreaterThan(10);
    expect(err.messages.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("decides retry from the GLM code, not the shared HTTP 429", () => {
    const concurrency = parseUpstreamError({ provider: "glm", status: 429, bodyText: '{"error":{"code":"1302"}}' });
    const arrears = parseUpstreamError({ provider: "glm", status: 429, bodyText: '{"error":{"code":"1113"}}' });
    expect(concurrency.retryable).toBe(true);
    expect(arrears.retryable).toBe(false);
  });

  it("truncates a long provider message to about 300 characters", () => {
    const long = "x".repeat(5000);
    const err = parseUpstreamError({ provider: "siliconflow", status: 400, bodyText: long });
    expect(err.detail?.length).toBeLessThanOrEqual(300);
    expect(err.detail?.endsWith("…")).toBe(true);
  });

  it("does not split a surrogate pair when truncating", () => {
    const err = parseUpstreamError({ provider: "siliconflow", status: 400, bodyText: "😀".repeat(400) });
    expect(err.detail).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("reads Retry-After in seconds", () => {
    const err = parseUpstreamError({
      provider: "siliconflow",
      status: 429,
      bodyText: '{"message":"Details:RPM limit reached."}',
      headers: new Headers({ "retry-after": "3" }),
    });
    expect(err.retryAfterMs).toBe(3000);
  });

  it("reads Retry-After as an HTTP date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    const headers = new Headers({ "retry-after": "Wed, 01 Jan 2025 00:00:05 GMT" });
    expect(retryAfterMsFrom(headers, now)).toBe(5000);
    expect(retryAfterMsFrom(new Headers({ "retry-after": "Tue, 31 Dec 2024 23:00:00 GMT" }), now)).toBe(0);
  });

  it("reads retry-after-ms and ignores junk", () => {
    expect(retryAfterMsFrom(new Headers({ "retry-after-ms": "1500" }))).toBe(1500);
    expect(retryAfterMsFrom(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMsFrom(new Headers())).toBeUndefined();
  });

  it("prefers the SiliconFlow trace header over a body id", () => {
    const err = parseUpstreamError({
      provider: "siliconflow",
      status: 503,
      bodyText: '{"code":50505,"message":"busy","id":"body-id"}',
      headers: new Headers({ "x-siliconcloud-trace-id": "header-id" }),
    });
    expect(err.traceId).toBe("header-id");
  });

  it("survives a JSON round trip with everything a report needs", () => {
    const err = parseUpstreamError({
      provider: "siliconflow",
      status: 429,
      bodyText: '{"message":"Details:TPM limit reached.","data":""}',
      headers: new Headers({ "retry-after": "2", "x-siliconcloud-trace-id": "t-1" }),
    });
    const back = AppError.fromJSON(JSON.parse(JSON.stringify(err)));
    expect(back.toJSON()).toEqual(err.toJSON());
    expect(back.retryAfterMs).toBe(2000);
    expect(back.traceId).toBe("t-1");
  });
});

describe("parseStreamErrorEvent", () => {
  it.each<[string, Provider, unknown, ErrorCode | null]>([
    ["GLM error event, string code", "glm", { error: { code: "1301", message: "不安全内容" } }, "content_blocked"],
    ["GLM error event, numeric code", "glm", { error: { code: 1302, message: "并发数过高" } }, "concurrency_limited"],
    ["GLM error event as raw text", "glm", '{"error":{"code":"1261","message":"Prompt 超长"}}', "prompt_too_long"],
    ["GLM error with an HTTP-like code", "glm", { error: { code: "429", message: "rate" } }, "rate_limited"],
    ["SF error event", "siliconflow", { code: 50505, message: "Model service overloaded." }, "overloaded"],
    [
      "SF error event, string code",
      "siliconflow",
      { code: "20012", message: "Model does not exist." },
      "model_not_found",
    ],
    ["SF error event, unknown code", "siliconflow", { code: 99999, message: "something odd" }, "upstream_error"],
    ["SF chunk", "siliconflow", { id: "1", choices: [{ delta: { content: "hi" } }], usage: {} }, null],
    ["GLM usage chunk", "glm", { id: "1", choices: [], usage: { total_tokens: 3 } }, null],
    ["SF user info success body", "siliconflow", { code: 20000, message: "OK", status: true, data: {} }, null],
    ["null error field", "glm", { error: null, choices: [] }, null],
    ["malformed text", "glm", "{not json", null],
    ["a number", "glm", 42, null],
    ["[DONE]", "siliconflow", "[DONE]", null],
  ])("%s", (_name, provider, json, expected) => {
    const err = parseStreamErrorEvent(provider, json);
    if (expected === null) {
      expect(err).toBeNull();
      return;
    }
    expect(err?.code).toBe(expected);
    expect(err?.provider).toBe(provider);
    expect(err?.detail).toBeTruthy();
  });

  it("keeps the GLM request id of a stream error", () => {
    const err = parseStreamErrorEvent("glm", { error: { code: "1301", message: "x" }, request_id: "r-7" });
    expect(err?.traceId).toBe("r-7");
  });
});
