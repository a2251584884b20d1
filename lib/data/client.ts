// The browser's side of "your data" (Settings → Data): backups, storage use and persistence.
// Components reach the database through this module only, so the backup format and the tables can
// change behind it (scripts/check-boundaries.mjs keeps components off lib/db).

import { getDB } from "@/lib/db";
import { backupFileName, exportAll, type ImportReport, importAll, TABLES } from "@/lib/db/backup";
import type { TableCounts } from "@/lib/db/backup-summary";

export { isPersisted, requestPersistence, type StorageEstimateResult, storageEstimate } from "@/lib/db";
export type { ImportReport } from "@/lib/db/backup";
export { exportSentence, restoreSentence } from "@/lib/db/backup-summary";

/** Saves a backup of everything as a download and says how many rows of each table it holds. */
export async function downloadBackup(): Promise<TableCounts> {
  const backup = await exportAll(getDB());
  const blob = new Blob([JSON.stringify(backup)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = backupFileName();
  a.click();
  // The download reads the URL after this task; revoking at once would cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  const rows = backup as unknown as Record<string, unknown[] | undefined>;
  return Object.fromEntries(TABLES.map((k) => [k, rows[k]?.length ?? 0]));
}

/** Restores a backup file into this browser's database, keeping what is already there. */
export async function restoreBackup(file: File): Promise<ImportReport> {
  return importAll(getDB(), await file.text());
}
