"use client";

import { useEffect } from "react";
import { useT } from "@/lib/i18n/client";
import { selectDeleted } from "@/lib/images/client/selectors";
import { useImageStore } from "@/lib/images/client/store";

const UNDO_MS = 8000;

/** "Image deleted — Undo" for a few seconds after a delete: no confirmation dialog in the way. */
export function UndoToast() {
  const t = useT();
  const deleted = useImageStore(selectDeleted);
  // Actions never change: taken from the store, not subscribed to.
  const { undoRemove: undo, closeUndo } = useImageStore.getState();

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(closeUndo, UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted, closeUndo]);

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4"
    >
      {deleted && (
        <div className="pointer-events-auto flex items-center gap-4 rounded-xl bg-zinc-900 px-4 py-2.5 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
          <span>{t("images.deleted")}</span>
          <button
            type="button"
            onClick={() => void undo()}
            className="font-semibold text-violet-300 hover:underline dark:text-violet-700"
          >
            {t("images.undo")}
          </button>
        </div>
      )}
    </div>
  );
}
