"use client";

import { Button } from "@/components/ui/button";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { sessionTitle } from "@/lib/complete/client/sessions";
import type { CompletionSession } from "@/lib/complete/contract";
import { useI18n } from "@/lib/i18n/client";

// /complete's saved sessions, newest first: a click reopens one; Delete removes it at once and the
// page offers Undo (the parent keeps the removed row).

export function SessionList({
  sessions,
  currentId,
  onOpen,
  onDelete,
  onNew,
}: {
  sessions: CompletionSession[] | undefined;
  currentId: string | null;
  onOpen: (session: CompletionSession) => void;
  onDelete: (session: CompletionSession) => void;
  onNew: () => void;
}) {
  const { t, locale } = useI18n();
  const time = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en", { dateStyle: "short", timeStyle: "short" });
  return (
    <section aria-labelledby="complete-sessions-heading" data-testid="complete-sessions" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="complete-sessions-heading" className="text-sm font-semibold">
          {t("complete.sessions")}
        </h2>
        <Button size="sm" variant="secondary" onClick={onNew}>
          <PlusIcon />
          {t("complete.newSession")}
        </Button>
      </div>
      {sessions && sessions.length === 0 && <p className="text-xs text-zinc-500">{t("complete.sessions.empty")}</p>}
      {sessions && sessions.length > 0 && (
        <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {sessions.map((s) => {
            const title = sessionTitle(s) || t("complete.session.untitled");
            const current = s.id === currentId;
            return (
              <li
                key={s.id}
                data-testid="complete-session"
                className={`flex items-center gap-2 px-3 py-2 ${current ? "bg-violet-50 dark:bg-violet-950/40" : ""}`}
              >
                <button
                  type="button"
                  aria-current={current || undefined}
                  onClick={() => onOpen(s)}
                  className="min-w-0 flex-1 text-left"
                >
                  <span className="block truncate font-mono text-xs">{title}</span>
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                    {[
                      s.language,
                      s.model.split("/").pop(),
                      time.format(s.updatedAt),
                      s.accepted ? t("complete.session.accepted") : "",
                      s.run?.status === "failed" ? t("complete.session.failed") : "",
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </button>
                <Button
                  variant="icon"
                  size="sm"
                  label={t("complete.session.delete", { title })}
                  onClick={() => onDelete(s)}
                >
                  <TrashIcon />
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
