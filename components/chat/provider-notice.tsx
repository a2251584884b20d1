"use client";

import { ErrorDetails } from "@/components/ui/error-alert";
import { type AppErrorJSON, errorText, type Provider } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import { loadModels, useModels } from "@/lib/providers/client/models";

// A provider whose model list could not be loaded (down, unreachable, key refused) is named where the
// user is — in the chat and in the model picker — before anything is sent, not only in Settings and
// not only as the raw error of a failed reply.

const UNREACHABLE = new Set(["network", "timeout"]);

/** One line on what is wrong with a provider, with the technical detail folded away. */
export function ProviderProblem({ provider, error }: { provider: Provider; error: AppErrorJSON }) {
  const { t, locale } = useI18n();
  const name = t(`chat.provider.${provider}`);
  const text = UNREACHABLE.has(error.code)
    ? t("chat.provider.unreachable", { provider: name })
    : t("chat.provider.problem", { provider: name, message: errorText(error, locale) });
  return (
    <>
      <p>{text}</p>
      <ErrorDetails error={error} />
    </>
  );
}

/** Above the composer: the chosen model's provider failed to answer its model list. */
export function ProviderNotice({ provider }: { provider: Provider }) {
  const { t } = useI18n();
  const chatModels = useModels("chat");
  const problem = chatModels.providerErrors.find((e) => e.provider === provider);
  const loading = chatModels.status === "loading";
  if (!problem) return null;
  return (
    <div className="mx-auto w-full max-w-chat px-3 pt-2 sm:px-4">
      <div
        role="alert"
        data-testid="provider-warning"
        data-provider={provider}
        data-error-code={problem.error.code}
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
      >
        <ProviderProblem provider={provider} error={problem.error} />
        <button
          type="button"
          disabled={loading}
          onClick={() => void loadModels("chat", true)}
          className="mt-2 rounded border border-current px-2 py-0.5 disabled:opacity-50"
        >
          {t("chat.provider.checkAgain")}
        </button>
      </div>
    </div>
  );
}
