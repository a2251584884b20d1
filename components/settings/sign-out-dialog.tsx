"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";

/**
 * Asks, when signing out, whether to clear what this browser keeps (history, settings, the offline
 * copy of the app): signing out alone leaves it readable to the next person at a shared computer.
 */
export function SignOutDialog({
  open,
  onClose,
  signOut,
}: {
  open: boolean;
  onClose: () => void;
  /** Ends the session on the server; failures (offline) do not stop the local part. */
  signOut: () => Promise<void>;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const finish = async (clear: boolean) => {
    setWorking(true);
    try {
      await signOut();
    } catch {
      // Offline or the server is down: the cookie expires on its own; the local data can still go.
    }
    if (clear) {
      const { clearBrowserData } = await import("@/lib/pwa/clear-data");
      await clearBrowserData().catch(() => undefined);
    }
    window.location.assign("/login");
  };

  const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
      className="m-auto max-w-md rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {t("auth.logout.title")}
      </h2>
      <p id={bodyId} className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {t("auth.logout.body")}
      </p>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button
          type="button"
          disabled={working}
          onClick={onClose}
          className={`${button} hover:bg-zinc-100 dark:hover:bg-zinc-800`}
        >
          {t("auth.logout.cancel")}
        </button>
        <button
          type="button"
          disabled={working}
          onClick={() => void finish(false)}
          className={`${button} border border-zinc-300 dark:border-zinc-700`}
        >
          {t("auth.logout.keep")}
        </button>
        <button
          type="button"
          disabled={working}
          onClick={() => void finish(true)}
          className={`${button} bg-red-600 text-white hover:bg-red-700`}
        >
          {t("auth.logout.clear")}
        </button>
      </div>
      {working && (
        <p role="status" className="mt-3 text-xs text-zinc-500">
          {t("auth.logout.working")}
        </p>
      )}
    </dialog>
  );
}
