"use client";

import Link from "next/link";
import type { SearchHit } from "@/lib/chat/client/db";
import { useChatUI } from "@/lib/chat/client/ui";
import { useT } from "@/lib/i18n/client";
import { openChat } from "./use-conversation";

function Snippet({ text, highlight }: { text: string; highlight?: [number, number] }) {
  if (!highlight) return <>{text}</>;
  const [a, b] = highlight;
  return (
    <>
      {text.slice(0, a)}
      <mark className="rounded-sm bg-amber-200 text-inherit dark:bg-amber-700/60">{text.slice(a, b)}</mark>
      {text.slice(b)}
    </>
  );
}

/** The columns of one comparison are separate conversations: list the comparison once, at its best hit. */
function oneHitPerComparison(hits: SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter(({ conversation: c }) => {
    if (!c.compareId) return true;
    if (seen.has(c.compareId)) return false;
    seen.add(c.compareId);
    return true;
  });
}

/** Search hits: the conversation's link (named by its title) and the matching message text under it. */
export function SearchResults({
  hits,
  query,
  activeId,
  onNavigate,
}: {
  hits: SearchHit[];
  query: string;
  activeId: string | undefined;
  onNavigate: () => void;
}) {
  const t = useT();
  const shown = oneHitPerComparison(hits);
  return (
    <div data-testid="search-results" className="absolute inset-0 overflow-y-auto px-2 py-1">
      <p role="status" className="px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">
        {shown.length === 0 ? t("chat.search.empty", { query }) : t("chat.search.count", { count: shown.length })}
      </p>
      <ul>
        {shown.map(({ conversation: c, snippet }) => {
          const title = c.title || t("chat.untitled");
          const snippetId = `hit-${c.id}`;
          // A column of a comparison opens the comparison, where it sits beside the other models.
          const href = c.compareId
            ? `/compare/${encodeURIComponent(c.compareId)}`
            : `/chat/${encodeURIComponent(c.id)}`;
          return (
            <li key={c.id}>
              <Link
                href={href}
                aria-label={c.compareId ? `${title} (${t("chat.search.comparison")})` : title}
                aria-describedby={snippet ? snippetId : undefined}
                aria-current={c.id === activeId ? "page" : undefined}
                onClick={(e) => {
                  if (!c.compareId) {
                    // The thread opens at the matching message rather than at its end.
                    if (snippet) useChatUI.getState().focusMessage(c.id, snippet.messageId);
                    openChat(e, href);
                  }
                  onNavigate();
                }}
                className="block rounded-lg px-3 py-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800/60"
              >
                <span className="flex items-center gap-1.5">
                  <span className="truncate font-medium">{title}</span>
                  {c.compareId && (
                    <span
                      data-testid="search-comparison"
                      className="shrink-0 rounded bg-zinc-200 px-1.5 py-0.5 text-[11px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
                    >
                      {t("chat.search.comparison")}
                    </span>
                  )}
                </span>
                {snippet && (
                  <span
                    id={snippetId}
                    data-testid="search-snippet"
                    className="mt-0.5 line-clamp-2 text-xs text-zinc-500 dark:text-zinc-400"
                  >
                    <Snippet text={snippet.text} highlight={snippet.highlight} />
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
