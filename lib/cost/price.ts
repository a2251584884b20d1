// What a model costs, in yuan, in the unit its provider bills by. Shared by the shipped tables
// (lib/providers/prices-*.ts), the user's overrides (kept by the browser) and the arithmetic in
// lib/cost. Pure, browser-safe and zod-free: the chat page loads it up front, so stored overrides are
// checked with plain code (`isPriceOverrides`; cases in tests/unit/cost-checks.test.ts).

/** Yuan per million tokens. Cached input is billed at `input` where a provider has no cache price. */
export interface TokenRates {
  input: number;
  output: number;
  cachedInput?: number;
}

/**
 * One band of a tiered price. A request falls in the first tier whose bounds it stays under:
 * `maxInput` counts the whole prompt (cached tokens included), `maxOutput` the whole completion
 * (reasoning included); an absent bound is unlimited. GLM bands its prices by prompt length and, for the
 * shortest prompts, by the length of the answer (docs.bigmodel.cn "API 定价").
 */
interface TokenTier {
  maxInput?: number;
  maxOutput?: number;
  rates: TokenRates;
}

export type Price =
  /** Free to use: every capability costs ¥0. */
  | { unit: "free" }
  | { unit: "tokens"; tiers: TokenTier[] }
  | { unit: "image"; perImage: number }
  /**
   * Per megapixel (1024 x 1024 pixels) per inference step, per image: SiliconFlow's other image price
   * (seed 003, "生图计费介绍": ¥x/M px/Steps).
   */
  | { unit: "megapixel-steps"; perMegapixelStep: number }
  | { unit: "video"; perVideo: number }
  /** SiliconFlow bills speech by the UTF-8 bytes of the input text (seed 003, text-to-speech). */
  | { unit: "utf8-bytes"; perMillionBytes: number }
  /** Per 10,000 characters of text, as other speech providers bill. */
  | { unit: "characters"; perTenThousand: number }
  /** Transcription billed by audio length. */
  | { unit: "audio-seconds"; perMinute: number };

/** The single yuan field of each flat unit. */
const FLAT_FIELD = {
  image: "perImage",
  "megapixel-steps": "perMegapixelStep",
  video: "perVideo",
  "utf8-bytes": "perMillionBytes",
  characters: "perTenThousand",
  "audio-seconds": "perMinute",
} as const;

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
export type PriceOverrides = Record<string, Price>;
const PRICE_KEY_LENGTH = { min: 3, max: 300 } as const;
const MAX_TIERS = 8;

/** Shorthand for the tables: one flat token price. */
export function perMillion(input: number, output: number, cachedInput?: number): Price {
  const rates: TokenRates = cachedInput === undefined ? { input, output } : { input, output, cachedInput };
  return { unit: "tokens", tiers: [{ rates }] };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isYuan = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0;
const isOptional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isTokenCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v > 0;

function isTier(v: unknown): boolean {
  if (!isRecord(v) || !isRecord(v.rates)) return false;
  const { input, output, cachedInput } = v.rates;
  return (
    isYuan(input) &&
    isYuan(output) &&
    isOptional(cachedInput, isYuan) &&
    isOptional(v.maxInput, isTokenCount) &&
    isOptional(v.maxOutput, isTokenCount)
  );
}

/** Whether `v` is a Price (extra keys are allowed). */
export function isPrice(v: unknown): v is Price {
  if (!isRecord(v) || typeof v.unit !== "string") return false;
  if (v.unit === "free") return true;
  if (v.unit === "tokens") {
    return Array.isArray(v.tiers) && v.tiers.length >= 1 && v.tiers.length <= MAX_TIERS && v.tiers.every(isTier);
  }
  if (!Object.hasOwn(FLAT_FIELD, v.unit)) return false;
  return isYuan(v[FLAT_FIELD[v.unit as keyof typeof FLAT_FIELD]]);
}

/** Whether `v` is a set of overrides as the browser stores them (read back from localStorage). */
export function isPriceOverrides(v: unknown): v is PriceOverrides {
  return (
    isRecord(v) &&
    Object.entries(v).every(
      ([key, price]) => key.length >= PRICE_KEY_LENGTH.min && key.length <= PRICE_KEY_LENGTH.max && isPrice(price),
    )
  );
}
