// A backup's contents in words ("1 conversation, 2 messages and 4 images"), for the export and
// restore messages in Settings: people count conversations and images, not database records.

import type { Locale, MessageKey, Translate } from "@/lib/i18n";
import { TABLES, type TableName } from "./backup-format";

export type TableCounts = Partial<Record<TableName, number>>;

function noun(t: Translate, table: TableName, count: number): string {
  const form = count === 1 ? "one" : "other";
  return t(`data.n.${table}.${form}` as MessageKey, { count });
}

/** "1 conversation, 2 messages and 4 images"; empty when every count is zero. */
export function describeCounts(t: Translate, locale: Locale, counts: TableCounts): string {
  const parts = TABLES.filter((table) => (counts[table] ?? 0) > 0).map((table) => noun(t, table, counts[table] ?? 0));
  if (parts.length === 0) return "";
  return new Intl.ListFormat(locale === "zh" ? "zh-CN" : "en", { type: "conjunction" }).format(parts);
}

const total = (counts: TableCounts) => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

/** The whole message after a restore: what came back, and how many items were left alone. */
export function restoreSentence(t: Translate, locale: Locale, added: TableCounts, skipped: TableCounts): string {
  const what = describeCounts(t, locale, added);
  const first = what ? t("data.restored", { what }) : t("data.restored.nothing");
  const left = total(skipped);
  return left > 0
    ? `${first} ${t(left === 1 ? "data.restored.skipped.one" : "data.restored.skipped", { count: left })}`
    : first;
}

/** The message after an export: what the file holds. */
export function exportSentence(t: Translate, locale: Locale, counts: TableCounts): string {
  const what = describeCounts(t, locale, counts);
  return what ? t("data.exported", { what }) : t("data.exported.empty");
}
