import { readFile } from "node:fs/promises";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LogEntry, type RunningSimulator, type SimControl, simControl, startSimulator } from "@/lib/simulator";

let sim: RunningSimulator;
let control: SimControl;

beforeAll(async () => {
  sim = await startSimulator({ config: { chatChunkDelayMs: 0 } });
  control = simControl(sim.url);
});
afterAll(() => sim.close());
beforeEach(() => control.reset());

const SF = "/siliconflow/v1";
const GLM = "/glm/api/paas/v4";
const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: "deepseek-ai/DeepSeek-V3",
  messages: [{ role: "user", content: "Hello" }],
  ...extra,
});

function post(base: string, route: string, body: unknown, init: RequestInit = {}) {
  return fetch(`${sim.url}${base}${route}`, {
    method: "POST",
    headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
    body: JSON.stringify(body),
    ...init,
  });
}

const glmChatBody = { model: "glm-4-flash", messages: [{ role: "user" as const, content: "Hello" }] };

async function waitFor(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("auth", () => {
  it("rejects a missing key in each provider's form and always sends a SiliconFlow trace id", async () => {
    const sf = await fetch(`${sim.url}${SF}/chat/completions`, { method: "POST", body: JSON.stringify(chatBody()) });
    expect(sf.status).toBe(401);
    expect(await sf.json()).toBe("Invalid token");
    expect(sf.headers.get("x-siliconcloud-trace-id")).toBeTruthy();

    const glm = await fetch(`${sim.url}${GLM}/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer " },
      body: JSON.stringify(glmChatBody),
    });
    expect(glm.status).toBe(401);
    expect(((await glm.json()) as { error: { code: string } }).error.code).toBe("1000");
  });
});

describe("request faults", () => {
  const cases: [string, number, unknown][] = [
    ["balance", 403, { code: 30001, message: "Sorry, your account balance is insufficient", data: null }],
    ["model-disabled", 403, { code: 30003, message: "Model disabled.", data: null }],
    ["model-not-found", 400, { code: 20012, message: "Model does not exist. Please check it carefully.", data: null }],
    ["overloaded", 503, { code: 50505, message: "Model service overloaded. Please try again later.", data: "" }],
    [
      "glm-1301",
      400,
      {
        error: {
          code: "1301",
          message:
            "系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。",
        },
        contentFilter: [{ level: 1, role: "user" }],
      },
    ],
  ];
  it.each(cases)("%s → %i with the documented body", async (fault, status, body) => {
    await control.fault({ fault: fault as "balance" });
    const res = await post(SF, "/chat/completions", chatBody());
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
    expect((await post(SF, "/chat/completions", chatBody())).status).toBe(200);
  });

  it("alternates the two SiliconFlow 401 bodies", async () => {
    await control.fault({ fault: "unauthorized", times: 2 });
    const first = await post(SF, "/chat/completions", chatBody());
    const second = await post(SF, "/chat/completions", chatBody());
    expect([first.status, second.status]).toEqual([401, 401]);
    expect(await first.json()).toBe("Invalid token");
    expect(await second.json()).toEqual({ code: 30014, message: "Token is invalid." });
  });

  it("rate-limits with the TPM body and Retry-After", async () => {
    await control.fault({ fault: "rate-limit", retryAfterSeconds: 7 });
    const res = await post(SF, "/chat/completions", chatBody());
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(await res.json()).toEqual({
      message:
        "Request was rejected due to rate limiting. If you want more, please contact contact@siliconflow.cn. Details:TPM limit reached.",
      data: "",
    });
  });

  it("answers gateway-style 404 and 504 as plain text", async () => {
    await control.fault([{ fault: "not-found-text" }, { fault: "timeout-504" }]);
    const notFound = await post(SF, "/chat/completions", chatBody());
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toBe("404 page not found");
    const timeout = await post(SF, "/chat/completions", chatBody());
    expect(timeout.status).toBe(504);
    expect(await timeout.text()).toMatch(/timeout/);
  });

  it("uses GLM codes for GLM faults (1302, 1113 and 1305 come with HTTP 429)", async () => {
    await control.fault([
      { fault: "glm-1302" },
      { fault: "glm-1113" },
      { fault: "rate-limit", provider: "glm" },
      { fault: "overloaded", provider: "glm" },
    ]);
    for (const code of ["1302", "1113", "1303", "1305"]) {
      const res = await post(GLM, "/chat/completions", glmChatBody);
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  it("matches faults by provider and path, and consumes them `times` times", async () => {
    await control.fault({ fault: "overloaded", path: "/images", times: 2 });
    await control.fault({ fault: "balance", provider: "glm" });
    expect((await post(SF, "/chat/completions", chatBody())).status).toBe(200);
    const image = { model: "black-forest-labs/FLUX.1-schnell", prompt: "x", image_size: "64x64" };
    expect((await post(SF, "/images/generations", image)).status).toBe(503);
    expect((await post(SF, "/images/generations", image)).status).toBe(503);
    expect((await post(SF, "/images/generations", image)).status).toBe(200);
    expect((await post(GLM, "/chat/completions", glmChatBody)).status).toBe(429);
  });

  it("delays the first byte for slow-first-byte, then answers normally", async () => {
    await control.fault({ fault: "slow-first-byte", delayMs: 400 });
    const started = Date.now();
    const res = await post(SF, "/chat/completions", chatBody());
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(res.status).toBe(200);
  });

  it("rejects unknown fault kinds", async () => {
    const res = await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ fault: "meteor" }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown fault/);
  });
});

describe("faults for one model", () => {
  it("strikes only requests for the named model, request and stream faults alike", async () => {
    await control.fault([
      { fault: "rate-limit", model: "deepseek-ai/DeepSeek-R1" },
      { fault: "cut-stream", model: "glm-4.5" },
    ]);
    const other = await post(SF, "/chat/completions", chatBody());
    expect(other.status).toBe(200);
    const named = await post(SF, "/chat/completions", chatBody({ model: "deepseek-ai/DeepSeek-R1" }));
    expect(named.status).toBe(429);
    const glmOther = await post(GLM, "/chat/completions", { ...glmChatBody, stream: true });
    expect(await glmOther.text()).toContain("data: [DONE]");
    const glmNamed = await post(GLM, "/chat/completions", { ...glmChatBody, model: "glm-4.5", stream: true });
    expect(await glmNamed.text().catch(() => "cut")).not.toContain("data: [DONE]");
    expect(await control.log().then((l) => l.length)).toBe(4);
  });

  it("refuses a model that is not a non-empty string", async () => {
    const res = await fetch(`${sim.url}/__sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fault: "rate-limit", model: 42 }),
    });
    expect(res.status).toBe(400);
  });
});

describe("stream faults", () => {
  it("cut-stream drops the connection after a few chunks, without [DONE]", async () => {
    await control.fault({ fault: "cut-stream" });
    const res = await post(SF, "/chat/completions", chatBody({ stream: true }));
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += new TextDecoder().decode(value);
        }
      })(),
    ).rejects.toThrow();
    expect(text).toContain("data: {");
    expect(text).not.toContain("[DONE]");
    const entry = (await control.log()).at(-1);
    expect(entry?.aborted).toBe(false);
  });

  it("the openai client surfaces a cut stream as an error", async () => {
    await control.fault({ fault: "cut-stream", provider: "glm" });
    const glm = new OpenAI({ apiKey: "k", baseURL: `${sim.url}${GLM}`, maxRetries: 0 });
    const stream = await glm.chat.completions.create({ ...glmChatBody, stream: true });
    await expect(
      (async () => {
        for await (const _ of stream) {
          // drain
        }
      })(),
    ).rejects.toThrow();
  });

  it("malformed-sse inserts one bad line and the rest stays valid", async () => {
    await control.fault({ fault: "malformed-sse" });
    const text = await (await post(SF, "/chat/completions", chatBody({ stream: true }))).text();
    const events = text.split("\n\n").filter((e) => e && !e.startsWith(":"));
    expect(events.filter((e) => e === "data: {not json")).toHaveLength(1);
    expect(events.at(-1)).toBe("data: [DONE]");
    for (const e of events.filter((e) => e !== "data: {not json" && e !== "data: [DONE]")) {
      expect(() => JSON.parse(e.slice(6))).not.toThrow();
    }
  });

  it("sse-error sends an error line in each provider's form and ends", async () => {
    await control.fault({ fault: "sse-error" });
    const sfText = await (await post(SF, "/chat/completions", chatBody({ stream: true }))).text();
    const sfLast = sfText.trim().split("\n\n").at(-1) ?? "";
    expect(JSON.parse(sfLast.slice(6))).toMatchObject({ code: 50505 });
    expect(sfText).not.toContain("[DONE]");

    await control.fault({ fault: "sse-error" });
    const glmText = await (await post(GLM, "/chat/completions", { ...glmChatBody, stream: true })).text();
    const glmLast = glmText.trim().split("\n\n").at(-1) ?? "";
    expect(JSON.parse(glmLast.slice(6))).toMatchObject({ error: { code: "1301" } });
  });

  it("stream faults wait for a streaming request", async () => {
    await control.fault({ fault: "cut-stream" });
    expect((await post(SF, "/chat/completions", chatBody())).status).toBe(200);
    const streamed = await post(SF, "/chat/completions", chatBody({ stream: true }));
    await expect(streamed.text()).rejects.toThrow();
  });
});

describe("request log", () => {
  it("records method, path, query, headers, parsed body, status and duration", async () => {
    await post(SF, "/chat/completions", chatBody({ temperature: 0.3 }));
    await fetch(`${sim.url}${SF}/models?type=image`, { headers: { authorization: "Bearer sk-test" } });
    const [chat, models] = await control.log();
    expect(chat).toMatchObject({
      provider: "siliconflow",
      method: "POST",
      path: "/chat/completions",
      status: 200,
      aborted: false,
      body: { model: "deepseek-ai/DeepSeek-V3", temperature: 0.3 },
    } satisfies Partial<LogEntry>);
    expect(chat?.headers.authorization).toBe("Bearer sk-test");
    expect(chat?.durationMs).toBeGreaterThanOrEqual(0);
    expect(models).toMatchObject({ method: "GET", path: "/models", query: { type: "image" } });
  });

  it("summarises multipart bodies", async () => {
    const form = new FormData();
    form.set("model", "FunAudioLLM/SenseVoiceSmall");
    const wav = await readFile(path.join(__dirname, "../fixtures/voice-sample.wav"));
    form.set("file", new Blob([wav], { type: "audio/wav" }), "voice-sample.wav");
    await fetch(`${sim.url}${SF}/audio/transcriptions`, {
      method: "POST",
      headers: { authorization: "Bearer k" },
      body: form,
    });
    const entry = (await control.log()).at(-1);
    expect(entry?.body).toEqual({
      fields: { model: "FunAudioLLM/SenseVoiceSmall" },
      files: [{ field: "file", filename: "voice-sample.wav", contentType: "audio/wav", size: wav.length }],
    });
  });

  it("marks a stream the client aborted mid-way, so a Stop is seen reaching the provider", async () => {
    await control.config({ chatChunkDelayMs: 30 });
    const abort = new AbortController();
    const res = await post(SF, "/chat/completions", chatBody({ stream: true }), { signal: abort.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    abort.abort();
    await waitFor(async () => (await control.log()).at(-1)?.aborted === true);
    const entry = (await control.log()).at(-1);
    expect(entry?.status).toBe(200);
    expect(entry?.durationMs).toBeLessThan(2000);
  });

  it("clears the log and resets config, faults and voices", async () => {
    await post(SF, "/chat/completions", chatBody());
    await control.clearLog();
    expect(await control.log()).toEqual([]);
    expect((await control.config({ videoQueueMs: 1 })).videoQueueMs).toBe(1);
    await control.fault({ fault: "balance" });
    await control.reset();
    expect((await control.config()).videoQueueMs).toBe(4000);
    expect((await post(SF, "/chat/completions", chatBody())).status).toBe(200);
    const bad = await fetch(`${sim.url}/__sim/config`, { method: "POST", body: JSON.stringify({ videoQueueMs: -1 }) });
    expect(bad.status).toBe(400);
  });
});
