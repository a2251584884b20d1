import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  chatBody,
  errorOf,
  GLM_HYBRID,
  type Harness,
  metadataOf,
  readChunks,
  resetSim,
  SF_HYBRID,
  SF_PLAIN,
  startHarness,
  userText,
} from "./chat-harness";

// /api/chat against the simulator: thinking fields per model, max_tokens always sent, the context
// window (trimmed turns, a refused last message, the providers' own refusals), GLM-4V message shapes
// and GLM's reasoning tokens.

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

type Body = Record<string, unknown> & { messages: { role: string; content: unknown }[] };
const sent = async (): Promise<Body[]> => (await h.log()).map((e) => e.body as Body);
const answer = (text: string, id: string) => ({
  id,
  role: "assistant" as const,
  parts: [{ type: "text" as const, text }],
});

describe("thinking fields", () => {
  it("never sends enable_thinking to a model that does not list it, so the request is not refused", async () => {
    const v31 = { provider: "siliconflow", id: "deepseek-ai/DeepSeek-V3.1" } as const;
    // The settings form hides the switch; a stale stored value is refused by the route, not sent upstream.
    const refused = await h.post(chatBody(v31, [userText("hi")], { settings: { thinking: true } }));
    expect(refused.status).toBe(400);
    expect(await sent()).toHaveLength(0);
    const ok = await h.post(chatBody(v31, [userText("hi")]));
    expect(ok.status).toBe(200);
    await readChunks(ok);
    expect((await sent())[0]).not.toHaveProperty("enable_thinking");
  });

  it("sends reasoning_effort (and no enable_thinking) to the DeepSeek-V4 family", async () => {
    const v4 = { provider: "siliconflow", id: "deepseek-ai/DeepSeek-V4-Flash" } as const;
    const res = await h.post(chatBody(v4, [userText("hi")], { settings: { reasoningEffort: "max" } }));
    expect(metadataOf(await readChunks(res)).finishReason).toBe("stop");
    const [body] = await sent();
    expect(body?.reasoning_effort).toBe("max");
    expect(body).not.toHaveProperty("enable_thinking");
    const bad = await h.post(chatBody(v4, [userText("hi")], { settings: { reasoningEffort: "low" } }));
    expect(bad.status).toBe(400);
  });

  it("sends GLM-5.2 both thinking.type and reasoning_effort, and drops the effort when thinking is off", async () => {
    const glm52 = { provider: "glm", id: "glm-5.2" } as const;
    await readChunks(await h.post(chatBody(glm52, [userText("hi")], { settings: { reasoningEffort: "high" } })));
    await readChunks(
      await h.post(chatBody(glm52, [userText("hi")], { settings: { thinking: false, reasoningEffort: "high" } })),
    );
    const [on, off] = await sent();
    expect(on?.reasoning_effort).toBe("high");
    expect(off?.thinking).toEqual({ type: "disabled" });
    expect(off).not.toHaveProperty("reasoning_effort");
  });
});

describe("output cap", () => {
  it("always sends max_tokens: the model's cap when the user set none, the user's value otherwise", async () => {
    await readChunks(await h.post(chatBody(SF_PLAIN, [userText("hi")])));
    await readChunks(await h.post(chatBody(SF_HYBRID, [userText("hi")])));
    await readChunks(await h.post(chatBody(SF_PLAIN, [userText("hi")], { settings: { maxTokens: 300 } })));
    await readChunks(await h.post(chatBody(GLM_HYBRID, [userText("hi")])));
    const [plain, hybrid, user, glm] = await sent();
    expect(plain?.max_tokens).toBe(4096);
    expect(hybrid?.max_tokens).toBe(16384);
    expect(user?.max_tokens).toBe(300);
    expect(glm?.max_tokens).toBe(16384);
  });

  it("lowers the default cap so prompt and output fit the window together", async () => {
    const vl2 = { provider: "siliconflow", id: "deepseek-ai/deepseek-vl2" } as const;
    await readChunks(await h.post(chatBody(vl2, [userText("长".repeat(2000))])));
    const [body] = await sent();
    expect(body?.max_tokens).toBeLessThan(4096 - 2000);
    expect(body?.max_tokens).toBeGreaterThan(1000);
  });
});

describe("context window", () => {
  const vl2 = { provider: "siliconflow", id: "deepseek-ai/deepseek-vl2" } as const;
  // deepseek-vl2: a 4096-token window, 1024 reserved for the answer; one token per CJK character.
  const turn = (n: number) => "问".repeat(n);

  it("leaves out the oldest turns that do not fit and says how many in the reply's metadata", async () => {
    const messages = [
      userText(turn(1200), "u1"),
      answer("好的", "a1"),
      userText(turn(1200), "u2"),
      answer("好的", "a2"),
      userText(turn(1200), "u3"),
    ];
    const chunks = await readChunks(await h.post(chatBody(vl2, messages)));
    expect(errorOf(chunks)).toBeUndefined();
    const meta = metadataOf(chunks);
    expect(meta.contextTrimmed).toBe(2);
    const [body] = await sent();
    expect(body?.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
  });

  it("sends everything, with no notice, when it fits", async () => {
    const messages = [userText("a", "u1"), answer("b", "a1"), userText("c", "u2")];
    const meta = metadataOf(await readChunks(await h.post(chatBody(vl2, messages))));
    expect(meta.contextTrimmed).toBeUndefined();
    expect((await sent())[0]?.messages).toHaveLength(3);
  });

  it("refuses a last message that cannot fit on its own before anything is sent", async () => {
    const res = await h.post(chatBody(vl2, [userText(turn(3500))]));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: { en: string; zh: string } } };
    expect(error.code).toBe("prompt_too_long");
    expect(error.message.en).toMatch(/context window/);
    expect(error.message.zh).toMatch(/上下文/);
    expect(await sent()).toHaveLength(0);
  });

  it("maps both providers' prompt-too-long refusals to the same error", async () => {
    // The provider's window is smaller than the catalog believes: its own refusal comes back.
    await h.control("/faults", "POST", [{ fault: "prompt-too-long" }, { fault: "prompt-too-long", provider: "glm" }]);
    const sfError = errorOf(await readChunks(await h.post(chatBody(SF_PLAIN, [userText("hi")]))));
    expect(sfError?.code).toBe("prompt_too_long");
    expect(sfError?.detail).toMatch(/max_seq_len/);
    const glmError = errorOf(await readChunks(await h.post(chatBody(GLM_HYBRID, [userText("hi")]))));
    expect(glmError?.code).toBe("prompt_too_long");
    expect(glmError?.detail).toMatch(/^1261/);
    expect(glmError?.message).toEqual(sfError?.message);
  });
});

describe("GLM shapes", () => {
  it("folds the system prompt into the first user turn for GLM-4V, as list content", async () => {
    const glm4v = { provider: "glm", id: "glm-4v-plus" } as const;
    const res = await h.post(
      chatBody(glm4v, [userText("What is this?"), answer("A cat.", "a1"), userText("And now?", "u2")], {
        settings: { systemPrompt: "Answer in one word." },
      }),
    );
    expect(metadataOf(await readChunks(res)).finishReason).toBe("stop");
    const [body] = await sent();
    expect(body?.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(body?.messages[0]?.content).toEqual([{ type: "text", text: "Answer in one word.\n\nWhat is this?" }]);
    expect(body?.messages[2]?.content).toEqual([{ type: "text", text: "And now?" }]);
  });

  it("keeps the system turn for other GLM models", async () => {
    await readChunks(await h.post(chatBody(GLM_HYBRID, [userText("hi")], { settings: { systemPrompt: "Be brief." } })));
    expect((await sent())[0]?.messages[0]).toMatchObject({ role: "system", content: "Be brief." });
  });

  it("reports GLM's reasoning tokens from the usage on the finishing chunk", async () => {
    const meta = metadataOf(await readChunks(await h.post(chatBody(GLM_HYBRID, [userText("Why is the sky blue?")]))));
    expect(meta.usage?.reasoning).toBeGreaterThan(0);
    expect(meta.usage?.output).toBeGreaterThan(meta.usage?.reasoning ?? 0);
    expect(meta.usage?.input).toBeGreaterThan(0);
  });
});
