"use client";

import { useEffect, useRef } from "react";
import { useT } from "@/lib/i18n/client";

/** A short-lived notice with Undo; it expires on its own unless the pointer rests on it. */
export function UndoToast({
  message,
  timeoutMs,
  onUndo,
  onExpire,
}: {
  message: string;
  timeoutMs: number;
  onUndo: () => void;
  onExpire: () => void;
}) {
  const t = useT();
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const arm = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => expire.current(), timeoutMs);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: arm once per toast
  useEffect(() => {
    arm();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);
  return (
    <div
      role="status"
      data-testid="undo-toast"
      onPointerEnter={() => timer.current && clearTimeout(timer.current)}
      onPointerLeave={arm}
      className="fixed bottom-4 left-4 z-50 flex items-center gap-3 rounded-lg bg-zinc-900 px-4 py-2.5 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
    >
      <span className="max-w-64 truncate">{message}</span>
      <button
        type="button"
        onClick={onUndo}
        className="font-semibold text-violet-300 hover:underline dark:text-violet-700"
      >
        {t("chat.undo")}
      </button>
    </div>
  );
}
