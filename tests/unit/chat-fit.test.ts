import { describe, expect, it } from "vitest";
import { checkFitsContext, fitSettings } from "@/lib/chat/client/outgoing";
import { estimateMessage, estimateTextTokens, outputTokens, planContext, promptBudget } from "@/lib/chat/context";
import { reconcileSettings } from "@/lib/chat/reconcile";
import { thinkingFields } from "@/lib/chat/server/call-settings";
import { foldSystemIntoUser } from "@/lib/chat/server/glm-shapes";
import { AppError } from "@/lib/errors";
import { describeModel } from "@/lib/providers/catalog";

// Pure decisions about fitting a conversation to its model: settings clamped (never dropped quietly),
// thinking fields per control, the context plan, and GLM-4V's message shape.

const qwen3 = describeModel("siliconflow", "Qwen/Qwen3-8B");
const glm4 = describeModel("glm", "glm-4-flash");
const r1 = describeModel("siliconflow", "deepseek-ai/DeepSeek-R1");
const v4 = describeModel("siliconflow", "deepseek-ai/DeepSeek-V4-Flash");
const vl2 = describeModel("siliconflow", "deepseek-ai/deepseek-vl2");

describe("reconcileSettings", () => {
  it("clamps values to the new model's range and says what changed (issue 18: not dropped)", () => {
    const fitted = reconcileSettings(glm4, { temperature: 1.5, maxTokens: 10000, topP: 0.5 });
    expect(fitted.settings).toEqual({ temperature: 1, maxTokens: 4096, topP: 0.5 });
    expect(fitted.clamped).toEqual([
      { field: "temperature", from: 1.5, to: 1 },
      { field: "maxTokens", from: 10000, to: 4096 },
    ]);
    expect(fitted.blocked).toEqual([]);
  });

  it("lists the fields the model does not take instead of sending them", () => {
    const fitted = reconcileSettings(glm4, { topK: 20, thinking: false, temperature: 0.5 });
    expect(fitted.settings).toEqual({ temperature: 0.5 });
    expect(fitted.unused).toEqual(["topK", "thinking"]);
  });

  it("rounds, trims stop lists and replaces an unknown effort level with the model's default", () => {
    const fitted = reconcileSettings(glm4, { maxTokens: 12.6, stop: ["a", "b"] });
    expect(fitted.settings).toEqual({ maxTokens: 13, stop: ["a"] });
    expect(reconcileSettings(v4, { reasoningEffort: "low" }).settings).toEqual({ reasoningEffort: "high" });
    expect(reconcileSettings(qwen3, { temperature: 5 }).settings).toEqual({ temperature: 2 });
  });

  it("blocks a value that is not a number, naming the field", () => {
    const fitted = reconcileSettings(qwen3, { temperature: Number.NaN });
    expect(fitted.blocked.map((b) => b.field)).toEqual(["temperature"]);
    expect(() => fitSettings(qwen3, { temperature: Number.NaN })).toThrow(/Temperature/);
  });
});

describe("thinkingFields", () => {
  it("sends each model only the thinking fields it documents", () => {
    expect(thinkingFields(qwen3, { thinking: false, thinkingBudget: 512 })).toEqual({ enable_thinking: false });
    expect(thinkingFields(qwen3, { thinkingBudget: 512 })).toEqual({ thinking_budget: 512 });
    expect(thinkingFields(r1, { thinkingBudget: 512 })).toEqual({ thinking_budget: 512 });
    expect(thinkingFields(v4, { reasoningEffort: "max" })).toEqual({ reasoning_effort: "max" });
    expect(thinkingFields(describeModel("glm", "glm-4.7"), { thinking: false })).toEqual({
      thinking: { type: "disabled" },
    });
    expect(thinkingFields(describeModel("glm", "glm-5.2"), { thinking: true, reasoningEffort: "high" })).toEqual({
      thinking: { type: "enabled" },
      reasoning_effort: "high",
    });
    expect(thinkingFields(glm4, { thinking: true })).toEqual({});
  });
});

describe("context plan", () => {
  it("estimates text high: a token per CJK character, one per three other characters", () => {
    expect(estimateTextTokens("你好")).toBe(2);
    expect(estimateTextTokens("abcdef")).toBe(2);
    expect(estimateTextTokens("ab")).toBe(1);
  });

  it("keeps the newest turns that fit and starts at a user turn", () => {
    // vl2: 4096 window, 1024 reserved, 82 margin → 2990 for the prompt.
    expect(promptBudget(vl2)).toBe(2990);
    const plan = planContext({
      model: vl2,
      messageTokens: [1000, 10, 1000, 10, 1000],
      roles: ["user", "assistant", "user", "assistant", "user"],
    });
    expect(plan).toMatchObject({ start: 2, dropped: 2, fits: true });
    // An answer is never the first message sent: its question went, so it goes too.
    const orphan = planContext({
      model: vl2,
      messageTokens: [2000, 500, 1000, 10, 1000],
      roles: ["user", "assistant", "user", "assistant", "user"],
    });
    expect(orphan.start).toBe(2);
  });

  it("does not fit when the newest message alone is too long, and keeps two for Continue", () => {
    expect(planContext({ model: vl2, messageTokens: [3000], roles: ["user"] }).fits).toBe(false);
    const cont = planContext({
      model: vl2,
      messageTokens: [2000, 1500, 100],
      roles: ["user", "assistant", "user"],
      keepLast: 2,
    });
    expect(cont).toMatchObject({ start: 1, fits: true });
  });

  it("sends the user's max tokens, else the cap lowered to what the window leaves", () => {
    expect(outputTokens(qwen3, 100)).toBe(16384);
    expect(outputTokens(qwen3, 100, 300)).toBe(300);
    expect(outputTokens(vl2, 2000)).toBe(4096 - 2000 - 82);
  });

  it("refuses at the composer a message that cannot fit, with the prompt-too-long error", () => {
    expect(() => checkFitsContext(vl2, { text: "长".repeat(3000), images: [] }, {})).toThrow(AppError);
    try {
      checkFitsContext(vl2, { text: "长".repeat(3000), images: [] }, {});
    } catch (err) {
      expect((err as AppError).code).toBe("prompt_too_long");
    }
    expect(() => checkFitsContext(vl2, { text: "短".repeat(2000), images: [] }, {})).not.toThrow();
    // The system prompt and the images count too.
    expect(() =>
      checkFitsContext(
        vl2,
        { text: "短", images: [{ width: 1024, height: 1024, detail: "high" }] },
        {
          systemPrompt: "长".repeat(2500),
        },
      ),
    ).toThrow(AppError);
  });
});

describe("GLM-4V message shape", () => {
  it("folds system turns into the first user turn and makes user content a list", () => {
    const body = JSON.stringify({
      model: "glm-4v-flash",
      messages: [
        { role: "system", content: "Be brief." },
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: "https://x/a.png" } },
            { type: "text", text: "What is it?" },
          ],
        },
        { role: "assistant", content: "A cat." },
        { role: "user", content: "And now?" },
      ],
    });
    const out = JSON.parse(foldSystemIntoUser(body)) as { messages: { role: string; content: unknown }[] };
    expect(out.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(out.messages[0]?.content).toEqual([
      { type: "image_url", image_url: { url: "https://x/a.png" } },
      { type: "text", text: "Be brief.\n\nWhat is it?" },
    ]);
    expect(out.messages[1]?.content).toBe("A cat.");
    expect(out.messages[2]?.content).toEqual([{ type: "text", text: "And now?" }]);
  });
});

describe("messageSize (server)", () => {
  it("reads an inline image's size from its data URL, so the published token rule applies", async () => {
    const { solidPng } = await import("../e2e/support/images");
    const { messageSize } = await import("@/lib/chat/server/trim");
    const url = `data:image/png;base64,${solidPng(2048, 1536).toString("base64")}`;
    const size = messageSize({
      id: "u1",
      role: "user",
      parts: [
        { type: "file", mediaType: "image/png", url, providerMetadata: { openaiCompatible: { detail: "high" } } },
        { type: "text", text: "What is this?" },
      ],
    });
    expect(size.text).toBe("What is this?");
    expect(size.images).toEqual([{ width: 2048, height: 1536, detail: "high" }]);
    const qwenVl = describeModel("siliconflow", "Qwen/Qwen2.5-VL-72B-Instruct");
    // 2048×1536 in 28-pixel tiles at high detail.
    expect(estimateMessage(qwenVl, size)).toBe(8 + estimateTextTokens("What is this?") + 74 * 55);
    // A link (GLM) has no size to read: a fixed estimate.
    expect(
      messageSize({ id: "u2", role: "user", parts: [{ type: "file", mediaType: "image/png", url: "https://x/a.png" }] })
        .images,
    ).toEqual([{ detail: undefined }]);
  });
});
