"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { MoreIcon, PlusIcon } from "@/components/ui/icons";
import { Menu, MenuItem } from "@/components/ui/menu";
import { useHydrated } from "@/components/ui/use-hydrated";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import { assistantActions, useAssistants } from "@/lib/organize/client/hooks";
import type { Assistant, AssistantDraft } from "@/lib/organize/contract";
import { type StarterAssistant, starterAssistants } from "@/lib/organize/starters";
import { AssistantIcon } from "./assistant-badge";
import { AssistantFormDialog } from "./assistant-form";

type Editing = { mode: "new"; initial?: AssistantDraft } | { mode: "edit"; assistant: Assistant } | null;

function draftOf(a: StarterAssistant | Assistant): AssistantDraft {
  const { id: _id, ...rest } = a as Assistant;
  const { createdAt: _c, updatedAt: _u, ...draft } = rest;
  return draft;
}

/** `/assistants`: your assistants and the starter set, each with "Start chat". */
export function AssistantsPage() {
  const { t } = useI18n();
  const router = useRouter();
  const mine = useAssistants();
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const starters = starterAssistants(t);
  const hydrated = useHydrated();

  const start = async (a: StarterAssistant | Assistant) => {
    try {
      const conversation = await assistantActions.startChat(a);
      router.push(`/chat/${encodeURIComponent(conversation.id)}`);
    } catch (err) {
      setError(AppError.from(err).toJSON());
    }
  };

  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("assistants.title")}</h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">{t("assistants.intro")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/prompts" className={buttonClass("secondary")}>
            {t("prompts.open")}
          </Link>
          <Button onClick={() => setEditing({ mode: "new" })} disabled={!hydrated}>
            <PlusIcon size={16} />
            {t("assistants.new")}
          </Button>
        </div>
      </div>
      {error && (
        <div className="mt-4">
          <ErrorAlert error={error} onDismiss={() => setError(null)} />
        </div>
      )}

      <section aria-labelledby="assistants-mine" className="mt-8">
        <h2 id="assistants-mine" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
          {t("assistants.mine")}
        </h2>
        {mine && mine.length === 0 && (
          <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">{t("assistants.none")}</p>
        )}
        <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          {mine?.map((a) => (
            <AssistantCard
              key={a.id}
              assistant={a}
              onStart={() => void start(a)}
              menu={
                <Menu
                  trigger={
                    <Button variant="icon" size="sm" label={t("assistants.actions", { name: a.name })}>
                      <MoreIcon />
                    </Button>
                  }
                >
                  <MenuItem onClick={() => setEditing({ mode: "edit", assistant: a })}>{t("assistants.edit")}</MenuItem>
                  <MenuItem danger onClick={() => void assistantActions.remove(a.id)}>
                    {t("assistants.delete")}
                  </MenuItem>
                </Menu>
              }
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="assistants-starters" className="mt-10">
        <h2 id="assistants-starters" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
          {t("assistants.starters")}
        </h2>
        <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          {starters.map((a) => (
            <AssistantCard
              key={a.id}
              assistant={a}
              onStart={() => void start(a)}
              menu={
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setEditing({ mode: "new", initial: draftOf(a) })}
                  disabled={!hydrated}
                >
                  {t("assistants.copy")}
                </Button>
              }
            />
          ))}
        </ul>
      </section>

      <AssistantFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        title={editing?.mode === "edit" ? t("assistants.editTitle") : t("assistants.new")}
        initial={editing?.mode === "edit" ? draftOf(editing.assistant) : editing?.initial}
        onSubmit={(draft) =>
          editing?.mode === "edit"
            ? assistantActions.update(editing.assistant.id, draft)
            : assistantActions.create(draft)
        }
      />
    </div>
  );
}

function AssistantCard({
  assistant: a,
  onStart,
  menu,
}: {
  assistant: StarterAssistant | Assistant;
  onStart: () => void;
  menu: React.ReactNode;
}) {
  const { t } = useI18n();
  const hydrated = useHydrated();
  const headingId = `assistant-${a.id}`;
  return (
    <li
      aria-labelledby={headingId}
      data-testid="assistant-card"
      className="flex flex-col rounded-xl border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="flex items-start gap-3">
        <span
          className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-violet-50 text-lg dark:bg-violet-950/50"
          aria-hidden="true"
        >
          <AssistantIcon assistant={a} size={28} />
        </span>
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="truncate font-medium">
            {a.name}
          </h3>
          {a.model && <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{a.model.id}</p>}
        </div>
        {menu}
      </div>
      <p className="mt-2 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{a.description || a.systemPrompt}</p>
      <div className="mt-3">
        <Button size="sm" variant="secondary" onClick={onStart} disabled={!hydrated}>
          {t("assistants.start")}
        </Button>
      </div>
    </li>
  );
}
