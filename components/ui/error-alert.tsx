"use client";

import { type AppErrorJSON, errorText } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import { Disclosure } from "./disclosure";

/**
 * A typed app error in the user's language: what happened and what to do. The technical detail
 * (e.g. `ECONNREFUSED 127.0.0.1:443`) and the trace id for a report sit behind a Details disclosure.
 */
export function ErrorAlert({
  error,
  onRetry,
  onDismiss,
  title,
  detailOpen,
}: {
  error: AppErrorJSON;
  onRetry?: () => void;
  onDismiss?: () => void;
  title?: string;
  /** The detail is itself the explanation (e.g. a provider's reason for a failed job): show it open. */
  detailOpen?: boolean;
}) {
  const { locale, t } = useI18n();
  return (
    <div
      role="alert"
      data-error-code={error.code}
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      {title && <p className="font-medium">{title}</p>}
      <p>{errorText(error, locale)}</p>
      <ErrorDetails error={error} open={detailOpen} />
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

/** The technical side of an error, folded away: the raw detail and the trace id for a report. */
export function ErrorDetails({ error, open }: { error: AppErrorJSON; open?: boolean }) {
  const { t } = useI18n();
  if (!error.detail && !error.traceId) return null;
  return (
    <div data-testid="error-details" className="mt-1">
      <Disclosure summary={t("common.details")} defaultOpen={open}>
        {error.detail && <p className="break-words text-xs opacity-80">{error.detail}</p>}
        {error.traceId && (
          <p className="mt-1 text-xs opacity-70">
            {t("common.traceId")}: <code>{error.traceId}</code>
          </p>
        )}
      </Disclosure>
    </div>
  );
}
