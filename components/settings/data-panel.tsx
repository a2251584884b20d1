"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import {
  downloadBackup,
  exportSentence,
  type ImportReport,
  isPersisted,
  requestPersistence,
  restoreBackup,
  restoreSentence,
  type StorageEstimateResult,
  storageEstimate,
} from "@/lib/data/client";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import { CLEARED_FLAG, ClearDataDialog } from "./clear-data-dialog";
import { SettingsSection } from "./settings-section";

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

// granted: already persistent; agreed / denied: the browser's answer to the button.
type Persist = "granted" | "not_granted" | "asking" | "agreed" | "denied";

export function DataPanel() {
  const { t, locale } = useI18n();
  const [estimate, setEstimate] = useState<StorageEstimateResult | null | undefined>(undefined);
  const [persist, setPersist] = useState<Persist | null>(null);
  const [busy, setBusy] = useState<"export" | "import" | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Only reads whether storage is persistent: asking is the user's choice (the button below).
  const refresh = useCallback(async () => {
    setEstimate(await storageEstimate());
    setPersist((await isPersisted()) ? "granted" : "not_granted");
  }, []);

  useEffect(() => {
    void refresh();
    // The page reloaded after "Clear all data": say it is done.
    try {
      if (sessionStorage.getItem(CLEARED_FLAG)) {
        sessionStorage.removeItem(CLEARED_FLAG);
        setStatus(t("data.cleared"));
      }
    } catch {
      // Storage disabled: nothing to say.
    }
  }, [refresh, t]);

  /** Downloads a backup; returns what it holds in words, or null on failure (shown as an alert). */
  async function onExport(): Promise<string | null> {
    setBusy("export");
    setError(null);
    setStatus(t("data.exporting"));
    try {
      const counts = await downloadBackup();
      const said = exportSentence(t, locale, counts);
      setStatus(said);
      return said;
    } catch (err) {
      setStatus(null);
      setError(AppError.from(err).toJSON());
      return null;
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
      const result = await restoreBackup(file);
      setReport(result);
      setStatus(restoreSentence(t, locale, result.added, result.skipped));
      await refresh();
    } catch (err) {
      setStatus(null);
      setError(AppError.from(err).toJSON());
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  async function onPersist() {
    setPersist("asking");
    setPersist((await requestPersistence()) ? "agreed" : "denied");
  }

  return (
    <SettingsSection id="data" title={t("data.title")} hint={t("data.where")} testId="data-panel">
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
      <div className="space-y-2" data-testid="persist" data-state={persist ?? undefined}>
        {persist === "granted" && <p className="text-xs text-zinc-500">{t("data.persisted")}</p>}
        {persist === "not_granted" && <p className="text-xs text-zinc-500">{t("data.notPersisted")}</p>}
        {(persist === "not_granted" || persist === "asking" || persist === "denied") && (
          <Button variant="secondary" size="sm" loading={persist === "asking"} onClick={onPersist}>
            {t("data.persist")}
          </Button>
        )}
        <p role="status" data-testid="persist-status" className="text-sm">
          {persist === "asking" && t("data.persist.asking")}
          {persist === "agreed" && t("data.persist.granted")}
          {persist === "denied" && t("data.persist.denied")}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void onExport()} disabled={busy !== null}>
          {t("data.export")}
        </Button>
        <Button variant="secondary" onClick={() => fileInput.current?.click()} disabled={busy !== null}>
          {t("data.import")}
        </Button>
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
        <ClearDataDialog onExport={onExport} disabled={busy !== null} />
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
    </SettingsSection>
  );
}
