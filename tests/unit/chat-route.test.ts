import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  chatBody,
  GLM_HYBRID,
  GLM_PLAIN,
  type Harness,
  metadataOf,
  readChunks,
  reasoningOf,
  resetSim,
  SF_DISTILL,
  SF_HYBRID,
  SF_PLAIN,
  SF_REASONING,
  startHarness,
  textOf,
  userText,
} from "./chat-harness";

// /api/chat end to end against the simulator: what streams back, and what reaches the provider.

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  await resetSim(h);
});

const GLM_VISION_FLASH = { provider: "glm", id: "glm-4v-flash" } as const;

type Body = Record<string, unknown> & { messages: Record<string, unknown>[] };
const upstreamBody = async (): Promise<Body> => {
  const entries = await h.log();
  expect(entries).toHaveLength(1);
  return entries[0]?.body as Body;
};

describe("POST /api/chat streaming", () => {
  it("streams text as UI message chunks with model, usage and finish reason", async () => {
    const res = await h.post(chatBody(SF_PLAIN, [userText("What is a monad?")]));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const chunks = await readChunks(res);
    expect(chunks[0]?.type).toBe("start");
    expect(chunks.filter((c) => c.type === "text-delta").length).toBeGreaterThan(3);
    expect(textOf(chunks)).toContain("What is a monad?");
    expect(chunks.at(-1)?.type).toBe("finish");
    const meta = metadataOf(chunks);
    expect(meta.model).toEqual(SF_PLAIN);
    expect(meta.createdAt).toBeTypeOf("number");
    expect(meta.finishReason).toBe("stop");
    expect(meta.usage?.input).toBeGreaterThan(0);
    expect(meta.usage?.output).toBeGreaterThan(0);
    expect(meta.usage?.reasoning).toBe(0);
    expect(meta.reasoningMs).toBeUndefined();
  });

  it("sends reasoning_content as reasoning parts before the text, with reasoning tokens", async () => {
    const chunks = await readChunks(await h.post(chatBody(SF_REASONING, [userText("Why is the sky blue?")])));
    const firstReasoning = chunks.findIndex((c) => c.type === "reasoning-delta");
    const firstText = chunks.findIndex((c) => c.type === "text-delta");
    expect(firstReasoning).toBeGreaterThan(0);
    expect(firstText).toBeGreaterThan(firstReasoning);
    expect(reasoningOf(chunks)).toContain("Why is the sky blue?");
    const meta = metadataOf(chunks);
    expect(meta.usage?.reasoning).toBeGreaterThan(0);
    expect(meta.usage?.output).toBeGreaterThan(meta.usage?.reasoning ?? 0);
    expect(meta.reasoningMs).toBeGreaterThanOrEqual(0);
  });

  it("reports SiliconFlow's cumulative usage once, not summed over chunks", async () => {
    const question = "Count my tokens once";
    const direct = await fetch(`${h.sim.url}/siliconflow/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer x", "content-type": "application/json" },
      body: JSON.stringify({ model: SF_REASONING.id, messages: [{ role: "user", content: question }], stream: true }),
    });
    const lines = (await direct.text()).split("\n").filter((l) => l.startsWith("data: {"));
    const last = JSON.parse(lines.at(-1)?.slice(6) ?? "{}") as {
      usage: {
        prompt_tokens: number;
        completion_tokens: number;
        completion_tokens_details: { reasoning_tokens: number };
      };
    };
    const meta = metadataOf(await readChunks(await h.post(chatBody(SF_REASONING, [userText(question)]))));
    expect(meta.usage).toEqual({
      input: last.usage.prompt_tokens,
      output: last.usage.completion_tokens,
      reasoning: last.usage.completion_tokens_details.reasoning_tokens,
    });
  });

  it("reads GLM's separate usage chunk", async () => {
    const meta = metadataOf(await readChunks(await h.post(chatBody(GLM_HYBRID, [userText("What is GLM?")]))));
    expect(meta.usage?.input).toBeGreaterThan(0);
    expect(meta.usage?.output).toBeGreaterThan(0);
    expect(meta.finishReason).toBe("stop");
    expect(meta.reasoningMs).toBeGreaterThanOrEqual(0);
  });

  it("turns <think> tags of a Distill model into reasoning parts", async () => {
    const chunks = await readChunks(await h.post(chatBody(SF_DISTILL, [userText("Explain recursion")])));
    expect(reasoningOf(chunks)).toContain("Explain recursion");
    const text = textOf(chunks);
    expect(text).not.toContain("<think>");
    expect(text).not.toContain("</think>");
    expect(text).toContain("Simulated answer");
    expect(chunks.findIndex((c) => c.type === "reasoning-delta")).toBeLessThan(
      chunks.findIndex((c) => c.type === "text-delta"),
    );
  });

  it.each([
    [SF_PLAIN, "[[finish:length]]", "length"],
    [SF_PLAIN, "[[finish:risky]]", "risky"],
    [GLM_PLAIN, "[[finish:sensitive]]", "sensitive"],
  ])("passes the provider's own finish reason (%s %s)", async (model, directive, reason) => {
    const meta = metadataOf(await readChunks(await h.post(chatBody(model, [userText(`Tell me more ${directive}`)]))));
    expect(meta.finishReason).toBe(reason);
  });
});

describe("POST /api/chat request to the provider", () => {
  it("maps settings to body fields, provider-only ones as top-level fields", async () => {
    const settings = {
      temperature: 0.7,
      topP: 0.9,
      topK: 20,
      minP: 0.05,
      maxTokens: 2000,
      frequencyPenalty: 0.5,
      stop: ["END"],
      thinking: true,
      thinkingBudget: 1024,
    };
    await readChunks(await h.post(chatBody(SF_HYBRID, [userText("hi")], { settings })));
    const body = await upstreamBody();
    expect(body).toMatchObject({
      model: SF_HYBRID.id,
      stream: true,
      temperature: 0.7,
      top_p: 0.9,
      top_k: 20,
      min_p: 0.05,
      max_tokens: 2000,
      frequency_penalty: 0.5,
      stop: ["END"],
      enable_thinking: true,
      thinking_budget: 1024,
    });
  });

  it("switches thinking off on SiliconFlow (enable_thinking: false, no budget) and gets no reasoning", async () => {
    const res = await h.post(
      chatBody(SF_HYBRID, [userText("hi")], { settings: { thinking: false, thinkingBudget: 512 } }),
    );
    const chunks = await readChunks(res);
    expect(chunks.some((c) => c.type === "reasoning-delta")).toBe(false);
    const body = await upstreamBody();
    expect(body.enable_thinking).toBe(false);
    expect(body).not.toHaveProperty("thinking_budget");
  });

  it("switches thinking off on GLM with thinking.type", async () => {
    const chunks = await readChunks(
      await h.post(chatBody(GLM_HYBRID, [userText("hi")], { settings: { thinking: false } })),
    );
    expect(chunks.some((c) => c.type === "reasoning-delta")).toBe(false);
    expect((await upstreamBody()).thinking).toEqual({ type: "disabled" });
  });

  it("puts the system prompt first and does not send earlier reasoning back", async () => {
    const messages = [
      userText("First question"),
      {
        id: "a1",
        role: "assistant",
        parts: [
          { type: "step-start" },
          { type: "reasoning", text: "SECRET CHAIN OF THOUGHT", state: "done" },
          { type: "text", text: "First answer", state: "done" },
        ],
        metadata: { model: SF_REASONING },
      },
      userText("Second question", "u2"),
    ];
    await readChunks(await h.post(chatBody(SF_REASONING, messages, { settings: { systemPrompt: "You are terse." } })));
    const body = await upstreamBody();
    expect(body.messages[0]).toEqual({ role: "system", content: "You are terse." });
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(body.messages[2]).toEqual({ role: "assistant", content: "First answer" });
    expect(JSON.stringify(body)).not.toContain("SECRET CHAIN OF THOUGHT");
  });

  it("sends an inline image to a vision model as image_url", async () => {
    const png =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    const message = {
      id: "u1",
      role: "user",
      parts: [
        { type: "text", text: "What is in this picture?" },
        { type: "file", mediaType: "image/png", url: png },
      ],
    };
    const model = { provider: "siliconflow", id: "Qwen/Qwen2.5-VL-72B-Instruct" };
    const chunks = await readChunks(await h.post(chatBody(model, [message])));
    expect(textOf(chunks)).toContain("1 attached");
    const content = (await upstreamBody()).messages[0]?.content as { type: string; image_url?: { url: string } }[];
    expect(content.find((p) => p.type === "image_url")?.image_url?.url).toMatch(/^data:image\/png;base64,/);
  });

  // The provider would download an https link itself: the deployment's account fetching whatever a
  // client names. Only data: parts and links this server published go upstream.
  it("refuses an https image link before anything reaches the provider", async () => {
    for (const url of ["https://images.example.com/cat.jpg", "https://127.0.0.1/api/uploads/x.jpg"]) {
      const message = {
        id: "u1",
        role: "user",
        parts: [
          { type: "text", text: "Describe it" },
          { type: "file", mediaType: "image/jpeg", url },
        ],
      };
      for (const model of [{ provider: "siliconflow", id: "Qwen/Qwen2.5-VL-72B-Instruct" }, GLM_VISION_FLASH]) {
        const res = await h.post(chatBody(model, [message]));
        expect(res.status, `${model.id} ${url}`).toBe(400);
        const { error } = (await res.json()) as { error: { message: { en: string; zh: string } } };
        expect(error.message.en).toContain("not as links");
        expect(error.message.zh).toContain("链接");
      }
    }
    expect(await h.log()).toEqual([]);
  });
});

describe("POST /api/chat Continue", () => {
  it("sends the cut reply and an instruction; metadata has this request's usage and no new start time", async () => {
    const partial = "## Simulated answer\n\nThis is a deterministic reply from the";
    const messages = [
      userText("Tell me a story"),
      {
        id: "a1",
        role: "assistant",
        parts: [{ type: "text", text: partial }],
        metadata: { usage: { input: 10, output: 20, reasoning: 0 }, finishReason: "length", createdAt: 1 },
      },
    ];
    const chunks = await readChunks(await h.post(chatBody(SF_PLAIN, messages, { continue: true })));
    expect(textOf(chunks).length).toBeGreaterThan(0);
    const meta = metadataOf(chunks);
    expect(meta.createdAt).toBeUndefined();
    expect(meta.model).toEqual(SF_PLAIN);
    expect(meta.finishReason).toBe("stop");
    expect(meta.usage?.output).toBeGreaterThan(0);
    const body = await upstreamBody();
    expect(body.messages.slice(-2)).toEqual([
      { role: "assistant", content: partial },
      { role: "user", content: expect.stringContaining("Continue it exactly where it stopped") },
    ]);
  });

  it("asks in Chinese when the reply is Chinese", async () => {
    const messages = [
      userText("讲个故事"),
      { id: "a1", role: "assistant", parts: [{ type: "text", text: "从前有一座山，" }] },
    ];
    await readChunks(await h.post(chatBody(GLM_PLAIN, messages, { continue: true })));
    expect((await upstreamBody()).messages.at(-1)?.content).toContain("从中断处直接接着写");
  });
});
