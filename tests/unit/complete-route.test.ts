import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/complete/route";
import { type CompleteEvent, completeEventSchema } from "@/lib/complete/contract";
import { withSimulatedProviders } from "./simulated-providers";

// POST /api/complete (fill-in-the-middle) against the simulator over HTTP: the request SiliconFlow's
// /completions gets, the NDJSON events the page reads, and failures before and after the first byte.

const { control } = withSimulatedProviders({
  config: { chatChunkDelayMs: 1 },
  glm: false,
  env: { RATE_LIMIT_PER_MINUTE: "100000" },
});

const complete = (body: unknown) =>
  POST(
    new Request("http://app.test/api/complete", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

async function events(res: Response): Promise<CompleteEvent[]> {
  const text = await res.text();
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => completeEventSchema.parse(JSON.parse(line)));
}

const MODEL = "Qwen/Qwen2.5-Coder-7B-Instruct";

describe("POST /api/complete", () => {
  it("streams the middle between prompt and suffix, then the finish with usage", async () => {
    const res = await complete({
      model: MODEL,
      prompt: "def add(a, b):\n",
      suffix: "\nprint(add(1, 2))",
      maxTokens: 64,
      temperature: 0.2,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("ndjson");
    const list = await events(res);
    const middle = list.flatMap((e) => (e.type === "text" ? [e.text] : [])).join("");
    expect(middle).toContain("return None");
    expect(list.at(-1)).toMatchObject({ type: "finish", finishReason: "stop", usage: { input: expect.any(Number) } });
    const [call] = (await control.log()).filter((e) => e.path.endsWith("/completions"));
    expect(call?.body).toEqual({
      model: MODEL,
      prompt: "def add(a, b):\n",
      suffix: "\nprint(add(1, 2))",
      max_tokens: 64,
      temperature: 0.2,
      stream: true,
    });
  });

  it("reports a cut by max_tokens as finish length", async () => {
    const list = await events(await complete({ model: MODEL, prompt: "function f() {\n", maxTokens: 2 }));
    expect(list.at(-1)).toMatchObject({ type: "finish", finishReason: "length" });
  });

  it("refuses a model without FIM and an empty prompt before calling the provider", async () => {
    expect((await complete({ model: "Qwen/Qwen2.5-7B-Instruct", prompt: "x" })).status).toBe(400);
    expect((await complete({ model: MODEL, prompt: "" })).status).toBe(400);
    expect((await control.log()).filter((e) => e.path.endsWith("/completions"))).toHaveLength(0);
  });

  it("keeps what arrived and ends with an error event when the stream fails midway", async () => {
    const list = await events(
      await complete({ model: MODEL, prompt: "def f(x):\n    # [[error:60000]] [[chunk:4]]\n" }),
    );
    expect(list.some((e) => e.type === "text")).toBe(true);
    const last = list.at(-1);
    expect(last?.type).toBe("error");
    if (last?.type === "error") expect(last.error.code).toBe("stream_interrupted");
  });

  it("passes a provider refusal on as the app's error body", async () => {
    await control.fault({ fault: "balance", provider: "siliconflow", path: "/completions" });
    const res = await complete({ model: MODEL, prompt: "def f():\n" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const body = (await res.json()) as { error: { code: string; message: { en: string; zh: string } } };
    expect(body.error.message.en).toBeTruthy();
  });
});
