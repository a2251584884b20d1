"use client";

import Link from "next/link";
import type { SearchHit } from "@/lib/db";
import { useT } from "@/lib/i18n/client";
import { useChatUI } from "@/lib/stores/chat-ui";
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
  const focusMessage = useChatUI((s) => s.focusMessage);
  return (
    <div data-testid="search-results" className="absolute inset-0 overflow-y-auto px-2 py-1">
      <p role="status" className="px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">
        {hits.length === 0 ? t("chat.search.empty", { query }) : t("chat.search.count", { count: hits.length })}
      </p>
      <ul>
        {hits.map(({ conversation: c, snippet }) => {
          const title = c.title || t("chat.untitled");
          const snippetId = `hit-${c.id}`;
          return (
            <li key={c.id}>
              <Link
                href={`/chat/${encodeURIComponent(c.id)}`}
                aria-label={title}
                aria-describedby={snippet ? snippetId : undefined}
                aria-current={c.id === activeId ? "page" : undefined}
                onClick={(e) => {
                  // The thread opens at the matching message rather than at its end.
                  if (snippet) focusMessage(c.id, snippet.messageId);
                  openChat(e, `/chat/${encodeURIComponent(c.id)}`);
                  onNavigate();
                }}
                className="block rounded-lg px-3 py-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800/60"
              >
                <span className="block truncate font-medium">{title}</span>
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
