import { describe, expect, it } from "vitest";
import { supportedSettings, validateSettings } from "@/lib/chat/reconcile";
import { toCallSettings } from "@/lib/chat/server/call-settings";
import { AppError } from "@/lib/errors";
import { bilingual, inEnglish } from "@/lib/i18n";
import { describeModel } from "@/lib/providers/catalog";

const qwen3 = describeModel("siliconflow", "Qwen/Qwen3-8B");
const qwen25 = describeModel("siliconflow", "Qwen/Qwen2.5-7B-Instruct");
const r1 = describeModel("siliconflow", "deepseek-ai/DeepSeek-R1");
const glm4 = describeModel("glm", "glm-4-flash");
const glm45 = describeModel("glm", "glm-4.5");
const glm4v = describeModel("glm", "glm-4v-flash");

const fields = (issues: { field: string }[]) => issues.map((i) => i.field);

describe("validateSettings", () => {
  it("accepts an empty or in-range set", () => {
    expect(validateSettings(qwen25, {})).toEqual([]);
    expect(validateSettings(qwen25, { temperature: 2, topP: 1, maxTokens: 4096, topK: 50, stop: ["a", "b"] })).toEqual(
      [],
    );
    expect(validateSettings(glm45, { temperature: 1, thinking: false, stop: ["x"] })).toEqual([]);
  });

  it("uses each model's temperature range (GLM: 0–1)", () => {
    expect(fields(validateSettings(glm4, { temperature: 1.2 }))).toEqual(["temperature"]);
    expect(fields(validateSettings(qwen25, { temperature: 1.2 }))).toEqual([]);
    expect(fields(validateSettings(qwen25, { temperature: -0.1 }))).toEqual(["temperature"]);
  });

  it("caps max tokens at the model's limit", () => {
    expect(fields(validateSettings(qwen25, { maxTokens: 4097 }))).toEqual(["maxTokens"]);
    expect(fields(validateSettings(r1, { maxTokens: 16384 }))).toEqual([]);
    expect(fields(validateSettings(glm4v, { maxTokens: 2048 }))).toEqual(["maxTokens"]);
    expect(fields(validateSettings(qwen25, { maxTokens: 0 }))).toEqual(["maxTokens"]);
  });

  it("allows the Thinking switch only where the model has one, a budget 128–32768 only on SiliconFlow thinkers", () => {
    expect(fields(validateSettings(qwen25, { thinking: true }))).toEqual(["thinking"]);
    expect(fields(validateSettings(qwen25, { thinkingBudget: 1024 }))).toEqual(["thinkingBudget"]);
    // R1 always thinks: no switch, but SiliconFlow documents thinking_budget for its reasoning models.
    expect(fields(validateSettings(r1, { thinking: false }))).toEqual(["thinking"]);
    expect(fields(validateSettings(r1, { thinkingBudget: 1024 }))).toEqual([]);
    expect(fields(validateSettings(qwen3, { thinking: true, thinkingBudget: 32768 }))).toEqual([]);
    expect(fields(validateSettings(qwen3, { thinkingBudget: 127 }))).toEqual(["thinkingBudget"]);
    expect(fields(validateSettings(qwen3, { thinkingBudget: 40000 }))).toEqual(["thinkingBudget"]);
    expect(fields(validateSettings(glm45, { thinkingBudget: 1024 }))).toEqual(["thinkingBudget"]);
  });

  it("checks top K, min P, penalties and stop sequences per provider", () => {
    expect(fields(validateSettings(qwen25, { topK: 101 }))).toEqual(["topK"]);
    expect(fields(validateSettings(qwen25, { topK: 1.5 }))).toEqual(["topK"]);
    expect(fields(validateSettings(glm4, { topK: 10 }))).toEqual(["topK"]);
    expect(fields(validateSettings(qwen25, { minP: 0.1 }))).toEqual(["minP"]);
    expect(fields(validateSettings(qwen3, { minP: 0.1 }))).toEqual([]);
    expect(fields(validateSettings(glm4, { frequencyPenalty: 0.5 }))).toEqual(["frequencyPenalty"]);
    expect(fields(validateSettings(qwen25, { frequencyPenalty: 2.5 }))).toEqual(["frequencyPenalty"]);
    expect(fields(validateSettings(qwen25, { stop: ["1", "2", "3", "4", "5"] }))).toEqual(["stop"]);
    expect(fields(validateSettings(glm4, { stop: ["1", "2"] }))).toEqual(["stop"]);
  });

  it("gives a message in both languages that names the model and the range", () => {
    const [issue] = validateSettings(glm4, { temperature: 1.5 });
    if (!issue) throw new Error("no issue");
    expect(inEnglish(issue.message)).toContain("glm-4-flash");
    expect(inEnglish(issue.message)).toContain("between 0 and 1");
    expect(bilingual(issue.message).zh).toContain("0 到 1");
  });

  it("tells the form which fields a model takes", () => {
    expect(supportedSettings(glm45)).toMatchObject({ thinking: true, thinkingBudget: false, topK: false });
    expect(supportedSettings(qwen3)).toMatchObject({ thinking: true, thinkingBudget: true, topK: true, minP: true });
    expect(supportedSettings(qwen25)).toMatchObject({ thinking: false, thinkingBudget: false, minP: false });
  });
});

describe("toCallSettings", () => {
  it("throws a bad_request naming the first bad field", () => {
    let caught: unknown;
    try {
      toCallSettings(glm4, { temperature: 3 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("bad_request");
    expect((caught as AppError).detail).toMatch(/^settings\.temperature: /);
  });

  it("maps standard settings to SDK fields and the rest to provider options", () => {
    expect(
      toCallSettings(qwen3, {
        systemPrompt: "Be brief",
        temperature: 0.3,
        topK: 5,
        thinking: true,
        thinkingBudget: 256,
        stop: [],
      }),
    ).toEqual({
      instructions: "Be brief",
      temperature: 0.3,
      providerOptions: { siliconflow: { top_k: 5, enable_thinking: true, thinking_budget: 256 } },
    });
    expect(toCallSettings(glm45, { thinking: true })).toEqual({
      providerOptions: { glm: { thinking: { type: "enabled" } } },
    });
    expect(toCallSettings(qwen25, { systemPrompt: "   " })).toEqual({});
  });
});
