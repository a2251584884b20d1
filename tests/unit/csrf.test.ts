import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isCrossSiteForgery } from "@/lib/security/origin";
import { type RunningSimulator, type SimControl, simControl, startSimulator } from "@/lib/simulator";
import { apiRoutes } from "../e2e/support/routes";
import { type ServedRoute, serveRoute } from "./node-route";

// Issue 17 finding 3: a page on another origin (a sibling subdomain, another port, or any site when
// there is no access code) made the browser spend credits with a text/plain form or a no-cors
// fetch. Every state-changing route now checks where a request comes from, and JSON routes take
// JSON only. The browser side of it runs in tests/e2e/security-csrf.spec.ts.

describe("isCrossSiteForgery", () => {
  const policy = { trustedOrigins: ["https://proxy.example"] };
  const check = (method: string, h: Record<string, string>) =>
    isCrossSiteForgery({ method, headers: new Headers(h) }, policy);

  it("refuses state-changing requests another site started", () => {
    expect(check("POST", { "sec-fetch-site": "cross-site", origin: "https://evil.example" })).toBe(true);
    expect(check("POST", { "sec-fetch-site": "same-site", origin: "https://sub.app.example" })).toBe(true);
    expect(check("DELETE", { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:9999" })).toBe(true);
    // A browser without Sec-Fetch-Site: the Origin must match the Host the request came to.
    expect(check("POST", { origin: "https://evil.example", host: "app.example" })).toBe(true);
    expect(check("POST", { origin: "null", host: "app.example" })).toBe(true);
  });

  it("lets the app's own pages, trusted origins and non-browser clients through", () => {
    expect(check("POST", { "sec-fetch-site": "same-origin", origin: "https://app.example" })).toBe(false);
    expect(check("POST", { "sec-fetch-site": "none" })).toBe(false);
    expect(check("POST", { origin: "https://app.example", host: "app.example" })).toBe(false);
    expect(check("POST", { "sec-fetch-site": "cross-site", origin: "https://proxy.example" })).toBe(false);
    expect(check("POST", {})).toBe(false);
    // Reading is not state-changing.
    expect(check("GET", { "sec-fetch-site": "cross-site", origin: "https://evil.example" })).toBe(false);
  });
});

type Handler = (request: Request) => Promise<Response>;

let sim: RunningSimulator;
let control: SimControl;
let chat: ServedRoute;
const handlers = new Map<string, Handler>();

const T2I = {
  provider: "siliconflow",
  model: "black-forest-labs/FLUX.1-schnell",
  prompt: "a lighthouse",
  size: "1024x1024",
  batchSize: 1,
};
const SPEECH = { model: "FunAudioLLM/CosyVoice2-0.5B", input: "Hello", voice: "FunAudioLLM/CosyVoice2-0.5B:alex" };
const CHAT = {
  id: "c1",
  model: { provider: "siliconflow", id: "Qwen/Qwen2.5-7B-Instruct" },
  messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: "Spend my credits" }] }],
};

// A body each route would act on (so anything that slipped through would show in the simulator's log).
async function bodyFor(route: string, method: string): Promise<{ body: BodyInit; type: string }> {
  const json = (v: unknown) => ({ body: JSON.stringify(v), type: "application/json" });
  // Sign-out reads no body.
  if (route === "/api/auth" && method === "DELETE") return { body: "", type: "" };
  if (route === "/api/voices" && method === "POST") {
    const wav = await readFile(path.resolve(__dirname, "../fixtures/voice-sample.wav"));
    const form = new FormData();
    form.set("customName", "forged");
    form.set("text", "hello");
    form.set("file", new Blob([wav], { type: "audio/wav" }), "v.wav");
    return { body: form, type: "" };
  }
  if (route === "/api/transcriptions") {
    const wav = await readFile(path.resolve(__dirname, "../fixtures/voice-sample.wav"));
    const form = new FormData();
    form.set("file", new Blob([wav], { type: "audio/wav" }), "v.wav");
    return { body: form, type: "" };
  }
  const bodies: Record<string, unknown> = {
    "POST /api/chat": CHAT,
    "POST /api/images": T2I,
    "POST /api/speech": SPEECH,
    "POST /api/video/submit": { model: "Wan-AI/Wan2.2-T2V-A14B", prompt: "a fox", size: "1280x720" },
    "POST /api/video/status": { requestId: "forged-request" },
    "POST /api/video/content": { requestId: "forged-request" },
    "DELETE /api/voices": { uri: "speech:forged:abc:def" },
    "POST /api/auth": { code: "guess" },
    "POST /api/complete": { model: "Qwen/Qwen2.5-Coder-7B-Instruct", prompt: "def f():\n" },
    "POST /api/improve-prompt": { prompt: "a fox" },
  };
  return json(bodies[`${method} ${route}`] ?? {});
}

function call(route: string, method: string, body: BodyInit, headers: Record<string, string>): Promise<Response> {
  const request = new Request(`http://app.test${route}`, { method, headers, body, duplex: "half" } as RequestInit);
  if (route === "/api/chat") return chat.fetch(request);
  const handler = handlers.get(`${method} ${route}`);
  if (!handler) throw new Error(`no handler for ${method} ${route}`);
  return handler(request);
}

const STATE_CHANGING = apiRoutes().flatMap((r) =>
  r.methods.filter((m) => m === "POST" || m === "DELETE").map((method) => ({ route: r.path, method })),
);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, config: { chatChunkDelayMs: 0, videoQueueMs: 0, videoRunMs: 0 } });
  control = simControl(sim.url);
  process.env.SILICONFLOW_API_KEY = "test-key-csrf";
  process.env.SILICONFLOW_BASE_URL = `${sim.url}/siliconflow/v1`;
  process.env.GLM_API_KEY = "test-key-csrf";
  process.env.GLM_BASE_URL = `${sim.url}/glm/api/paas/v4`;
  process.env.RATE_LIMIT_PER_MINUTE = "100000";
  process.env.TRUSTED_ORIGINS = "https://proxy.example";
  delete process.env.ACCESS_CODE;
  chat = await serveRoute((await import("@/pages/api/chat")).default);
  const modules: Record<string, Promise<Record<string, unknown>>> = {
    "/api/images": import("@/app/api/images/route"),
    "/api/speech": import("@/app/api/speech/route"),
    "/api/transcriptions": import("@/app/api/transcriptions/route"),
    "/api/voices": import("@/app/api/voices/route"),
    "/api/video/submit": import("@/app/api/video/submit/route"),
    "/api/video/status": import("@/app/api/video/status/route"),
    "/api/video/content": import("@/app/api/video/content/route"),
    "/api/auth": import("@/app/api/auth/route"),
    "/api/complete": import("@/app/api/complete/route"),
    "/api/improve-prompt": import("@/app/api/improve-prompt/route"),
  };
  for (const [route, mod] of Object.entries(modules)) {
    for (const [method, handler] of Object.entries(await mod)) {
      if (method === "POST" || method === "DELETE") handlers.set(`${method} ${route}`, handler as Handler);
    }
  }
});

afterAll(async () => {
  await chat.close();
  await sim.close();
  delete process.env.TRUSTED_ORIGINS;
});

beforeEach(async () => {
  await control.reset();
  await control.clearLog();
});

describe("every state-changing route", () => {
  it("is covered here: every POST and DELETE the app serves", () => {
    const covered = new Set([...handlers.keys(), "POST /api/chat"]);
    expect(STATE_CHANGING.map((r) => `${r.method} ${r.route}`).sort()).toEqual([...covered].sort());
    expect(STATE_CHANGING.length).toBeGreaterThanOrEqual(10);
  });

  it("refuses another site's request with 403 before anything reaches the provider", async () => {
    const forgeries: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { "sec-fetch-site": "same-site", origin: "https://evil.app.test" },
      { origin: "http://evil.example", host: "app.test" },
    ];
    for (const { route, method } of STATE_CHANGING) {
      for (const forged of forgeries) {
        const { body, type } = await bodyFor(route, method);
        for (const contentType of [type, "text/plain"]) {
          const headers: Record<string, string> = { ...forged };
          if (contentType) headers["content-type"] = contentType;
          const res = await call(route, method, body, headers);
          expect(res.status, `${method} ${route} ${JSON.stringify(headers)}`).toBe(403);
          const { error } = (await res.json()) as { error: { message: { en: string; zh: string } } };
          expect(error.message.en).toContain("another site");
          expect(error.message.zh).toContain("其他站点");
        }
      }
    }
    expect(await control.log()).toEqual([]);
  }, 60_000);

  it("refuses a text/plain or form body on a JSON route with 415, even from the app's own page", async () => {
    for (const { route, method } of STATE_CHANGING) {
      const { body, type } = await bodyFor(route, method);
      if (type !== "application/json") continue;
      for (const contentType of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]) {
        const res = await call(route, method, body, { "sec-fetch-site": "same-origin", "content-type": contentType });
        expect(res.status, `${method} ${route} ${contentType}`).toBe(415);
      }
    }
    expect(await control.log()).toEqual([]);
  }, 60_000);

  it("serves the app's own page, a trusted origin and a non-browser client", async () => {
    const callers: Record<string, string>[] = [
      { "sec-fetch-site": "same-origin", origin: "http://app.test" },
      { "sec-fetch-site": "cross-site", origin: "https://proxy.example" },
      {},
    ];
    for (const caller of callers) {
      await control.clearLog();
      for (const [route, method] of [
        ["/api/chat", "POST"],
        ["/api/images", "POST"],
        ["/api/transcriptions", "POST"],
      ] as const) {
        const { body, type } = await bodyFor(route, method);
        const res = await call(route, method, body, { ...caller, ...(type ? { "content-type": type } : {}) });
        expect(res.status, `${route} ${JSON.stringify(caller)}`).toBe(200);
        await res.body?.cancel();
      }
      const paths = (await control.log()).map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining(["/chat/completions", "/images/generations", "/audio/transcriptions"]),
      );
    }
  }, 60_000);
});
