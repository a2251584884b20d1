"use client";

import { ExternalLinkIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n/client";
import { siteOf, type WebSearchSource } from "@/lib/search/sources";

/**
 * The numbered sources under a grounded reply: title, site and date. No favicon: an icon URL from the
 * search engine would make the browser contact every site just by showing the list.
 */
export function SourcesList({ sources }: { sources: readonly WebSearchSource[] }) {
  const t = useT();
  if (sources.length === 0) return null;
  return (
    <section aria-label={t("search.sources")} data-testid="sources" className="mt-3">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">{t("search.sources")}</h3>
      <ol className="space-y-1 text-sm">
        {sources.map((source) => (
          <li key={source.n} data-testid="citation" data-n={source.n} className="flex min-w-0 gap-2">
            <span className="shrink-0 text-zinc-500 tabular-nums">{source.n}.</span>
            <span className="min-w-0">
              <a
                href={source.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                referrerPolicy="no-referrer"
                className="inline-flex max-w-full items-center gap-1 font-medium text-violet-700 hover:underline dark:text-violet-300"
              >
                <span className="truncate">{source.title}</span>
                <ExternalLinkIcon size={12} className="shrink-0" />
              </a>
              <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                {siteOf(source)}
                {source.date ? ` · ${source.date}` : ""}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
