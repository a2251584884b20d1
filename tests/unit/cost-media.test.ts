import { describe, expect, it } from "vitest";
import { imageBatchCost, speechCost, transcriptionCost, utf8Bytes, videoCost } from "@/lib/cost/media-cost";
import { isPrice, isPriceOverrides, type Price } from "@/lib/cost/price";
import { resolvePrice, withOverride } from "@/lib/cost/resolve";
import { speedFigures, speedFromMetadata } from "@/lib/cost/speed";

describe("media costs in each provider's unit", () => {
  it("prices an image batch per image (GLM CogView-4)", () => {
    const price = resolvePrice("glm", "cogview-4").price;
    expect(imageBatchCost(price, { count: 3 })).toBeCloseTo(0.18, 12);
  });

  it("prices per megapixel-step as seed 003's example does (1024x512, 4 steps, ¥0.0032 → ¥0.0064)", () => {
    const price: Price = { unit: "megapixel-steps", perMegapixelStep: 0.0032 };
    expect(imageBatchCost(price, { count: 1, width: 1024, height: 512, steps: 4 })).toBeCloseTo(0.0064, 12);
    expect(imageBatchCost(price, { count: 2, width: 1024, height: 512, steps: 4 })).toBeCloseTo(0.0128, 12);
    // Without the size and steps the cost cannot be known.
    expect(imageBatchCost(price, { count: 1 })).toBeNull();
  });

  it("prices a video per video and a free model at ¥0", () => {
    expect(videoCost(resolvePrice("siliconflow", "Wan-AI/Wan2.2-T2V-A14B").price)).toBe(2);
    expect(imageBatchCost(resolvePrice("glm", "cogview-3-flash").price, { count: 4 })).toBe(0);
    expect(videoCost(resolvePrice("siliconflow", "Wan-AI/Wan2.1-T2V-14B").price)).toBeNull();
  });

  it("prices speech by UTF-8 bytes (SiliconFlow, seed 003) or by characters", () => {
    // "你好" is 6 bytes in UTF-8 but 2 characters; "hi" is 2 and 2.
    expect(utf8Bytes("你好")).toBe(6);
    const bytes: Price = { unit: "utf8-bytes", perMillionBytes: 50 };
    expect(speechCost(bytes, "你好")).toBeCloseTo((6 / 1e6) * 50, 12);
    const chars: Price = { unit: "characters", perTenThousand: 2 };
    expect(speechCost(chars, "你好😀")).toBeCloseTo((3 / 1e4) * 2, 12);
    expect(speechCost(resolvePrice("siliconflow", "FunAudioLLM/CosyVoice2-0.5B").price, "hi")).toBeNull();
  });

  it("prices transcription by the minute; the free ASR models cost ¥0", () => {
    expect(transcriptionCost({ unit: "audio-seconds", perMinute: 0.6 }, 90)).toBeCloseTo(0.9, 12);
    expect(transcriptionCost(resolvePrice("siliconflow", "FunAudioLLM/SenseVoiceSmall").price, 600)).toBe(0);
  });

  it("gives no cost for a price in a unit that does not apply", () => {
    expect(videoCost({ unit: "image", perImage: 1 })).toBeNull();
    expect(imageBatchCost({ unit: "video", perVideo: 1 }, { count: 1 })).toBeNull();
  });
});

describe("user overrides over the shipped table", () => {
  it("an override wins, and clearing it brings the table back", () => {
    const mine: Price = { unit: "tokens", tiers: [{ rates: { input: 1, output: 2 } }] };
    const overrides = withOverride({}, "siliconflow", "deepseek-ai/DeepSeek-V3", mine);
    expect(resolvePrice("siliconflow", "deepseek-ai/DeepSeek-V3", overrides)).toEqual({
      price: mine,
      origin: "override",
    });
    const cleared = withOverride(overrides, "siliconflow", "deepseek-ai/DeepSeek-V3", null);
    expect(cleared).toEqual({});
    const table = resolvePrice("siliconflow", "deepseek-ai/DeepSeek-V3", cleared);
    expect(table.origin).toBe("table");
    expect(table.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("an override gives a price to a model the table does not know", () => {
    expect(resolvePrice("glm", "glm-5.2").origin).toBe("unknown");
    const overrides = withOverride({}, "glm", "glm-5.2", {
      unit: "tokens",
      tiers: [{ rates: { input: 8, output: 28 } }],
    });
    expect(resolvePrice("glm", "glm-5.2", overrides).price?.unit).toBe("tokens");
    expect(resolvePrice("glm", "no-such-model").origin).toBe("unknown");
  });

  it("validates overrides read back from storage or an import", () => {
    expect(isPriceOverrides({ "glm:glm-4.6": { unit: "image", perImage: 0.1 } })).toBe(true);
    expect(isPrice({ unit: "tokens", tiers: [] })).toBe(false);
    expect(isPrice({ unit: "image", perImage: -1 })).toBe(false);
    expect(isPrice({ unit: "gold" })).toBe(false);
  });
});

describe("speed figures", () => {
  it("time to first token and tokens per second over the generation time", () => {
    expect(speedFigures({ startedAt: 1000, firstTokenAt: 1400, finishedAt: 3400, outputTokens: 100 })).toEqual({
      ttftMs: 400,
      totalMs: 2400,
      tokensPerSecond: 50,
    });
  });

  it("no rate when nothing came or the reply came in one burst", () => {
    expect(speedFigures({ startedAt: 0, finishedAt: 500, outputTokens: 0 }).tokensPerSecond).toBeNull();
    expect(
      speedFigures({ startedAt: 0, firstTokenAt: 490, finishedAt: 500, outputTokens: 30 }).tokensPerSecond,
    ).toBeNull();
  });

  it("reads the route's relative figures", () => {
    expect(speedFromMetadata({ firstTokenMs: 200, durationMs: 1200, usage: { output: 50 } })).toEqual({
      ttftMs: 200,
      totalMs: 1200,
      tokensPerSecond: 50,
    });
    expect(speedFromMetadata({})).toBeNull();
  });
});
