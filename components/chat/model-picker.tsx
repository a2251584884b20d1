"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ChevronDownIcon } from "@/components/ui/icons";
import { modelInfo, sameModel } from "@/lib/chat/client/models";
import type { ChatModelRef } from "@/lib/chat/contract";
import type { Provider } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";
import { loadModels, useModels } from "@/lib/providers/client/models";
import { badgeWords, ModelBadges } from "./model-badges";
import { ProviderProblem } from "./provider-notice";

const PROVIDERS: Provider[] = ["siliconflow", "glm"];

function shortName(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

/**
 * Chat models grouped by provider, searchable by id or badge. A select-only combobox (the button)
 * opens a listbox driven from its search field: arrows move, Enter picks, Escape closes.
 */
export function ModelPicker({ value, onChange }: { value: ChatModelRef; onChange: (ref: ChatModelRef) => void }) {
  const { t } = useI18n();
  const { models, status, error, providerErrors } = useModels("chat");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const info = modelInfo(models, value);

  useEffect(() => {
    void loadModels("chat");
  }, []);

  const filtered = useMemo(() => {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    return models.filter((m) => {
      const hay = `${m.id} ${m.provider} ${badgeWords(m, t)}`.toLowerCase();
      return terms.every((term) => hay.includes(term));
    });
  }, [models, query, t]);
  const groups = PROVIDERS.map((p) => ({ provider: p, models: filtered.filter((m) => m.provider === p) })).filter(
    (g) => g.models.length > 0,
  );
  const flat = groups.flatMap((g) => g.models);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, listId]);

  const openList = () => {
    setQuery("");
    setActive(
      Math.max(
        0,
        models.findIndex((m) => sameModel(m, value)),
      ),
    );
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const choose = (m: ModelInfo) => {
    onChange({ provider: m.provider, id: m.id });
    close();
  };

  return (
    <div ref={rootRef} className="relative min-w-0">
      <button
        ref={buttonRef}
        type="button"
        role="combobox"
        aria-label={t("chat.model.label")}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        data-testid="model-picker"
        data-model={`${value.provider}:${value.id}`}
        onClick={() => (open ? close() : openList())}
        onKeyDown={(e) => {
          if ((e.key === "ArrowDown" || e.key === "ArrowUp") && !open) {
            e.preventDefault();
            openList();
          }
        }}
        className="flex max-w-56 items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <span className="truncate">{shortName(value.id)}</span>
        {info.reasoning && <span className="size-1.5 shrink-0 rounded-full bg-violet-500" aria-hidden="true" />}
        <ChevronDownIcon size={14} className="shrink-0 opacity-60" />
      </button>
      {open && (
        <div className="absolute bottom-full left-0 z-30 mb-2 flex max-h-[min(28rem,70dvh)] w-[min(26rem,calc(100vw-2rem))] flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          <div className="border-b border-zinc-200 p-2 dark:border-zinc-800">
            <input
              type="search"
              // biome-ignore lint/a11y/noAutofocus: the list was just opened to pick from it
              autoFocus
              aria-label={t("chat.model.search")}
              aria-controls={listId}
              aria-activedescendant={flat.length ? `${listId}-${active}` : undefined}
              placeholder={t("chat.model.search")}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={(e) => {
                if (e.key === "ArrowDown") setActive((a) => Math.min(flat.length - 1, a + 1));
                else if (e.key === "ArrowUp") setActive((a) => Math.max(0, a - 1));
                else if (e.key === "Enter" && flat[active]) choose(flat[active]);
                else if (e.key === "Escape") close();
                else return;
                e.preventDefault();
              }}
              className="w-full rounded-md bg-zinc-100 px-2.5 py-1.5 text-sm outline-none dark:bg-zinc-800"
            />
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto p-1">
            {status === "loading" && <p className="p-3 text-sm text-zinc-500">{t("chat.model.loading")}</p>}
            {error && <ErrorAlert error={error} onRetry={() => void loadModels("chat", true)} />}
            {providerErrors.map((pe) => (
              <div
                key={pe.provider}
                role="alert"
                data-testid="provider-problem"
                className="m-1 rounded bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100"
              >
                <ProviderProblem provider={pe.provider} error={pe.error} />
              </div>
            ))}
            {/* "No match" only answers a search; an empty list with a provider down is said above. */}
            {status === "ready" && flat.length === 0 && (query.trim() || providerErrors.length === 0) && (
              <p className="p-3 text-sm text-zinc-500">{t(query.trim() ? "chat.model.none" : "chat.model.empty")}</p>
            )}
            <div id={listId} role="listbox" aria-label={t("chat.model.label")}>
              {groups.map((g) => (
                // biome-ignore lint/a11y/useSemanticElements: a listbox's option group is role="group"; a fieldset is a form control group
                <div key={g.provider} role="group" aria-labelledby={`${listId}-${g.provider}`}>
                  <div
                    id={`${listId}-${g.provider}`}
                    className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase"
                  >
                    {t(`chat.provider.${g.provider}`)}
                  </div>
                  {g.models.map((m) => {
                    const index = flat.indexOf(m);
                    const selected = sameModel(m, value);
                    return (
                      <div
                        key={m.id}
                        id={`${listId}-${index}`}
                        role="option"
                        aria-selected={selected}
                        tabIndex={-1}
                        onPointerMove={() => setActive(index)}
                        onClick={() => choose(m)}
                        onKeyDown={() => {}}
                        className={`flex cursor-pointer items-center justify-between gap-2 rounded-lg px-2 py-1.5 text-sm ${
                          index === active ? "bg-zinc-100 dark:bg-zinc-800" : ""
                        } ${selected ? "font-semibold text-violet-700 dark:text-violet-300" : ""}`}
                      >
                        <span className="min-w-0 truncate" title={m.id}>
                          {m.id}
                        </span>
                        <ModelBadges model={m} />
                      </div>
                    );
                  })}
                </div>
              ))}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
