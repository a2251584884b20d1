"use client";

import { useT } from "@/lib/i18n/client";

export function DemoBanner() {
  const t = useT();
  return (
    <div
      data-testid="demo-banner"
      role="status"
      className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {t("demo.banner")}
    </div>
  );
}
