"use client";

import { useCallback, useEffect, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { apiJson } from "@/lib/api-client";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import type { ProviderAccount } from "@/lib/providers/account";
import { MODEL_TYPES, type ModelType } from "@/lib/providers/catalog";
import { SignOutDialog } from "./sign-out-dialog";

interface Overview {
  demo: boolean;
  accessControl: boolean;
  providers: ProviderAccount[];
}

interface ModelsResponse {
  models: { provider: string }[];
}

const STATE_STYLE: Record<ProviderAccount["state"], string> = {
  configured: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100",
  demo: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100",
  not_configured: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  failing: "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-100",
};

function SignOutButton() {
  const t = useT();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setAsking(true)}
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
      >
        {t("auth.logout")}
      </button>
      <SignOutDialog
        open={asking}
        onClose={() => setAsking(false)}
        signOut={async () => {
          await fetch("/api/auth", { method: "DELETE" });
        }}
      />
    </>
  );
}

export function ProviderPanel() {
  const t = useT();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [counts, setCounts] = useState<Partial<Record<ModelType, number>>>({});
  const [error, setError] = useState<AppErrorJSON | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [account, ...lists] = await Promise.all([
        apiJson<Overview>("/api/account"),
        ...MODEL_TYPES.map((type) => apiJson<ModelsResponse>(`/api/models?type=${type}`)),
      ]);
      setOverview(account);
      setCounts(Object.fromEntries(MODEL_TYPES.map((type, i) => [type, lists[i]?.models.length ?? 0])));
    } catch (err) {
      setError(AppError.from(err).toJSON());
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorAlert error={error} onRetry={load} />;
  if (!overview) return <p className="text-sm text-zinc-500">{t("common.loading")}</p>;

  return (
    <div className="space-y-6">
      <section aria-labelledby="providers-heading" className="space-y-3">
        <h2 id="providers-heading" className="text-lg font-semibold">
          {t("settings.providers")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {overview.providers.map((p) => (
            <li
              key={p.provider}
              data-testid={`provider-${p.provider}`}
              data-state={p.state}
              className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
            >
              <div className="flex items-center justify-between gap-2">
                <h3 className="font-medium">{t(`settings.provider.${p.provider}`)}</h3>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_STYLE[p.state]}`}>
                  {t(`settings.state.${p.state}`)}
                </span>
              </div>
              {p.balance && (
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm" data-testid="balance">
                  {p.balance.name && (
                    <>
                      <dt className="text-zinc-500">{t("settings.account")}</dt>
                      <dd>{p.balance.name}</dd>
                    </>
                  )}
                  <dt className="text-zinc-500">{t("settings.balance")}</dt>
                  <dd>¥{p.balance.balance}</dd>
                  {p.balance.chargeBalance !== undefined && (
                    <>
                      <dt className="text-zinc-500">{t("settings.balance.charge")}</dt>
                      <dd>¥{p.balance.chargeBalance}</dd>
                    </>
                  )}
                  {p.balance.totalBalance !== undefined && (
                    <>
                      <dt className="text-zinc-500">{t("settings.balance.total")}</dt>
                      <dd>¥{p.balance.totalBalance}</dd>
                    </>
                  )}
                </dl>
              )}
              {p.provider === "glm" && p.state !== "not_configured" && (
                <p className="text-xs text-zinc-500">{t("settings.balance.unavailable")}</p>
              )}
              {p.error && <ErrorAlert error={p.error} onRetry={load} />}
            </li>
          ))}
        </ul>
        <p className="text-sm text-zinc-500">{t("settings.howto")}</p>
        {overview.accessControl && <SignOutButton />}
      </section>
      <section aria-labelledby="models-heading" className="space-y-2">
        <h2 id="models-heading" className="text-lg font-semibold">
          {t("settings.models")}
        </h2>
        <dl className="grid grid-cols-[auto_auto] justify-start gap-x-6 gap-y-1 text-sm" data-testid="model-counts">
          {MODEL_TYPES.map((type) => (
            <div key={type} className="contents" data-testid={`model-count-${type}`}>
              <dt>{t(`settings.models.type.${type}`)}</dt>
              <dd className="tabular-nums">{counts[type] ?? 0}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
