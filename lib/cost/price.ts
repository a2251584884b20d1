import { z } from "zod";

// What a model costs, in yuan, in the unit its provider bills by. Shared by the shipped tables
// (lib/providers/prices-*.ts), the user's overrides (kept by the browser, validated with these schemas
// on import) and the arithmetic in lib/cost. Pure and browser-safe.

const yuan = z.number().finite().min(0);
const tokenCount = z.number().int().positive();

/** Yuan per million tokens. Cached input is billed at `input` where a provider has no cache price. */
const tokenRatesSchema = z.object({
  input: yuan,
  output: yuan,
  cachedInput: yuan.optional(),
});

/**
 * One band of a tiered price. A request falls in the first tier whose bounds it stays under:
 * `maxInput` counts the whole prompt (cached tokens included), `maxOutput` the whole completion
 * (reasoning included); an absent bound is unlimited. GLM bands its prices by prompt length and, for the
 * shortest prompts, by the length of the answer (docs.bigmodel.cn "API 定价").
 */
const tokenTierSchema = z.object({
  maxInput: tokenCount.optional(),
  maxOutput: tokenCount.optional(),
  rates: tokenRatesSchema,
});

export const priceSchema = z.discriminatedUnion("unit", [
  /** Free to use: every capability costs ¥0. */
  z.object({ unit: z.literal("free") }),
  z.object({ unit: z.literal("tokens"), tiers: z.array(tokenTierSchema).min(1).max(8) }),
  z.object({ unit: z.literal("image"), perImage: yuan }),
  /**
   * Per megapixel (1024 x 1024 pixels) per inference step, per image: SiliconFlow's other image price
   * (seed 003, "生图计费介绍": ¥x/M px/Steps).
   */
  z.object({ unit: z.literal("megapixel-steps"), perMegapixelStep: yuan }),
  z.object({ unit: z.literal("video"), perVideo: yuan }),
  /** SiliconFlow bills speech by the UTF-8 bytes of the input text (seed 003, text-to-speech). */
  z.object({ unit: z.literal("utf8-bytes"), perMillionBytes: yuan }),
  /** Per 10,000 characters of text, as other speech providers bill. */
  z.object({ unit: z.literal("characters"), perTenThousand: yuan }),
  /** Transcription billed by audio length. */
  z.object({ unit: z.literal("audio-seconds"), perMinute: yuan }),
]);

export type TokenRates = z.infer<typeof tokenRatesSchema>;
export type Price = z.infer<typeof priceSchema>;

/** A row of a shipped table: the price (null = not published where we looked), and where it was read. */
export interface PriceEntry {
  price: Price | null;
  /** YYYY-MM-DD: the day the source was read. */
  read: string;
  /** Where the figure comes from (a URL, or a URL and what was read there). */
  source: string;
  note?: string;
}

/** The key of a model in the price tables and in the user's overrides. */
export function priceKey(provider: string, model: string): string {
  return `${provider}:${model}`;
}

/** The user's own prices, keyed by `priceKey`; they win over the shipped table. */
export const priceOverridesSchema = z.record(z.string().min(3).max(300), priceSchema);
export type PriceOverrides = z.infer<typeof priceOverridesSchema>;

/** Shorthand for the tables: one flat token price. */
export function perMillion(input: number, output: number, cachedInput?: number): Price {
  const rates: TokenRates = cachedInput === undefined ? { input, output } : { input, output, cachedInput };
  return { unit: "tokens", tiers: [{ rates }] };
}
