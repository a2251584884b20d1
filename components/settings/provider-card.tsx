"use client";

import { ErrorAlert } from "@/components/ui/error-alert";
import { useT } from "@/lib/i18n/client";
import type { ProviderAccount } from "@/lib/providers/account";

const STATUS_STYLE: Record<ProviderAccount["status"], string> = {
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100",
  demo: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100",
  not_configured: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  failing: "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-100",
};

function BalanceList({ balance }: { balance: NonNullable<ProviderAccount["balance"]> }) {
  const t = useT();
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm" data-testid="balance">
      {balance.name && (
        <>
          <dt className="text-zinc-500">{t("settings.account")}</dt>
          <dd>{balance.name}</dd>
        </>
      )}
      <dt className="text-zinc-500">{t("settings.balance")}</dt>
      <dd>¥{balance.balance}</dd>
      {balance.chargeBalance !== undefined && (
        <>
          <dt className="text-zinc-500">{t("settings.balance.charge")}</dt>
          <dd>¥{balance.chargeBalance}</dd>
        </>
      )}
      {balance.totalBalance !== undefined && (
        <>
          <dt className="text-zinc-500">{t("settings.balance.total")}</dt>
          <dd>¥{balance.totalBalance}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * One provider in Settings: its live state, and its balance or where to find it. A provider that
 * no longer reports the balance gets a calm note with a console link, not an alert: nothing is wrong.
 */
export function ProviderCard({ account: p, onRetry }: { account: ProviderAccount; onRetry: () => void }) {
  const t = useT();
  const providerName = t(`settings.provider.${p.provider}`);
  return (
    <li
      data-testid={`provider-${p.provider}`}
      data-state={p.state}
      className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-medium">{providerName}</h3>
        <span
          data-testid={`provider-status-${p.provider}`}
          data-state={p.status}
          className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[p.status]}`}
        >
          {t(`settings.state.${p.status}`)}
        </span>
      </div>
      {p.error && <ErrorAlert error={p.error} onRetry={onRetry} />}
      {p.balance && <BalanceList balance={p.balance} />}
      {p.balanceNote && (
        <p className="text-xs text-zinc-500" data-testid="balance-note" data-note={p.balanceNote}>
          {t(p.balanceNote === "retired" ? "settings.balance.retired" : "settings.balance.unavailable")}{" "}
          <a href={p.consoleUrl} target="_blank" rel="noopener noreferrer" className="underline">
            {t("settings.balance.console", { provider: providerName })}
          </a>
        </p>
      )}
      {p.balanceError && !p.error && (
        <ErrorAlert error={p.balanceError} onRetry={onRetry} title={t("settings.balance.failed")} />
      )}
    </li>
  );
}
