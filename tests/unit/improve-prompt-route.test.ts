import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/improve-prompt/route";
import { HELPER_MODELS, improveResponseSchema, prefersEnglish } from "@/lib/prompt-helper/contract";
import { cleanSuggestion, helperProvider } from "@/lib/prompt-helper/server/improve";
import { withSimulatedProviders } from "./simulated-providers";

// POST /api/improve-prompt against the simulator over HTTP: the chat request the provider gets, the
// suggestion the studio shows, and the failures that must leave the user's prompt alone (an error body
// the page can show, never a suggestion).

const { control } = withSimulatedProviders({
  config: { chatChunkDelayMs: 1 },
  glm: false,
  env: { RATE_LIMIT_PER_MINUTE: "100000" },
});

const improve = (body: unknown) =>
  POST(
    new Request("http://app.test/api/improve-prompt", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

const chatCalls = async () => (await control.log()).filter((e) => e.path.endsWith("/chat/completions"));

describe("POST /api/improve-prompt", () => {
  it("asks the free chat model for a rewrite and answers the suggestion", async () => {
    const res = await improve({ prompt: "  a red fox in snow  " });
    expect(res.status).toBe(200);
    const body = improveResponseSchema.parse(await res.json());
    expect(body).toEqual({
      suggestion:
        "a red fox in snow, highly detailed, soft golden-hour light, shallow depth of field, rich colours, 35mm photograph",
      model: HELPER_MODELS.siliconflow,
    });
    const [call] = await chatCalls();
    const sent = call?.body as { model: string; stream: boolean; max_tokens: number; messages: unknown[] };
    expect(sent.model).toBe("Qwen/Qwen2.5-7B-Instruct");
    expect(sent.stream).toBe(false);
    expect(sent.messages).toEqual([
      { role: "system", content: expect.stringContaining("text-to-image prompt") },
      { role: "user", content: "a red fox in snow" },
    ]);
  });

  it("keeps a Chinese idea in Chinese and writes for video when asked", async () => {
    const body = improveResponseSchema.parse(await (await improve({ prompt: "雪中的红狐狸", kind: "video" })).json());
    expect(body.suggestion).toBe("雪中的红狐狸，镜头缓慢推进，柔和自然光，电影感调色，动作流畅");
  });

  it("writes in English for a model that reads English best (FLUX), translating a Chinese idea", async () => {
    expect(prefersEnglish("black-forest-labs/FLUX.1-schnell")).toBe(true);
    expect(prefersEnglish("Kwai-Kolors/Kolors")).toBe(false);
    const res = await improve({ prompt: "雪中的红狐狸", english: true });
    const body = improveResponseSchema.parse(await res.json());
    expect(body.suggestion).toBe(
      "A scene of “雪中的红狐狸”, highly detailed, soft golden-hour light, shallow depth of field, rich colours, 35mm photograph",
    );
    const [call] = await chatCalls();
    const system = (call?.body as { messages: { content: string }[] } | undefined)?.messages[0]?.content;
    expect(system).toContain("Answer in English, translating the idea");
    expect(system).not.toContain("in the language of the idea");
  });

  it("refuses an empty or oversized prompt before calling the provider", async () => {
    expect((await improve({ prompt: "   " })).status).toBe(400);
    expect((await improve({ prompt: "x".repeat(4001) })).status).toBe(400);
    expect((await improve({ prompt: "fox", kind: "audio" })).status).toBe(400);
    expect(await chatCalls()).toHaveLength(0);
  });

  it("passes a provider refusal on as the app's bilingual error body", async () => {
    await control.fault({ fault: "balance", provider: "siliconflow", path: "/chat/completions" });
    const res = await improve({ prompt: "a red fox in snow" });
    expect(res.status).toBe(402);
    const body = (await res.json()) as { error: { code: string; message: { en: string; zh: string } } };
    expect(body.error.code).toBe("insufficient_balance");
    expect(body.error.message.zh).toBeTruthy();
  });
});

describe("prompt helper rules", () => {
  it("uses SiliconFlow when it has a key or in demo mode, else GLM", () => {
    const sf = { baseUrl: "x" };
    expect(helperProvider({ demo: true, siliconflow: sf, glm: sf })).toBe("siliconflow");
    expect(helperProvider({ demo: false, siliconflow: { ...sf, apiKey: "k" }, glm: { ...sf, apiKey: "k" } })).toBe(
      "siliconflow",
    );
    expect(helperProvider({ demo: false, siliconflow: sf, glm: { ...sf, apiKey: "k" } })).toBe("glm");
  });

  it("strips thinking, fences and wrapping quotes from the answer", () => {
    expect(cleanSuggestion('<think>hmm</think>\n"a fox, detailed"')).toBe("a fox, detailed");
    expect(cleanSuggestion("```\na fox\n```")).toBe("a fox");
    expect(cleanSuggestion("「雪中狐狸」")).toBe("雪中狐狸");
  });
});
