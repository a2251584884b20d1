"use client";

import type { AppErrorJSON } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";

/** A typed app error in the user's language: what happened, what to do, and the trace id for a report. */
export function ErrorAlert({
  error,
  onRetry,
  onDismiss,
  title,
}: {
  error: AppErrorJSON;
  onRetry?: () => void;
  onDismiss?: () => void;
  title?: string;
}) {
  const { locale, t } = useI18n();
  return (
    <div
      role="alert"
      data-error-code={error.code}
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      {title && <p className="font-medium">{title}</p>}
      <p>{locale === "zh" ? error.message.zh : error.message.en}</p>
      {error.detail && <p className="mt-1 break-words text-xs opacity-80">{error.detail}</p>}
      {error.traceId && (
        <p className="mt-1 text-xs opacity-70">
          {t("common.traceId")}: <code>{error.traceId}</code>
        </p>
      )}
      {(onRetry || onDismiss) && (
        <div className="mt-2 flex gap-2">
          {onRetry && (
            <button type="button" onClick={onRetry} className="rounded border border-current px-2 py-0.5">
              {t("common.retry")}
            </button>
          )}
          {onDismiss && (
            <button type="button" onClick={onDismiss} className="rounded px-2 py-0.5 underline">
              {t("common.dismiss")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
