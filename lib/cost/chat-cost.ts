import type { Provider } from "@/lib/errors";
import type { Price, TokenRates } from "./price";

// The cost of one chat reply from the usage its provider reported, by each provider's own rule.
// Pure and browser-safe.

/** A reply's usage as the chat route reports it (ChatUsage, lib/chat/contract.ts). */
export interface ReplyUsage {
  /** Prompt tokens as reported: cached tokens included. */
  input: number;
  /** Completion tokens as reported. */
  output: number;
  /** Reasoning tokens (a detail of the completion). */
  reasoning: number;
  /** Prompt tokens served from the provider's cache (a detail of `input`). */
  cached?: number;
}

/** How a provider counts what it bills. */
export interface BillingRule {
  /** Reasoning tokens are already inside `completion_tokens`; false would bill them on top. */
  reasoningInOutput: boolean;
  /** Cached tokens are inside `prompt_tokens`; false would add them to it. */
  cachedInInput: boolean;
}

/**
 * Both providers follow OpenAI's usage shape: `completion_tokens_details.reasoning_tokens` and
 * `prompt_tokens_details.cached_tokens` are parts of the totals, not additions (upstream-contract.md,
 * SiliconFlow streaming and "GLM streams" late 2026; seed 003's formula bills input x input price plus
 * output x output price, and DeepSeek-R1's output price includes its chain of thought). GLM bills
 * `uncached input + cache hits + output` (docs.bigmodel.cn "API 定价"). The AI SDK reads them the same
 * way (@ai-sdk/openai-compatible convertOpenAICompatibleChatUsage: noCache = prompt - cached).
 */
export const BILLING_RULES: Record<Provider, BillingRule> = {
  siliconflow: { reasoningInOutput: true, cachedInInput: true },
  glm: { reasoningInOutput: true, cachedInInput: true },
};

export interface CostBreakdown {
  /** Yuan, or null where the price is unknown or not a token price. */
  yuan: number | null;
  /** The model is free: the reply costs ¥0 whatever its usage. */
  free: boolean;
  /** Tokens billed at each rate (absent where no token price applied). */
  billed?: { uncachedInput: number; cachedInput: number; output: number };
  rates?: TokenRates;
  /** The usage was estimated (the provider reported none): the cost is an estimate too. */
  estimated?: boolean;
}

const clean = (n: number | undefined) => (Number.isFinite(n) && (n as number) > 0 ? Math.floor(n as number) : 0);

/** The band a request falls in: the first whose bounds its prompt and completion stay under. */
export function selectTier(
  price: Extract<Price, { unit: "tokens" }>,
  input: number,
  output: number,
): TokenRates | null {
  for (const tier of price.tiers) {
    if (tier.maxInput !== undefined && input >= tier.maxInput) continue;
    if (tier.maxOutput !== undefined && output >= tier.maxOutput) continue;
    return tier.rates;
  }
  // Bands are written low to high; a request past them all is billed at the last.
  return price.tiers[price.tiers.length - 1]?.rates ?? null;
}

export function chatCost(
  price: Price | null,
  usage: ReplyUsage,
  rule: BillingRule,
  options: { estimated?: boolean } = {},
): CostBreakdown {
  const estimated = options.estimated ? { estimated: true } : {};
  if (!price) return { yuan: null, free: false, ...estimated };
  if (price.unit === "free") return { yuan: 0, free: true, ...estimated };
  if (price.unit !== "tokens") return { yuan: null, free: false, ...estimated };
  const reported = clean(usage.input);
  const cached = clean(usage.cached);
  const input = rule.cachedInInput ? Math.max(reported, cached) : reported + cached;
  const output = rule.reasoningInOutput ? clean(usage.output) : clean(usage.output) + clean(usage.reasoning);
  const rates = selectTier(price, input, output);
  if (!rates) return { yuan: null, free: false, ...estimated };
  const billed = { uncachedInput: input - cached, cachedInput: cached, output };
  const yuan =
    (billed.uncachedInput * rates.input + cached * (rates.cachedInput ?? rates.input) + output * rates.output) /
    1_000_000;
  return { yuan, free: false, billed, rates, ...estimated };
}

/** Adds costs; unknown parts make the total unknown-in-part (`complete` false) but still sum the known. */
export function sumCosts(costs: readonly (number | null | undefined)[]): { yuan: number; complete: boolean } {
  let yuan = 0;
  let complete = true;
  for (const c of costs) {
    if (c === null || c === undefined || !Number.isFinite(c)) complete = false;
    else yuan += c;
  }
  return { yuan, complete };
}
