import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Server configuration is swapped per test; the simulator is stubbed so these tests only check
// how a target is chosen (the simulator has its own tests).
const state = vi.hoisted(() => ({ env: undefined as ServerEnv | undefined, starts: 0, failNext: false }));

vi.mock("@/lib/env", () => ({
  getEnv: () => {
    if (!state.env) throw new Error("test forgot to set env");
    return state.env;
  },
}));

vi.mock("@/lib/simulator", () => ({
  startSimulator: async (opts?: { port?: number }) => {
    state.starts++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (state.failNext) {
      state.failNext = false;
      throw new Error("EADDRINUSE");
    }
    return { url: `http://127.0.0.1:4${String(opts?.port ?? 0).padStart(3, "0")}`, close: async () => undefined };
  },
}));

const { resolveProvider } = await import("@/lib/upstream/providers");
const { ensureSimulator, simulatorBaseUrl } = await import("@/lib/upstream/demo-simulator");

const SIM_KEY = Symbol.for("siliconplay.upstream.demoSimulator");

function env(partial: Partial<ServerEnv>): ServerEnv {
  return {
    siliconflow: { baseUrl: "https://api.siliconflow.cn/v1" },
    glm: { baseUrl: "https://open.bigmodel.cn/api/paas/v4" },
    demo: false,
    accessCodes: [],
    uploadUrlTtlSeconds: 600,
    rateLimitPerMinute: 30,
    connectTimeoutMs: 10_000,
    firstByteTimeoutMs: 60_000,
    trustedProxyHops: 0,
    trustedOrigins: [],
    onVercel: false,
    uploadsInFlightBytes: 256 * 1024 * 1024,
    bodyTimeoutMs: 120_000,
    bodyIdleTimeoutMs: 15_000,
    ...partial,
  };
}

beforeEach(() => {
  state.starts = 0;
  delete (globalThis as Record<symbol, unknown>)[SIM_KEY];
});

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[SIM_KEY];
});

describe("resolveProvider", () => {
  it("uses the configured base URL and key", async () => {
    state.env = env({ siliconflow: { apiKey: "sk-live", baseUrl: "https://api.siliconflow.com/v1" } });
    await expect(resolveProvider("siliconflow")).resolves.toEqual({
      baseUrl: "https://api.siliconflow.com/v1",
      apiKey: "sk-live",
      demo: false,
    });
    expect(state.starts).toBe(0);
  });

  it("reports the other provider as not configured, naming the variable", async () => {
    state.env = env({ siliconflow: { apiKey: "sk-live", baseUrl: "https://api.siliconflow.cn/v1" } });
    const err = await resolveProvider("glm").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const appError = err as AppError;
    expect(appError.code).toBe("invalid_key");
    expect(appError.provider).toBe("glm");
    expect(appError.detail).toBe("GLM_API_KEY is not set");
    expect(appError.messages.en).toBe("GLM is not configured. Set GLM_API_KEY in .env.local and restart.");
    expect(appError.messages.zh).toContain("GLM_API_KEY");
    // The override must survive the trip to the browser.
    expect(AppError.fromJSON(appError.toJSON()).messages.en).toContain("GLM_API_KEY");
  });

  it("does the same for a missing SiliconFlow key", async () => {
    state.env = env({ glm: { apiKey: "glm-live", baseUrl: "https://open.bigmodel.cn/api/paas/v4" } });
    const err = (await resolveProvider("siliconflow").catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("invalid_key");
    expect(err.messages.en).toContain("SILICONFLOW_API_KEY");
  });

  it("sends both providers to one simulator in demo mode", async () => {
    state.env = env({ demo: true });
    const [sf, glm, sf2] = await Promise.all([
      resolveProvider("siliconflow"),
      resolveProvider("glm"),
      resolveProvider("siliconflow"),
    ]);
    expect(state.starts).toBe(1);
    expect(sf).toEqual({ baseUrl: "http://127.0.0.1:4000/siliconflow/v1", apiKey: "demo", demo: true });
    expect(glm).toEqual({ baseUrl: "http://127.0.0.1:4000/glm/api/paas/v4", apiKey: "demo", demo: true });
    expect(sf2).toEqual(sf);
  });
});

describe("ensureSimulator", () => {
  it("is a per-process singleton kept on globalThis", async () => {
    const a = ensureSimulator();
    const b = ensureSimulator();
    expect(a).toBe(b);
    await a;
    expect(state.starts).toBe(1);
    expect((globalThis as Record<symbol, unknown>)[SIM_KEY]).toBe(a);
  });

  it("does not cache a failed start", async () => {
    state.failNext = true;
    await expect(ensureSimulator()).rejects.toThrow("EADDRINUSE");
    await expect(ensureSimulator()).resolves.toMatchObject({ url: "http://127.0.0.1:4000" });
    expect(state.starts).toBe(2);
  });

  it("builds provider base URLs", () => {
    expect(simulatorBaseUrl("http://127.0.0.1:5555/", "siliconflow")).toBe("http://127.0.0.1:5555/siliconflow/v1");
    expect(simulatorBaseUrl("http://127.0.0.1:5555", "glm")).toBe("http://127.0.0.1:5555/glm/api/paas/v4");
  });
});
