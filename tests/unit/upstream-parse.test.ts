import { describe, expect, it } from "vitest";
import { AppError, type ErrorCode, type Provider } from "@/lib/errors";
import { parseStreamErrorEvent, parseUpstreamError, retryAfterMsFrom } from "@/lib/upstream/parse-error";

interface Row {
  name: string;
  provider: Provider;
  status: number;
  body: string;
  headers?: Record<string, string>;
  code: ErrorCode;
  appStatus: number;
  retryable: boolean;
  detail?: string | RegExp;
  traceId?: string;
}

const SF_TRACE = { "x-siliconcloud-trace-id": "ti_abc123" };

// Every SiliconFlow row of upstream-contract.md's error table, plus the forms its error page names.
const siliconflowRows: Row[] = [
  {
    name: "400 model does not exist (20012)",
    provider: "siliconflow",
    status: 400,
    body: '{"code":20012,"message":"Model does not exist. Please check it carefully.","data":null}',
    headers: SF_TRACE,
    code: "model_not_found",
    appStatus: 404,
    retryable: false,
    detail: "20012: Model does not exist. Please check it carefully.",
    traceId: "ti_abc123",
  },
  {
    name: "400 bad parameter (20015)",
    provider: "siliconflow",
    status: 400,
    body: '{"code":20015,"message":"Value error, temperature must be between 0 and 2","data":null}',
    code: "bad_request",
    appStatus: 400,
    retryable: false,
    detail: /temperature must be between/,
  },
  {
    name: "400 20015 about max_tokens stays a bad request",
    provider: "siliconflow",
    status: 400,
    body: '{"code":20015,"message":"max_tokens (32768) must be less than or equal to 16384","data":null}',
    code: "bad_request",
    appStatus: 400,
    retryable: false,
  },
  {
    name: "400 20015 about the prompt length is prompt_too_long",
    provider: "siliconflow",
    status: 400,
    body: '{"code":20015,"message":"length of prompt_tokens (40000) must be less than max_seq_len (32768).","data":null}',
    code: "prompt_too_long",
    appStatus: 400,
    retryable: false,
    detail: /max_seq_len/,
  },
  {
    name: '401 bare JSON string "Invalid token"',
    provider: "siliconflow",
    status: 401,
    body: '"Invalid token"',
    headers: SF_TRACE,
    code: "invalid_key",
    appStatus: 401,
    retryable: false,
    detail: "Invalid token",
    traceId: "ti_abc123",
  },
  {
    name: "401 token is invalid (30014)",
    provider: "siliconflow",
    status: 401,
    body: '{"code":30014,"message":"Token is invalid."}',
    code: "invalid_key",
    appStatus: 401,
    retryable: false,
    detail: "30014: Token is invalid.",
  },
  {
    name: "401 invalid key (30011)",
    provider: "siliconflow",
    status: 401,
    body: '{"code":30011,"message":"Api key is invalid","data":null}',
    code: "invalid_key",
    appStatus: 401,
    retryable: false,
  },
  {
    name: '403 bare JSON string "Forbidden"',
    provider: "siliconflow",
    status: 403,
    body: '"Forbidden"',
    code: "verification_required",
    appStatus: 403,
    retryable: false,
    detail: "Forbidden",
  },
  {
    name: "403 balance insufficient (30001)",
    provider: "siliconflow",
    status: 403,
    body: '{"code":30001,"message":"Sorry, your account balance is insufficient"}',
    code: "insufficient_balance",
    appStatus: 402,
    retryable: false,
    detail: "30001: Sorry, your account balance is insufficient",
  },
  {
    name: "403 model disabled (30003)",
    provider: "siliconflow",
    status: 403,
    body: '{"code":30003,"message":"Model disabled."}',
    code: "model_disabled",
    appStatus: 403,
    retryable: false,
  },
  {
    name: "403 real-name verification (English)",
    provider: "siliconflow",
    status: 403,
    body: '{"code":30011,"message":"Sorry, you need to complete real-name verification to use this model.","data":null}',
    code: "verification_required",
    appStatus: 403,
    retryable: false,
    detail: /real-name verification/,
  },
  {
    name: "403 real-name verification (Chinese)",
    provider: "siliconflow",
    status: 403,
    body: '{"message":"该模型需要完成实名认证后使用"}',
    code: "verification_required",
    appStatus: 403,
    retryable: false,
  },
  {
    name: "404 plain text",
    provider: "siliconflow",
    status: 404,
    body: "404 page not found",
    code: "not_found",
    appStatus: 404,
    retryable: false,
    detail: "404 page not found",
  },
  {
    name: "429 TPM (message only)",
    provider: "siliconflow",
    status: 429,
    body: '{"message":"Request was rejected due to rate limiting. If you want more, please contact contact@siliconflow.cn. Details:TPM limit reached.","data":""}',
    code: "rate_limited",
    appStatus: 429,
    retryable: true,
    detail: /^TPM limit reached\. Request was rejected due to rate limiting\./,
  },
  {
    name: "429 RPM (message only)",
    provider: "siliconflow",
    status: 429,
    body: '{"message":"Request was rejected due to rate limiting. Details:RPM limit reached.","data":""}',
    code: "rate_limited",
    appStatus: 429,
    retryable: true,
    detail: /^RPM limit reached/,
  },
  {
    name: "429 IPM (image per minute)",
    provider: "siliconflow",
    status: 429,
    body: '{"message":"Request was rejected due to rate limiting. Details:IPM limit reached.","data":""}',
    code: "rate_limited",
    appStatus: 429,
    retryable: true,
    detail: /^IPM limit reached/,
  },
  {
    name: "429 TPD is a daily quota, not worth retrying",
    provider: "siliconflow",
    status: 429,
    body: '{"message":"Request was rejected due to rate limiting. Details:TPD limit reached.","data":""}',
    code: "quota_exceeded",
    appStatus: 429,
    retryable: false,
    detail: /^TPD limit reached/,
  },
  {
    name: "429 RPD",
    provider: "siliconflow",
    status: 429,
    body: '{"message":"Request was rejected due to rate limiting. Details:RPD limit reached.","data":""}',
    code: "quota_exceeded",
    appStatus: 429,
    retryable: false,
  },
  {
    name: "503 overloaded (50505)",
    provider: "siliconflow",
    status: 503,
    body: '{"code":50505,"message":"Model service overloaded. Please try again later.","data":""}',
    code: "overloaded",
    appStatus: 503,
    retryable: true,
    detail: "50505: Model service overloaded. Please try again later.",
  },
  {
    name: "504 plain string",
    provider: "siliconflow",
    status: 504,
    body: "upstream request timeout",
    code: "timeout",
    appStatus: 504,
    retryable: true,
    detail: "upstream request timeout",
  },
  {
    name: "504 bare JSON string",
    provider: "siliconflow",
    status: 504,
    body: '"Gateway Timeout"',
    code: "timeout",
    appStatus: 504,
    retryable: true,
    detail: "Gateway Timeout",
  },
  {
    name: "500 empty body",
    provider: "siliconflow",
    status: 500,
    body: "",
    code: "upstream_error",
    appStatus: 502,
    retryable: false,
    detail: "HTTP 500",
  },
  {
    name: "502 HTML gateway page",
    provider: "siliconflow",
    status: 502,
    body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>",
    code: "upstream_error",
    appStatus: 502,
    retryable: false,
    detail: "502 Bad Gateway",
  },
  {
    name: "503 empty body",
    provider: "siliconflow",
    status: 503,
    body: "   ",
    code: "overloaded",
    appStatus: 503,
    retryable: true,
    detail: "HTTP 503",
  },
  {
    name: "413 empty body",
    provider: "siliconflow",
    status: 413,
    body: "",
    code: "payload_too_large",
    appStatus: 413,
    retryable: false,
  },
  {
    name: "401 empty body",
    provider: "siliconflow",
    status: 401,
    body: "",
    code: "invalid_key",
    appStatus: 401,
    retryable: false,
    detail: "HTTP 401",
  },
  {
    name: "404 model in message without code",
    provider: "siliconflow",
    status: 404,
    body: '{"message":"The model `foo/bar` does not exist"}',
    code: "model_not_found",
    appStatus: 404,
    retryable: false,
  },
  {
    name: "unparseable JSON-looking body is kept as text",
    provider: "siliconflow",
    status: 400,
    body: '{"code": 20015, "message": "trunc',
    code: "bad_request",
    appStatus: 400,
    retryable: false,
    detail: '{"code": 20015, "message": "trunc',
  },
];

const glmMessages: Record<number, string> = {
  1000: "身份验证失败。",
  1001: "Header中未收到Authentication参数，无法进行身份验证。",
  1002: "Authorization Token非法，请确认Authorization Token正确传递。",
  1003: "Authorization Token过期。",
  1004: "Authorization Token验证失败。",
  1113: "您的账户已欠费，请充值后重试。",
  1211: "模型不存在，请检查模型代码。",
  1214: "参数非法，请检查文档。",
  1261: "Prompt 超长",
  1301: "系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。",
  1302: "您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。",
  1303: "您当前使用该API的频率过高，请降低频率，或联系客服增加限额。",
  1304: "该API已达今日调用次数限制，如有更多需求，请联系客服购买。",
};

const glmExpected: Record<number, { status: number; code: ErrorCode; appStatus: number; retryable: boolean }> = {
  1000: { status: 401, code: "invalid_key", appStatus: 401, retryable: false },
  1001: { status: 401, code: "invalid_key", appStatus: 401, retryable: false },
  1002: { status: 401, code: "invalid_key", appStatus: 401, retryable: false },
  1003: { status: 401, code: "invalid_key", appStatus: 401, retryable: false },
  1004: { status: 401, code: "invalid_key", appStatus: 401, retryable: false },
  // Arrears come with HTTP 429 but waiting does not help.
  1113: { status: 429, code: "quota_exceeded", appStatus: 429, retryable: false },
  1211: { status: 400, code: "model_not_found", appStatus: 404, retryable: false },
  1214: { status: 400, code: "bad_request", appStatus: 400, retryable: false },
  1261: { status: 400, code: "prompt_too_long", appStatus: 400, retryable: false },
  1301: { status: 400, code: "content_blocked", appStatus: 400, retryable: false },
  1302: { status: 429, code: "concurrency_limited", appStatus: 429, retryable: true },
  1303: { status: 429, code: "rate_limited", appStatus: 429, retryable: true },
  1304: { status: 429, code: "quota_exceeded", appStatus: 429, retryable: false },
};

const glmRows: Row[] = Object.entries(glmExpected).flatMap(([key, exp]) => {
  const n = Number(key);
  const message = glmMessages[n] ?? "";
  const base = { provider: "glm" as const, status: exp.status, code: exp.code, appStatus: exp.appStatus };
  return [
    {
      ...base,
      name: `GLM ${n} with a string code`,
      body: JSON.stringify({ error: { code: String(n), message }, contentFilter: [{ level: 1, role: "user" }] }),
      retryable: exp.retryable,
      detail: `${n}: ${message}`,
    },
    {
      ...base,
      name: `GLM ${n} with a numeric code`,
      body: JSON.stringify({ error: { code: n, message } }),
      retryable: exp.retryable,
      detail: `${n}: ${message}`,
    },
  ];
});

const glmExtraRows: Row[] = [
  {
    name: "GLM 1220 no access to the model",
    provider: "glm",
    status: 403,
    body: '{"error":{"code":"1220","message":"您无权访问该模型。"}}',
    code: "model_disabled",
    appStatus: 403,
    retryable: false,
  },
  {
    name: "GLM 1305 model traffic too high",
    provider: "glm",
    status: 503,
    body: '{"error":{"code":"1305","message":"该模型当前访问量过大，请您稍后再试"}}',
    code: "overloaded",
    appStatus: 503,
    retryable: true,
  },
  {
    name: "GLM request_id in the body becomes the trace id",
    provider: "glm",
    status: 429,
    body: '{"error":{"code":"1302","message":"并发数过高"},"request_id":"20250101-req-1"}',
    code: "concurrency_limited",
    appStatus: 429,
    retryable: true,
    traceId: "20250101-req-1",
  },
  {
    name: "GLM id in the body becomes the trace id",
    provider: "glm",
    status: 400,
    body: '{"id":"glm-id-9","error":{"code":1214,"message":"bad"}}',
    code: "bad_request",
    appStatus: 400,
    retryable: false,
    traceId: "glm-id-9",
  },
  {
    name: "GLM unknown code falls back to the status",
    provider: "glm",
    status: 500,
    body: '{"error":{"code":"500","message":"Internal Error"}}',
    code: "upstream_error",
    appStatus: 502,
    retryable: false,
    detail: "500: Internal Error",
  },
  {
    name: "GLM 429 without a code",
    provider: "glm",
    status: 429,
    body: "",
    code: "rate_limited",
    appStatus: 429,
    retryable: true,
  },
  {
    name: "OpenAI-style error with a non-numeric code",
    provider: "glm",
    status: 401,
    body: '{"error":{"code":"invalid_api_key","message":"Incorrect API key provided"}}',
    code: "invalid_key",
    appStatus: 401,
    retryable: false,
    detail: "invalid_api_key: Incorrect API key provided",
  },
  {
    name: "error as a plain string field",
    provider: "glm",
    status: 404,
    body: '{"error":"Not Found"}',
    code: "not_found",
    appStatus: 404,
    retryable: false,
    detail: "Not Found",
  },
];

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
