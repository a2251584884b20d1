import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningSimulator, simControl, startSimulator } from "@/lib/simulator";
import { parseUpstreamError } from "@/lib/upstream";

// The providers as they are today (issue 16): a retired endpoint, the account and load errors the
// error page names, GLM-4V-Flash's concurrency limit and the framing real SiliconFlow streams use.
// Each answer is also read by the app's own error parser, so a change on either side shows up here.

const SF = "/siliconflow/v1";
const GLM = "/glm/api/paas/v4";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ config: { chatChunkDelayMs: 0 } });
});
afterAll(() => sim.close());
beforeEach(() => simControl(sim.url).reset());

const call = (path: string, body?: unknown) =>
  fetch(`${sim.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function appErrorOf(provider: "siliconflow" | "glm", res: Response) {
  return parseUpstreamError({ provider, status: res.status, bodyText: await res.text(), headers: res.headers });
}

describe("SiliconFlow account", () => {
  it("answers 410 on /user/info by default, as the retired endpoint does", async () => {
    const res = await call(`${SF}/user/info`);
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ data: null });
  });

  it("answers with the balance when told the endpoint still works", async () => {
    await simControl(sim.url).config({ userInfo: "balance" });
    const res = await call(`${SF}/user/info`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { balance: string } }).data.balance).toBe("88.50");
  });
});

describe("errors from SiliconFlow's error page", () => {
  it.each([
    [
      "/chat/completions",
      { model: "deepseek-ai/DeepSeek-R1", messages: [{ role: "user", content: "hi" }] },
      /model requires/,
    ],
    ["/uploads/audio/voice", undefined, /custom voice/],
  ])("real-name 403 on %s reads as verification_required", async (path, body, wording) => {
    await simControl(sim.url).fault({ fault: "real-name", path });
    const res = await call(`${SF}${path}`, body ?? {});
    expect(res.status).toBe(403);
    const err = await appErrorOf("siliconflow", res);
    expect(err.code).toBe("verification_required");
    expect(err.detail).toMatch(wording);
  });

  it("503 with 50603 reads as overloaded, and is retryable", async () => {
    await simControl(sim.url).fault({ fault: "busy-50603", path: "/chat/completions", retryAfterSeconds: 2 });
    const res = await call(`${SF}/chat/completions`, {
      model: "Qwen/Qwen3-8B",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(res.status).toBe(503);
    const err = await appErrorOf("siliconflow", res);
    expect(err.code).toBe("overloaded");
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBe(2000);
    expect(err.detail).toBe("50603: System is really busy. Please try again later.");
  });
});

describe("GLM-4V-Flash concurrency", () => {
  const flash = (text: string) => ({
    model: "glm-4v-flash",
    stream: true,
    messages: [{ role: "user", content: [{ type: "text", text }] }],
  });

  it("refuses one request past the limit with 1302 at HTTP 429, and frees the slot when a reply ends", async () => {
    await simControl(sim.url).config({ glmFlashConcurrency: 2, chatChunkDelayMs: 40 });
    const running = [
      await call(`${GLM}/chat/completions`, flash("a")),
      await call(`${GLM}/chat/completions`, flash("b")),
    ];
    expect(running.map((r) => r.status)).toEqual([200, 200]);
    const third = await call(`${GLM}/chat/completions`, flash("c"));
    expect(third.status).toBe(429);
    const err = await appErrorOf("glm", third);
    expect(err.code).toBe("concurrency_limited");
    expect(err.detail).toMatch(/^1302: /);
    // Other GLM models are not limited.
    const plain = await call(`${GLM}/chat/completions`, { ...flash("d"), model: "glm-4-flash" });
    expect(plain.status).toBe(200);
    // A client that goes away gives its slot back as well as a finished reply.
    await Promise.all([...running, plain].map((r) => r.body?.cancel()));
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      const res = await call(`${GLM}/chat/completions`, flash("e"));
      status = res.status;
      await res.body?.cancel();
      if (status !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(200);
  });

  it("allows ten at once by default (seed 000)", async () => {
    await simControl(sim.url).config({ chatChunkDelayMs: 40 });
    const ten = await Promise.all(Array.from({ length: 10 }, (_, i) => call(`${GLM}/chat/completions`, flash(`${i}`))));
    expect(ten.every((r) => r.status === 200)).toBe(true);
    expect((await call(`${GLM}/chat/completions`, flash("11"))).status).toBe(429);
    await Promise.all(ten.map((r) => r.body?.cancel()));
  });
});

describe("SSE framing variants", () => {
  async function raw(base: string, model: string) {
    const res = await call(`${base}/chat/completions`, {
      model,
      stream: true,
      messages: [{ role: "user", content: "hi" }],
    });
    const events = (await res.text()).split("\n\n").filter(Boolean);
    const data = events
      .filter((e) => e.startsWith("data: ") && e !== "data: [DONE]")
      .map((e) => JSON.parse(e.slice(6)) as { choices: Record<string, unknown>[] });
    return { events, data, choices: data.map((d) => d.choices[0] ?? {}) };
  }

  it("sends keep-alive comments and an empty first reasoning delta by default", async () => {
    const { events, choices } = await raw(SF, "deepseek-ai/DeepSeek-R1");
    expect(events[0]).toBe(": keep-alive");
    expect(events.filter((e) => e === ": keep-alive").length).toBeGreaterThan(1);
    expect(choices[0]?.delta).toMatchObject({ reasoning_content: "" });
    expect(String((choices[1]?.delta as { reasoning_content?: string } | undefined)?.reasoning_content)).not.toBe("");
    expect(choices.slice(0, -1).every((c) => c.finish_reason === null)).toBe(true);
  });

  it('sends finish_reason "" mid-stream and content_filter_results when turned on', async () => {
    await simControl(sim.url).config({ sseVariants: ["finish-reason-empty", "content-filter"] });
    const { events, choices } = await raw(SF, "Qwen/Qwen2.5-7B-Instruct");
    expect(events.some((e) => e.startsWith(":"))).toBe(false);
    expect(choices.slice(0, -1).every((c) => c.finish_reason === "")).toBe(true);
    expect(choices.at(-1)?.finish_reason).toBe("stop");
    expect(
      choices.every((c) => (c.content_filter_results as { hate: { filtered: boolean } }).hate.filtered === false),
    ).toBe(true);
  });

  it("leaves GLM streams as GLM sends them", async () => {
    await simControl(sim.url).config({
      sseVariants: ["keep-alive", "empty-reasoning-delta", "finish-reason-empty", "content-filter"],
    });
    const { events, choices } = await raw(GLM, "glm-4.5-flash");
    expect(events.some((e) => e.startsWith(":"))).toBe(false);
    expect(choices.some((c) => "content_filter_results" in c)).toBe(false);
  });

  it("rejects an unknown variant name", async () => {
    await expect(simControl(sim.url).config({ sseVariants: ["nope" as "keep-alive"] })).rejects.toThrow(/sseVariants/);
  });
});

describe("media hosts", () => {
  it("describes its media network: the certificate and the simulated DNS", async () => {
    await simControl(sim.url).config({ mediaDns: { "sc-maas.oss-cn-shanghai.aliyuncs.com": "10.0.0.7" } });
    const res = await fetch(`${sim.url}/__sim/media-network`);
    const net = (await res.json()) as { certificate: string; addresses: Record<string, string> };
    expect(net.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(net.addresses).toMatchObject({
      "sc-maas.oss-cn-shanghai.aliyuncs.com": "10.0.0.7",
      "maas-watermark-prod.cn-wlcb.ufileos.com": "47.100.18.9",
      "aigc-files.bigmodel.cn": "47.100.18.9",
    });
  });

  it("keeps handing out its own /files links in local mode (the default)", async () => {
    const res = await call(`${SF}/images/generations`, {
      model: "Kwai-Kolors/Kolors",
      prompt: "x",
      image_size: "64x64",
    });
    const url = ((await res.json()) as { images: { url: string }[] }).images[0]?.url ?? "";
    expect(url.startsWith(`${sim.url}/files/images/`)).toBe(true);
    expect((await fetch(url)).status).toBe(200);
  });
});
