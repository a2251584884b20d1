"use client";

import { useCallback, useEffect, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { apiJson } from "@/lib/api-client";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import type { ProviderAccount } from "@/lib/providers/account";
import { MODEL_TYPES, type ModelType } from "@/lib/providers/catalog";
import { ProviderCard } from "./provider-card";
import { SignOutDialog } from "./sign-out-dialog";

interface Overview {
  demo: boolean;
  accessControl: boolean;
  providers: ProviderAccount[];
}

interface ModelsResponse {
  models: { provider: string }[];
}

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
            <ProviderCard key={p.provider} account={p} onRetry={load} />
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
