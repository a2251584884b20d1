import { z } from "zod";
import { type BudgetSettings, MONTHLY_BUDGET_MAX } from "./budget";
import { MAX_TIERS, PRICE_KEY_LENGTH, type Price, type TokenRates } from "./price";

// The cost shapes as zod schemas, for code that already ships zod (the server, tests, a JSON import).
// The browser's first load checks the same shapes without zod (isPrice, isBudgetSettings); the
// compile-time checks below fail the build if a schema and its plain type drift apart, and a unit
// test (cost-schemas) runs both checks over the same values.

const yuan = z.number().finite().min(0);
const tokenCount = z.number().int().positive();

const tokenRatesSchema = z.object({
  input: yuan,
  output: yuan,
  cachedInput: yuan.optional(),
});

const tokenTierSchema = z.object({
  maxInput: tokenCount.optional(),
  maxOutput: tokenCount.optional(),
  rates: tokenRatesSchema,
});

export const priceSchema = z.discriminatedUnion("unit", [
  z.object({ unit: z.literal("free") }),
  z.object({ unit: z.literal("tokens"), tiers: z.array(tokenTierSchema).min(1).max(MAX_TIERS) }),
  z.object({ unit: z.literal("image"), perImage: yuan }),
  z.object({ unit: z.literal("megapixel-steps"), perMegapixelStep: yuan }),
  z.object({ unit: z.literal("video"), perVideo: yuan }),
  z.object({ unit: z.literal("utf8-bytes"), perMillionBytes: yuan }),
  z.object({ unit: z.literal("characters"), perTenThousand: yuan }),
  z.object({ unit: z.literal("audio-seconds"), perMinute: yuan }),
]);

export const priceOverridesSchema = z.record(
  z.string().min(PRICE_KEY_LENGTH.min).max(PRICE_KEY_LENGTH.max),
  priceSchema,
);

export const budgetSettingsSchema = z.object({
  monthlyYuan: z.number().finite().positive().max(MONTHLY_BUDGET_MAX).nullable(),
  block: z.boolean(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof priceSchema>, Price>,
  Same<z.infer<typeof tokenRatesSchema>, TokenRates>,
  Same<z.infer<typeof budgetSettingsSchema>, BudgetSettings>,
] = [true, true, true];
void sameShapes;
