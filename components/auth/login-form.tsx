"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { apiJson, jsonRequest } from "@/lib/api-client";
import { safeNextPath } from "@/lib/auth/next-path";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";

export function LoginForm({ next }: { next: string }) {
  const t = useT();
  const [code, setCode] = useState("");
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiJson("/api/auth", jsonRequest({ code }));
      // `next` comes from the URL: only a path on this origin, resolved as the browser resolves it.
      window.location.assign(safeNextPath(next, window.location.origin));
    } catch (err) {
      setError(AppError.from(err).toJSON());
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="access-code" className="block text-sm font-medium">
          {t("auth.code")}
        </label>
        <input
          id="access-code"
          type="password"
          autoComplete="current-password"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      {error && <ErrorAlert error={error} />}
      <button
        type="submit"
        disabled={busy || !code}
        className="w-full rounded-md bg-violet-700 px-3 py-2 font-medium text-white hover:bg-violet-800 disabled:opacity-50"
      >
        {t("auth.unlock")}
      </button>
    </form>
  );
}
