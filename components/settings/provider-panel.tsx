"use client";

import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { apiJson } from "@/lib/api-client";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import type { ProviderAccount } from "@/lib/providers/account";
import { MODEL_TYPES, type ModelInfo, type ModelType } from "@/lib/providers/catalog";
import type { ModelsResponse } from "@/lib/providers/contract";
import { type CheckResult, ConnectionTest } from "./connection-test";
import { KeyHowTo } from "./key-howto";
import { ModelCatalog } from "./model-catalog";
import { ProviderCard } from "./provider-card";
import { SettingsSection } from "./settings-section";
import { SignOutDialog } from "./sign-out-dialog";

interface Overview {
  demo: boolean;
  accessControl: boolean;
  providers: ProviderAccount[];
}

function SignOutButton() {
  const t = useT();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t("auth.logout")}
      </Button>
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

export function ProviderPanel({ onDemo }: { onDemo?: (demo: boolean) => void }) {
  const t = useT();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [models, setModels] = useState<Partial<Record<ModelType, ModelInfo[]>>>({});
  const [error, setError] = useState<AppErrorJSON | null>(null);

  // One pass over the account check and every model kind; "Test connection" runs it again and
  // reads the same answers back as sentences.
  const load = useCallback(async (): Promise<CheckResult | null> => {
    setError(null);
    try {
      const [account, ...lists] = await Promise.all([
        apiJson<Overview>("/api/account"),
        ...MODEL_TYPES.map((type) => apiJson<ModelsResponse>(`/api/models?type=${type}`)),
      ]);
      setOverview(account);
      onDemo?.(account.demo);
      setModels(Object.fromEntries(MODEL_TYPES.map((type, i) => [type, lists[i]?.models ?? []])));
      const counts: CheckResult["counts"] = {};
      const errors: CheckResult["errors"] = {};
      for (const list of lists) {
        for (const m of list.models) counts[m.provider] = (counts[m.provider] ?? 0) + 1;
        for (const e of list.errors ?? []) errors[e.provider] ??= e.error;
      }
      return { accounts: account.providers, counts, errors };
    } catch (err) {
      setError(AppError.from(err).toJSON());
      return null;
    }
  }, [onDemo]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorAlert error={error} onRetry={load} />;
  if (!overview) return <p className="text-sm text-zinc-500">{t("common.loading")}</p>;

  return (
    <div className="space-y-6">
      <SettingsSection id="providers" title={t("settings.providers")}>
        <ul className="grid gap-3 sm:grid-cols-2">
          {overview.providers.map((p) => (
            <ProviderCard key={p.provider} account={p} onRetry={load} />
          ))}
        </ul>
        <KeyHowTo demo={overview.demo} />
        <ConnectionTest check={load} />
        {overview.accessControl && <SignOutButton />}
      </SettingsSection>
      <ModelCatalog models={models} />
    </div>
  );
}
