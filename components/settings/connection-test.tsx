"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type AppErrorJSON, errorText, type Provider } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import type { ProviderAccount } from "@/lib/providers/account";

export interface CheckResult {
  accounts: ProviderAccount[];
  /** Models per provider, over every kind /api/models lists. */
  counts: Partial<Record<Provider, number>>;
  /** The first error /api/models reported per provider. */
  errors: Partial<Record<Provider, AppErrorJSON>>;
}

/**
 * "Test connection": asks the server to reach each provider again (/api/account and /api/models)
 * and says in words what it found, per provider.
 */
export function ConnectionTest({ check }: { check: () => Promise<CheckResult | null> }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);

  const sentence = (p: ProviderAccount): string => {
    const name = t(`settings.provider.${p.provider}`);
    const error = result?.errors[p.provider] ?? p.error;
    if (p.status === "not_configured") return t("settings.test.notConfigured", { provider: name });
    if (error) return t("settings.test.failed", { provider: name, message: errorText(error, locale) });
    const count = result?.counts[p.provider] ?? 0;
    return t(p.status === "demo" ? "settings.test.demo" : "settings.test.ok", { provider: name, count });
  };

  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          setResult(null);
          try {
            setResult(await check());
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("settings.test")}
      </Button>
      <div role="status" data-testid="connection-result" className="text-sm">
        {busy && t("settings.test.running")}
        {result && (
          <ul className="space-y-1">
            {result.accounts.map((p) => (
              <li
                key={p.provider}
                data-testid={`connection-${p.provider}`}
                data-state={
                  p.status === "not_configured"
                    ? "not_configured"
                    : result.errors[p.provider] || p.error
                      ? "failing"
                      : "ok"
                }
              >
                {sentence(p)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
