"use client";

import { useT } from "@/lib/i18n/client";
import { splitCitations } from "@/lib/search/citations";
import type { WebSearchSource } from "@/lib/search/sources";

const LINK =
  "rounded px-0.5 text-[0.75em] font-medium text-violet-700 no-underline hover:bg-violet-50 hover:underline dark:text-violet-300 dark:hover:bg-violet-500/10";

/**
 * One Markdown text run of a reply that has sources: `[ref_1]`, `【ref_1】`, `[1, 3]` become numbered
 * links to the cited pages. Nothing is fetched until a link is clicked; the page is opened in a new tab
 * without a referrer and without a handle on this window.
 */
export function CitedText({
  text,
  sources,
  final,
}: {
  text: string;
  sources: readonly WebSearchSource[];
  final: boolean;
}) {
  const t = useT();
  const segments = splitCitations(text, sources, { streaming: !final });
  return (
    <>
      {segments.map((segment, i) =>
        segment.type === "text" ? (
          segment.text
        ) : (
          <sup key={i} data-testid="citation-marker" className="whitespace-nowrap">
            {segment.refs.map((ref) =>
              ref.source ? (
                <a
                  key={ref.n}
                  href={ref.source.url}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  referrerPolicy="no-referrer"
                  title={ref.source.title}
                  aria-label={t("search.cite", { n: ref.n, title: ref.source.title })}
                  className={LINK}
                >
                  [{ref.n}]
                </a>
              ) : (
                <span key={ref.n} title={t("search.citeMissing", { n: ref.n })} className="px-0.5 text-zinc-500">
                  [{ref.n}]
                </span>
              ),
            )}
          </sup>
        ),
      )}
    </>
  );
}
