"use client";

import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { isDemoNoticeHidden, setDemoNoticeHidden, subscribeDemoNotice } from "@/lib/demo-notice";
import { useT } from "@/lib/i18n/client";

/** Whether the user hid the demo notice; false on the server (the boot script hides it before paint). */
export function useDemoNoticeHidden(): boolean {
  return useSyncExternalStore(subscribeDemoNotice, isDemoNoticeHidden, () => false);
}

export function DemoBanner() {
  const t = useT();
  const hidden = useDemoNoticeHidden();
  if (hidden) return null;
  return (
    <div
      data-testid="demo-banner"
      role="status"
      className="flex items-start gap-2 border-b border-amber-300 bg-amber-50 py-1.5 pr-1.5 pl-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="min-w-0 flex-1 py-0.5">{t("demo.banner")}</p>
      <Button
        variant="icon"
        size="sm"
        label={t("demo.dismiss")}
        data-testid="demo-banner-dismiss"
        onClick={() => setDemoNoticeHidden(true)}
      >
        <CloseIcon />
      </Button>
    </div>
  );
}
