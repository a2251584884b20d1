"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";

/** Set just before the reload that follows a clear, so the fresh page can say it is done. */
export const CLEARED_FLAG = "sp.cleared";

/**
 * "Clear all data": offers a backup first (the only way back), then deletes this browser's
 * IndexedDB, caches, offline worker and saved preferences (lib/pwa/clear-data.ts) and reloads, so
 * nothing keeps a handle on the deleted database.
 */
export function ClearDataDialog({ onExport, disabled }: { onExport: () => Promise<string | null>; disabled: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [working, setWorking] = useState<"export" | "clear" | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const clear = async () => {
    setWorking("clear");
    const { clearBrowserData } = await import("@/lib/pwa/clear-data");
    await clearBrowserData().catch(() => undefined);
    try {
      sessionStorage.setItem(CLEARED_FLAG, "1");
    } catch {
      // Storage disabled: the page reloads without the note.
    }
    window.location.reload();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (working) return;
        setOpen(next);
        if (next) setExported(null);
      }}
      trigger={
        <Button variant="danger" disabled={disabled}>
          {t("data.clear")}
        </Button>
      }
      size="sm"
      title={t("data.clear.title")}
      description={t("data.clear.body")}
      footer={
        <>
          <DialogClose>
            <Button variant="ghost" disabled={working !== null}>
              {t("data.clear.cancel")}
            </Button>
          </DialogClose>
          <Button variant="danger" loading={working === "clear"} disabled={working === "export"} onClick={clear}>
            {t("data.clear.confirm")}
          </Button>
        </>
      }
    >
      <div className="space-y-2 text-sm">
        <p className="text-zinc-600 dark:text-zinc-400">{t("data.clear.exportHint")}</p>
        <Button
          variant="secondary"
          loading={working === "export"}
          disabled={working === "clear"}
          onClick={async () => {
            setWorking("export");
            const said = await onExport();
            setWorking(null);
            setExported(said);
          }}
        >
          {t("data.clear.exportFirst")}
        </Button>
        {exported && (
          <p role="status" data-testid="clear-exported" className="text-emerald-700 dark:text-emerald-400">
            {exported}
          </p>
        )}
        {working === "clear" && (
          <p role="status" className="text-zinc-500">
            {t("data.clear.working")}
          </p>
        )}
      </div>
    </Dialog>
  );
}
