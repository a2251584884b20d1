// Yuan as the UI shows it (ui-contract: `message-cost` reads like `¥0.0123`; free models `¥0`).
// Pure: the same string on the server, in the browser and in tests.

const SMALLEST = 0.0001;

/**
 * `¥0` for nothing, `<¥0.0001` for a cost too small to show, four decimals under ¥1 (a single reply is
 * usually a fraction of a fen), two from ¥1 on. Null (unknown price) gives null: the caller says
 * "unknown" in the user's language.
 */
export function formatYuan(yuan: number | null | undefined): string | null {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return null;
  if (yuan <= 0) return "¥0";
  if (yuan < SMALLEST) return "<¥0.0001";
  const digits = yuan < 1 ? 4 : 2;
  const factor = 10 ** digits;
  // Rounded on integers: toFixed alone rounds 0.00125 down because of its binary representation.
  const rounded = Math.round((yuan + Number.EPSILON) * factor) / factor;
  const [whole, fraction] = rounded.toFixed(digits).split(".");
  return `¥${Number(whole).toLocaleString("en-US")}.${fraction}`;
}
