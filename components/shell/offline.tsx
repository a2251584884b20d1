"use client";

import { useEffect } from "react";
import { useT } from "@/lib/i18n/client";
import { useOnline } from "./online";

/** Registers the offline shell worker and tells the user when generation cannot work. */
export function OfflineSupport() {
  const t = useT();
  const online = useOnline();
  useEffect(() => {
    if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js").catch(() => undefined);
    }
  }, []);
  if (online) return null;
  return (
    <div
      role="status"
      data-testid="offline-banner"
      className="border-b border-sky-300 bg-sky-50 px-4 py-2 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      {t("offline.banner")}
    </div>
  );
}
