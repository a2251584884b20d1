"use client";

import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";

const BADGES: { key: keyof ModelInfo; label: MessageKey; className: string }[] = [
  {
    key: "reasoning",
    label: "chat.badge.reasoning",
    className: "bg-violet-100 text-violet-800 dark:bg-violet-900/50 dark:text-violet-200",
  },
  {
    key: "vision",
    label: "chat.badge.vision",
    className: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200",
  },
  {
    key: "tools",
    label: "chat.badge.tools",
    className: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200",
  },
  {
    key: "free",
    label: "chat.badge.free",
    className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  },
];

/** Words a search can match besides the id, in both languages ("free", "免费", …). */
export function badgeWords(model: ModelInfo, t: (k: MessageKey) => string): string {
  return BADGES.filter((b) => model[b.key])
    .map((b) => t(b.label))
    .join(" ");
}

export function ModelBadges({ model }: { model: ModelInfo }) {
  const t = useT();
  return (
    <span className="flex flex-wrap gap-1">
      {BADGES.filter((b) => model[b.key]).map((b) => (
        <span
          key={b.key}
          data-badge={b.key}
          className={`rounded px-1.5 py-px text-[10px] font-medium leading-4 ${b.className}`}
        >
          {t(b.label)}
        </span>
      ))}
    </span>
  );
}
