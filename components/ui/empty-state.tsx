"use client";

import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";

/** An honest placeholder for a studio that is not built yet: it offers no controls that pretend to work. */
export function ComingSoon({ titleKey, detailKey }: { titleKey: MessageKey; detailKey: MessageKey }) {
  const t = useT();
  return (
    <section className="mx-auto my-16 max-w-md px-4 text-center" data-testid="empty-state">
      <h1 className="text-xl font-semibold">{t(titleKey)}</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">{t(detailKey)}</p>
      <p className="mt-2 text-sm text-zinc-500">{t("empty.soon.body")}</p>
    </section>
  );
}
