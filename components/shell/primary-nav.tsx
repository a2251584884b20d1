"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";

const LINKS: { href: string; key: MessageKey }[] = [
  { href: "/chat", key: "nav.chat" },
  { href: "/compare", key: "nav.compare" },
  { href: "/assistants", key: "nav.assistants" },
  { href: "/images", key: "nav.images" },
  { href: "/video", key: "nav.video" },
  { href: "/speech", key: "nav.speech" },
  { href: "/complete", key: "nav.complete" },
  { href: "/settings", key: "nav.settings" },
];

export function PrimaryNav() {
  const t = useT();
  // Typed nullable because pages/ exists (pages/api/chat.ts); never null under app/.
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={t("nav.primary")} className="min-w-0 overflow-x-auto">
      <ul className="flex gap-1">
        {LINKS.map(({ href, key }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium ${
                  active
                    ? "bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-100"
                    : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
              >
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
