import { describe, expect, it } from "vitest";
import { BILLING_RULES, type BillingRule, chatCost, selectTier, sumCosts } from "@/lib/cost/chat-cost";
import { estimateReplyUsage } from "@/lib/cost/estimate";
import { formatYuan } from "@/lib/cost/format";
import { type Price, perMillion } from "@/lib/cost/price";
import { resolvePrice } from "@/lib/cost/resolve";
import { deepseekImageTokens, qwenImageTokens } from "@/lib/vision/tokens";

// The cost of a chat reply, by each provider's rule: the test table the issue asks for.

const SF = BILLING_RULES.siliconflow;
const GLM = BILLING_RULES.glm;
const price = (provider: "siliconflow" | "glm", model: string) => resolvePrice(provider, model).price;

describe("chatCost: the arithmetic for each provider rule", () => {
  const cases: {
    name: string;
    price: Price | null;
    usage: { input: number; output: number; reasoning: number; cached?: number };
    rule: BillingRule;
    yuan: number | null;
  }[] = [
    {
      name: "SiliconFlow DeepSeek-V3: input x 2 + output x 8 per million (seed 003's formula)",
      price: price("siliconflow", "deepseek-ai/DeepSeek-V3"),
      usage: { input: 1000, output: 500, reasoning: 0 },
      rule: SF,
      yuan: (1000 * 2 + 500 * 8) / 1e6,
    },
    {
      name: "SiliconFlow DeepSeek-R1: reasoning is inside completion_tokens, billed once as output",
      price: price("siliconflow", "deepseek-ai/DeepSeek-R1"),
      usage: { input: 100, output: 2000, reasoning: 1500 },
      rule: SF,
      yuan: (100 * 4 + 2000 * 16) / 1e6,
    },
    {
      name: "a provider that reports reasoning outside completion_tokens bills it on top",
      price: perMillion(4, 16),
      usage: { input: 100, output: 500, reasoning: 1500 },
      rule: { reasoningInOutput: false, cachedInInput: true },
      yuan: (100 * 4 + 2000 * 16) / 1e6,
    },
    {
      name: "GLM-4.6, short prompt and short answer: the lowest band",
      price: price("glm", "glm-4.6"),
      usage: { input: 1000, output: 150, reasoning: 0 },
      rule: GLM,
      yuan: (1000 * 2 + 150 * 8) / 1e6,
    },
    {
      name: "GLM-4.6, short prompt, answer of 200 tokens or more (reasoning counts): the middle band",
      price: price("glm", "glm-4.6"),
      usage: { input: 1000, output: 400, reasoning: 300 },
      rule: GLM,
      yuan: (1000 * 3 + 400 * 14) / 1e6,
    },
    {
      name: "GLM-4.6, prompt of 32K tokens or more: the top band",
      price: price("glm", "glm-4.6"),
      usage: { input: 40_000, output: 100, reasoning: 0 },
      rule: GLM,
      yuan: (40_000 * 4 + 100 * 16) / 1e6,
    },
    {
      name: "GLM cached tokens are part of prompt_tokens and billed at the cache-hit price",
      price: price("glm", "glm-4.6"),
      usage: { input: 10_000, output: 500, reasoning: 0, cached: 8000 },
      rule: GLM,
      yuan: (2000 * 3 + 8000 * 0.6 + 500 * 14) / 1e6,
    },
    {
      name: "cached tokens without a cache price are billed as input",
      price: perMillion(2, 8),
      usage: { input: 10_000, output: 0, reasoning: 0, cached: 8000 },
      rule: SF,
      yuan: (10_000 * 2) / 1e6,
    },
    {
      name: "a provider that reports cached tokens outside prompt_tokens adds them",
      price: perMillion(2, 8, 0.5),
      usage: { input: 2000, output: 0, reasoning: 0, cached: 8000 },
      rule: { reasoningInOutput: true, cachedInInput: false },
      yuan: (2000 * 2 + 8000 * 0.5) / 1e6,
    },
    {
      name: "Qwen3.5 on SiliconFlow: a prompt over 128K tokens takes the long-context band",
      price: price("siliconflow", "Qwen/Qwen3.5-27B"),
      usage: { input: 130_000, output: 1000, reasoning: 0 },
      rule: SF,
      yuan: (130_000 * 1.8 + 1000 * 14.4) / 1e6,
    },
    {
      name: "a free model costs nothing whatever its usage",
      price: price("glm", "glm-4-flash"),
      usage: { input: 1e6, output: 1e6, reasoning: 0 },
      rule: GLM,
      yuan: 0,
    },
    {
      name: "an unknown price gives an unknown cost, not zero",
      price: price("glm", "glm-5.2"),
      usage: { input: 10, output: 10, reasoning: 0 },
      rule: GLM,
      yuan: null,
    },
    {
      name: "a per-image price does not cost a chat reply",
      price: { unit: "image", perImage: 0.06 },
      usage: { input: 10, output: 10, reasoning: 0 },
      rule: GLM,
      yuan: null,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const cost = chatCost(c.price, c.usage, c.rule);
      if (c.yuan === null) expect(cost.yuan).toBeNull();
      else expect(cost.yuan).toBeCloseTo(c.yuan, 12);
    });
  }

  it("reports the tokens billed at each rate", () => {
    const cost = chatCost(price("glm", "glm-4.5-air"), { input: 5000, output: 300, reasoning: 0, cached: 4000 }, GLM);
    expect(cost.billed).toEqual({ uncachedInput: 1000, cachedInput: 4000, output: 300 });
    expect(cost.rates).toEqual({ input: 0.8, output: 6, cachedInput: 0.16 });
  });

  it("treats missing or broken counts as zero rather than NaN", () => {
    const cost = chatCost(perMillion(1, 1), { input: Number.NaN, output: -5, reasoning: 0 }, SF);
    expect(cost.yuan).toBe(0);
  });

  it("bills a request past every band at the last band", () => {
    const banded: Extract<Price, { unit: "tokens" }> = {
      unit: "tokens",
      tiers: [
        { maxInput: 10, rates: { input: 1, output: 1 } },
        { maxInput: 20, rates: { input: 2, output: 2 } },
      ],
    };
    expect(selectTier(banded, 5, 0)?.input).toBe(1);
    expect(selectTier(banded, 10, 0)?.input).toBe(2);
    expect(selectTier(banded, 500, 0)?.input).toBe(2);
  });

  it("sums a conversation's costs and says when some were unknown", () => {
    expect(sumCosts([0.01, 0.02])).toEqual({ yuan: 0.03, complete: true });
    const partial = sumCosts([0.01, null, undefined]);
    expect(partial.yuan).toBeCloseTo(0.01, 12);
    expect(partial.complete).toBe(false);
  });
});

describe("estimated usage where the provider reported none", () => {
  it("counts a SiliconFlow image by the seed's Qwen rule and marks the cost estimated", () => {
    const model = { provider: "siliconflow" as const, id: "Qwen/Qwen2.5-VL-72B-Instruct" };
    const withImage = estimateReplyUsage(
      model,
      [{ text: "", images: [{ width: 1024, height: 1024, detail: "high" }] }],
      { text: "" },
    );
    const without = estimateReplyUsage(model, [{ text: "", images: [] }], { text: "" });
    // Seed 003: a 1024 x 1024 image at detail=high costs 1369 tokens on Qwen-VL.
    expect(withImage.input - without.input).toBe(qwenImageTokens(1024, 1024, "high"));
    expect(qwenImageTokens(1024, 1024, "high")).toBe(1369);
    const cost = chatCost(perMillion(1, 1), withImage, SF, { estimated: true });
    expect(cost.estimated).toBe(true);
  });

  it("counts a DeepSeek-VL2 image by its own rule (seed 003: 1024 x 1024 high = 2017 tokens)", () => {
    const model = { provider: "siliconflow" as const, id: "deepseek-ai/deepseek-vl2" };
    const usage = estimateReplyUsage(model, [{ text: "", images: [{ width: 1024, height: 1024, detail: "high" }] }], {
      text: "",
    });
    const base = estimateReplyUsage(model, [{ text: "", images: [] }], { text: "" });
    expect(usage.input - base.input).toBe(deepseekImageTokens(1024, 1024, "high"));
    expect(deepseekImageTokens(1024, 1024, "high")).toBe(2017);
  });

  it("counts the reply's reasoning inside its output", () => {
    const usage = estimateReplyUsage({ provider: "glm", id: "glm-4.6" }, [{ text: "你好", images: [] }], {
      text: "回答",
      reasoning: "思考思考",
    });
    expect(usage.reasoning).toBe(4);
    expect(usage.output).toBe(6);
  });
});

describe("formatYuan (ui-contract message-cost)", () => {
  it.each([
    [0, "¥0"],
    [0.0123, "¥0.0123"],
    [0.00125, "¥0.0013"],
    [0.00004, "<¥0.0001"],
    [0.5, "¥0.5000"],
    [1.2345, "¥1.23"],
    [12_345.678, "¥12,345.68"],
  ])("%s → %s", (yuan, text) => {
    expect(formatYuan(yuan)).toBe(text);
  });

  it("gives null for an unknown cost, so the UI says so in the user's language", () => {
    expect(formatYuan(null)).toBeNull();
    expect(formatYuan(Number.NaN)).toBeNull();
  });
});
