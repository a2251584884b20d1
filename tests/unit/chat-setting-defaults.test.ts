import { describe, expect, it } from "vitest";
import { numberSetting, providerDefault } from "../../lib/chat/client/setting-defaults";
import { describeModel } from "../../lib/providers/catalog";

// The settings form shows each model's range and its provider's documented default (issue 19).

describe("chat setting defaults and ranges", () => {
  it("uses GLM's documented temperature range and defaults for GLM models", () => {
    const flash = describeModel("glm", "glm-4-flash");
    expect(numberSetting(flash, "temperature")).toMatchObject({ min: 0, max: 1, defaultValue: 0.8 });
    expect(providerDefault(flash, "topP")).toBe(0.6);
  });

  it("uses SiliconFlow's range and reference values for SiliconFlow models", () => {
    const qwen = describeModel("siliconflow", "Qwen/Qwen3-8B");
    expect(numberSetting(qwen, "temperature")).toMatchObject({ min: 0, max: 2, defaultValue: 0.7 });
    expect(numberSetting(qwen, "topK")).toMatchObject({ min: -1, max: 100, defaultValue: 50, step: 1 });
    expect(numberSetting(qwen, "thinkingBudget")).toMatchObject({ min: 128, max: 32_768, defaultValue: 4096 });
  });

  it("shows the model's cap as the max tokens default, since that is what an unset field sends", () => {
    const qwen = describeModel("siliconflow", "Qwen/Qwen2.5-7B-Instruct");
    expect(numberSetting(qwen, "maxTokens")).toMatchObject({ min: 1, max: qwen.maxTokensCap });
    expect(providerDefault(qwen, "maxTokens")).toBe(qwen.maxTokensCap);
  });
});
