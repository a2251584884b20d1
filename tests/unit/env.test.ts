import { describe, expect, it } from "vitest";
import { DEFAULT_GLM_BASE_URL, DEFAULT_SILICONFLOW_BASE_URL, EnvError, parseEnv } from "@/lib/env";

function envError(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err;
    throw err;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("fills in defaults and runs in demo mode without any key", () => {
    const env = parseEnv({});
    expect(env).toEqual({
      siliconflow: { apiKey: undefined, baseUrl: DEFAULT_SILICONFLOW_BASE_URL },
      glm: { apiKey: undefined, baseUrl: DEFAULT_GLM_BASE_URL },
      demo: true,
      accessCodes: [],
      authSecret: undefined,
      publicBaseUrl: undefined,
      uploadUrlTtlSeconds: 600,
      redisUrl: undefined,
      rateLimitPerMinute: 60,
      connectTimeoutMs: 10_000,
      firstByteTimeoutMs: 60_000,
      trustedProxyHops: 0,
      trustedOrigins: [],
      onVercel: false,
      uploadsInFlightBytes: 256 * 1024 * 1024,
      bodyTimeoutMs: 120_000,
      bodyIdleTimeoutMs: 15_000,
    });
    expect(DEFAULT_SILICONFLOW_BASE_URL).toBe("https://api.siliconflow.cn/v1");
    expect(DEFAULT_GLM_BASE_URL).toBe("https://open.bigmodel.cn/api/paas/v4");
  });

  it("leaves demo mode as soon as one key is set", () => {
    const sf = parseEnv({ SILICONFLOW_API_KEY: "sk-1" });
    expect(sf.demo).toBe(false);
    expect(sf.siliconflow.apiKey).toBe("sk-1");
    expect(sf.glm.apiKey).toBeUndefined();
    const glm = parseEnv({ GLM_API_KEY: " glm-key " });
    expect(glm.demo).toBe(false);
    expect(glm.glm.apiKey).toBe("glm-key");
  });

  it("treats empty and blank strings as unset", () => {
    const env = parseEnv({
      SILICONFLOW_API_KEY: "",
      GLM_API_KEY: "   ",
      SILICONFLOW_BASE_URL: "",
      GLM_BASE_URL: " ",
      ACCESS_CODE: "",
      AUTH_SECRET: "",
      RATE_LIMIT_PER_MINUTE: "",
      UPSTREAM_FIRST_BYTE_TIMEOUT_MS: "",
      PORT: "",
    });
    expect(env.demo).toBe(true);
    expect(env.siliconflow.baseUrl).toBe(DEFAULT_SILICONFLOW_BASE_URL);
    expect(env.glm.baseUrl).toBe(DEFAULT_GLM_BASE_URL);
    expect(env.accessCodes).toEqual([]);
    expect(env.authSecret).toBeUndefined();
    expect(env.rateLimitPerMinute).toBe(60);
    expect(env.firstByteTimeoutMs).toBe(60_000);
  });

  it("splits a comma-separated ACCESS_CODE and drops blanks", () => {
    expect(parseEnv({ ACCESS_CODE: "alpha, beta ,,gamma," }).accessCodes).toEqual(["alpha", "beta", "gamma"]);
    expect(parseEnv({ ACCESS_CODE: "single" }).accessCodes).toEqual(["single"]);
  });

  it("strips trailing slashes from base URLs", () => {
    const env = parseEnv({
      SILICONFLOW_BASE_URL: "https://api.siliconflow.com/v1/",
      GLM_BASE_URL: "http://localhost:4010/glm//",
    });
    expect(env.siliconflow.baseUrl).toBe("https://api.siliconflow.com/v1");
    expect(env.glm.baseUrl).toBe("http://localhost:4010/glm");
  });

  it("reads numbers", () => {
    const env = parseEnv({
      RATE_LIMIT_PER_MINUTE: "5",
      UPSTREAM_CONNECT_TIMEOUT_MS: "2500",
      UPSTREAM_FIRST_BYTE_TIMEOUT_MS: "90000",
      UPLOAD_URL_TTL_SECONDS: "30",
    });
    expect(env.rateLimitPerMinute).toBe(5);
    expect(env.uploadUrlTtlSeconds).toBe(30);
    expect(env.connectTimeoutMs).toBe(2500);
    expect(env.firstByteTimeoutMs).toBe(90_000);
  });

  it.each([
    ["SILICONFLOW_BASE_URL", "not a url"],
    ["GLM_BASE_URL", "ftp://open.bigmodel.cn/api"],
    ["PUBLIC_BASE_URL", "example.com"],
  ])("names %s when it is not an http(s) URL", (variable, value) => {
    const err = envError({ [variable]: value });
    expect(err.message).toContain(variable);
    expect(err.issues.map((i) => i.variable)).toContain(variable);
  });

  it.each([
    ["RATE_LIMIT_PER_MINUTE", "many"],
    ["UPSTREAM_CONNECT_TIMEOUT_MS", "-1"],
    ["UPSTREAM_FIRST_BYTE_TIMEOUT_MS", "1.5"],
    ["PORT", "70000"],
    ["REDIS_URL", "http://localhost:6379"],
    ["AUTH_SECRET", "short"],
    ["UPLOAD_URL_TTL_SECONDS", "0"],
    ["UPLOAD_URL_TTL_SECONDS", "90000"],
  ])("names %s when its value %j is invalid", (variable, value) => {
    const err = envError({ [variable]: value });
    expect(err.message).toContain(variable);
    expect(err.message).toMatch(/see \.env\.example/);
  });

  it("lists every bad variable at once", () => {
    const err = envError({ SILICONFLOW_BASE_URL: "nope", PORT: "0" });
    // A value that is no URL at all fails both URL checks, so a variable may be named twice.
    expect([...new Set(err.issues.map((i) => i.variable))].sort()).toEqual(["PORT", "SILICONFLOW_BASE_URL"]);
  });
});
