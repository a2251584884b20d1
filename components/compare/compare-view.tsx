"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Composer } from "@/components/chat/composer";
import { useIntentPreload } from "@/components/chat/use-intent-preload";
import { BudgetNotice } from "@/components/cost/budget-notice";
import { Button } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { Switch } from "@/components/ui/switch";
import { defaultModel, modelInfo, sameModel } from "@/lib/chat/client/models";
import { type OutgoingImage, selectAnyBusy, useChatSessions } from "@/lib/chat/client/sessions";
import { startHistoryTasks } from "@/lib/chat/client/startup";
import type { ChatModelRef } from "@/lib/chat/contract";
import { bestColumns, type ColumnResult } from "@/lib/compare/best";
import {
  addComparisonColumn,
  createComparison,
  releaseComparisonColumn,
  removeComparisonColumn,
  SHARED_SETTINGS,
  type SharedSettings,
  setColumnModel,
  setComparisonSettings,
} from "@/lib/compare/client/db";
import { useComparisonColumns, useComparisons } from "@/lib/compare/client/hooks";
import { selectCompareRun, useCompareRuns } from "@/lib/compare/client/store";
import { MAX_COLUMNS, MIN_COLUMNS } from "@/lib/compare/scheduler";
import { checkBudget } from "@/lib/cost/client/budget-check";
import { useT } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";
import { loadModels, useModels } from "@/lib/providers/client/models";
import { CompareColumn } from "./compare-column";
import { CompareSettings } from "./compare-settings";
import { useSyncScroll } from "./sync-scroll";

/** `/compare/<id>` → id; `/compare` → undefined (a new comparison takes its id with replaceState). */
function useCompareId(): string | undefined {
  const m = /^\/compare\/([^/?#]+)/.exec(usePathname() ?? "");
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

/** The first model of the list not yet in a column, else the first. */
function nextModel(models: readonly ModelInfo[], taken: readonly ChatModelRef[]): ChatModelRef {
  const free = models.find((m) => !taken.some((t) => sameModel(t, m))) ?? models[0];
  return free ? { provider: free.provider, id: free.id } : defaultModel(models);
}

function startingPair(models: readonly ModelInfo[]): ChatModelRef[] {
  const first = defaultModel(models);
  return [first, nextModel(models, [first])];
}

interface ViewColumn {
  key: string;
  conversationId?: string;
  model: ChatModelRef;
}

/** /compare: one composer, 2–4 models side by side (swiped through on a phone). */
export function CompareView() {
  const t = useT();
  const router = useRouter();
  const compareId = useCompareId();
  const models = useModels("chat").models;
  const rows = useComparisonColumns(compareId);
  const [draft, setDraft] = useState<ChatModelRef[] | null>(null);
  const run = useCompareRuns(selectCompareRun(compareId));
  const anyBusy = useChatSessions(selectAnyBusy((rows ?? []).map((r) => r.conversationId)));
  const [results, setResults] = useState<Record<string, ColumnResult>>({});
  const [sync, setSync] = useState(true);
  // Shared settings: edited here, written into every column (read back once per comparison opened).
  const [shared, setShared] = useState<SharedSettings>({});
  const [sharedFor, setSharedFor] = useState<string | undefined>(undefined);
  if (compareId !== sharedFor && (!compareId || rows !== undefined)) {
    const first = rows?.[0]?.settings;
    setSharedFor(compareId);
    setShared(
      compareId && first ? Object.fromEntries(SHARED_SETTINGS.flatMap((k) => (k in first ? [[k, first[k]]] : []))) : {},
    );
  }
  const changeShared = (next: SharedSettings) => {
    setShared(next);
    if (compareId) void setComparisonSettings(compareId, next);
  };

  useEffect(() => {
    void loadModels("chat");
    startHistoryTasks("compare");
  }, []);

  useIntentPreload();

  const columns: ViewColumn[] = useMemo(() => {
    if (compareId)
      return (rows ?? []).map((r) => ({ key: r.conversationId, conversationId: r.conversationId, model: r.model }));
    return (draft ?? startingPair(models)).map((model, i) => ({ key: `draft-${i}`, model }));
  }, [compareId, rows, draft, models]);

  const scroll = useSyncScroll(columns.length, sync);
  const onResult = useCallback(
    (r: ColumnResult) =>
      setResults((prev) => {
        const old = prev[r.id];
        return old && old.totalMs === r.totalMs && old.cost === r.cost ? prev : { ...prev, [r.id]: r };
      }),
    [],
  );
  const marks = bestColumns(
    columns.flatMap((c) => (c.conversationId && results[c.conversationId] ? [results[c.conversationId]!] : [])),
  );
  const statusOf = (id?: string) => (id ? run?.columns.find((c) => c.id === id)?.status : undefined) ?? "idle";
  const queued = run?.columns.some((c) => c.status === "queued") ?? false;
  const busy = anyBusy || queued;

  const draftModels = columns.map((c) => c.model);
  const addModel = () => {
    if (columns.length >= MAX_COLUMNS) return;
    const model = nextModel(models, draftModels);
    if (!compareId) setDraft([...draftModels, model]);
    else {
      const last = rows?.at(-1)?.column ?? columns.length - 1;
      void addComparisonColumn(compareId, model, last + 1, shared);
    }
  };
  const changeModel = (i: number, model: ChatModelRef) => {
    const column = columns[i];
    if (column?.conversationId) void setColumnModel(column.conversationId, model);
    else setDraft(draftModels.map((m, j) => (j === i ? model : m)));
  };
  const remove = (i: number) => {
    const column = columns[i];
    if (column?.conversationId) void removeComparisonColumn(column.conversationId);
    else setDraft(draftModels.filter((_, j) => j !== i));
  };
  const continueWith = async (conversationId: string) => {
    await releaseComparisonColumn(conversationId);
    router.push(`/chat/${encodeURIComponent(conversationId)}`);
  };

  const send = async (text: string, images: OutgoingImage[]) => {
    // Refused before anything is stored when the budget says so (only paid models count).
    await checkBudget(draftModels.every((m) => modelInfo(models, m).free));
    let id = compareId;
    let targets = rows ?? [];
    if (!id) {
      const created = await createComparison(draftModels, shared);
      id = created.compareId;
      targets = created.columns;
      setDraft(null);
      window.history.replaceState(null, "", `/compare/${encodeURIComponent(id)}`);
    }
    useCompareRuns.getState().send(id, targets, { text, images });
  };
  const stopAll = () => {
    if (!compareId) return;
    for (const c of columns) if (c.conversationId) useCompareRuns.getState().stop(compareId, c.conversationId);
  };

  const first = columns[0]?.model ?? defaultModel(models);
  const loading = !!compareId && rows === undefined;
  const missing = !!compareId && rows !== undefined && rows.length === 0;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h1 className="text-sm font-semibold">{t("compare.title")}</h1>
        <Button
          variant="secondary"
          size="sm"
          onClick={addModel}
          disabled={columns.length >= MAX_COLUMNS || busy || loading}
        >
          <PlusIcon size={14} />
          {t("compare.addModel")}
        </Button>
        <div className="ml-auto">
          <Switch label={t("compare.syncScroll")} checked={sync} onChange={setSync} />
        </div>
      </header>
      {missing ? (
        <div className="mx-auto my-16 max-w-md px-4 text-center" data-testid="compare-missing">
          <p>{t("compare.notFound")}</p>
          <Link href="/compare" className="mt-3 inline-block text-violet-700 underline dark:text-violet-300">
            {t("compare.new")}
          </Link>
        </div>
      ) : (
        <>
          {columns.length > 1 && (
            <nav aria-label={t("compare.columns")} className="flex gap-1 overflow-x-auto px-2 pt-2 md:hidden">
              {columns.map((c, i) => (
                <button
                  key={c.key}
                  type="button"
                  onClick={() => scroll.reveal(i)}
                  className="shrink-0 rounded-md bg-zinc-100 px-2 py-1 text-xs dark:bg-zinc-800"
                >
                  {i + 1}. {c.model.id.slice(c.model.id.lastIndexOf("/") + 1)}
                </button>
              ))}
            </nav>
          )}
          <div
            ref={scroll.containerRef}
            className="flex min-h-0 flex-1 gap-2 overflow-x-auto p-2 max-md:snap-x max-md:snap-mandatory md:grid md:overflow-x-visible"
            style={{ gridTemplateColumns: `repeat(${Math.max(1, columns.length)}, minmax(0, 1fr))` }}
          >
            {columns.map((c, i) => (
              <CompareColumn
                key={c.key}
                ref={scroll.refs[i]}
                index={i}
                conversationId={c.conversationId}
                model={c.model}
                models={models}
                status={statusOf(c.conversationId)}
                marks={{
                  fastest: !!c.conversationId && marks.fastest === c.conversationId,
                  cheapest: !!c.conversationId && marks.cheapest === c.conversationId,
                }}
                canRemove={columns.length > MIN_COLUMNS}
                onModel={(m) => changeModel(i, m)}
                onRemove={() => remove(i)}
                onStop={() =>
                  compareId && c.conversationId && useCompareRuns.getState().stop(compareId, c.conversationId)
                }
                onContinue={c.conversationId ? () => void continueWith(c.conversationId as string) : undefined}
                onScroll={() => scroll.onScroll(i)}
                onResult={onResult}
              />
            ))}
          </div>
          {!compareId && <EarlierComparisons />}
          <CompareSettings value={shared} onChange={changeShared} disabled={busy} />
          <BudgetNotice settledKey={`${compareId}:${busy}`} />
          <Composer
            draftKey={`compare:${compareId ?? "new"}`}
            busy={busy}
            onSend={send}
            onStop={stopAll}
            placeholder={t("compare.placeholder")}
            model={modelInfo(models, first)}
            models={models}
            onPickModel={(m) => changeModel(0, m)}
            toolbar={null}
          />
        </>
      )}
    </div>
  );
}

function EarlierComparisons() {
  const t = useT();
  const list = useComparisons(8);
  if (!list || list.length === 0) return null;
  return (
    <nav aria-label={t("compare.earlier")} className="mx-2 mb-1 max-h-32 overflow-y-auto text-sm">
      <h2 className="px-1 text-xs font-medium text-zinc-500">{t("compare.earlier")}</h2>
      <ul className="flex flex-wrap gap-1">
        {list.map((c) => (
          <li key={c.compareId}>
            <Link
              href={`/compare/${encodeURIComponent(c.compareId)}`}
              className="block max-w-xs truncate rounded-md px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              {c.title || t("chat.untitled")} · {c.models.map((m) => m.id.slice(m.id.lastIndexOf("/") + 1)).join(" / ")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
