"use client";

import { useSyncExternalStore } from "react";
import { useT } from "@/lib/i18n/client";

function subscribe(cb: () => void) {
  window.addEventListener("online", cb);
  window.addEventListener("offline", cb);
  return () => {
    window.removeEventListener("online", cb);
    window.removeEventListener("offline", cb);
  };
}

/** Whether the browser says it is online; true during server rendering and hydration. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * Why a Send or Generate button is disabled while offline, for the button's aria-describedby.
 * Renders nothing online.
 */
export function OfflineHint({
  id,
  action,
  className,
}: {
  id: string;
  action: "send" | "generate";
  className?: string;
}) {
  const t = useT();
  const online = useOnline();
  if (online) return null;
  return (
    <p id={id} data-testid="offline-hint" className={`text-xs text-sky-800 dark:text-sky-200 ${className ?? ""}`}>
      {t(action === "send" ? "offline.send" : "offline.generate")}
    </p>
  );
}
