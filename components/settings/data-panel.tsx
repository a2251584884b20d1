"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { getDB, isPersisted, requestPersistence, type StorageEstimateResult, storageEstimate } from "@/lib/db";
import { backupFileName, exportAll, type ImportReport, importAll } from "@/lib/db/backup";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";

function formatBytes(n: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toLocaleString(locale, { maximumFractionDigits: v < 10 && i > 0 ? 1 : 0 })} ${units[i]}`;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function DataPanel() {
  const { t, locale } = useI18n();
  const [estimate, setEstimate] = useState<StorageEstimateResult | null | undefined>(undefined);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [busy, setBusy] = useState<"export" | "import" | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    setEstimate(await storageEstimate());
    setPersisted((await isPersisted()) || (await requestPersistence()));
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function onExport() {
    setBusy("export");
    setError(null);
    setStatus(t("data.exporting"));
    try {
      const backup = await exportAll(getDB());
      const blob = new Blob([JSON.stringify(backup)], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = backupFileName();
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const count = ["conversations", "messages", "images", "videos", "speech", "attachments"].reduce(
        (n, k) => n + ((backup as unknown as Record<string, unknown[]>)[k]?.length ?? 0),
        0,
      );
      setStatus(t("data.exported", { count }));
    } catch (err) {
      setStatus(null);
      setError(AppError.from(err).toJSON());
    } finally {
      setBusy(null);
    }
  }

  async function onImport(file: File) {
    setBusy("import");
    setError(null);
    setReport(null);
    setStatus(t("data.importing"));
    try {
      const result = await importAll(getDB(), await file.text());
      setReport(result);
      setStatus(t("data.imported", { added: sum(result.added), skipped: sum(result.skipped) }));
      await refresh();
    } catch (err) {
      setStatus(null);
      setError(AppError.from(err).toJSON());
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  const buttonClass =
    "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-900";

  return (
    <section aria-labelledby="data-heading" className="space-y-3" data-testid="data-panel">
      <h2 id="data-heading" className="text-lg font-semibold">
        {t("data.title")}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("data.where")}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="text-zinc-500">{t("data.usage")}</dt>
        <dd data-testid="storage-usage">
          {estimate === undefined
            ? t("common.loading")
            : estimate
              ? t("data.usage.value", {
                  used: formatBytes(estimate.usage, locale),
                  quota: formatBytes(estimate.quota, locale),
                })
              : t("data.usage.unknown")}
        </dd>
      </dl>
      {persisted !== null && (
        <p className="text-xs text-zinc-500">{persisted ? t("data.persisted") : t("data.notPersisted")}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass} onClick={onExport} disabled={busy !== null}>
          {t("data.export")}
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={() => fileInput.current?.click()}
          disabled={busy !== null}
        >
          {t("data.import")}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          data-testid="import-input"
          aria-label={t("data.import")}
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void onImport(file);
          }}
        />
      </div>
      {status && (
        <p role="status" className="text-sm" data-testid="data-status">
          {status}
        </p>
      )}
      {report && report.errors.length > 0 && (
        <details className="text-xs text-zinc-500">
          <summary>{t("data.importErrors")}</summary>
          <ul className="mt-1 list-disc pl-5">
            {report.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </details>
      )}
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
