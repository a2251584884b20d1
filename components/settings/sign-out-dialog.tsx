"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
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
  const [working, setWorking] = useState<"keep" | "clear" | null>(null);

  const finish = async (clear: boolean) => {
    setWorking(clear ? "clear" : "keep");
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

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && !working) onClose();
      }}
      size="sm"
      title={t("auth.logout.title")}
      description={t("auth.logout.body")}
      footer={
        <>
          <DialogClose>
            <Button variant="ghost" disabled={working !== null}>
              {t("auth.logout.cancel")}
            </Button>
          </DialogClose>
          <Button
            variant="secondary"
            disabled={working === "clear"}
            loading={working === "keep"}
            onClick={() => void finish(false)}
          >
            {t("auth.logout.keep")}
          </Button>
          <Button
            variant="danger"
            disabled={working === "keep"}
            loading={working === "clear"}
            onClick={() => void finish(true)}
          >
            {t("auth.logout.clear")}
          </Button>
        </>
      }
    >
      {working && (
        <p role="status" className="text-sm text-zinc-500">
          {t("auth.logout.working")}
        </p>
      )}
    </Dialog>
  );
}
