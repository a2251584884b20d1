"use client";

import { useRouter } from "next/navigation";
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { rememberModel } from "@/lib/chat/client/models";
import { useChatUI } from "@/lib/chat/client/ui";
import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { assistantActions, useAssistants } from "@/lib/organize/client/hooks";
import { findConversations, type PaletteConversation, setConversationModel } from "@/lib/organize/client/palette";
import { selectPaletteOpen, useOrganize } from "@/lib/organize/client/store";
import { starterAssistants } from "@/lib/organize/starters";
import { loadModels, useModels } from "@/lib/providers/client/models";
import { chooseTheme } from "@/lib/theme";

interface Command {
  id: string;
  group: MessageKey;
  label: string;
  run: () => void | Promise<void>;
}

const PAGES: { href: string; key: MessageKey }[] = [
  { href: "/chat", key: "nav.chat" },
  { href: "/assistants", key: "nav.assistants" },
  { href: "/prompts", key: "prompts.title" },
  { href: "/images", key: "nav.images" },
  { href: "/video", key: "nav.video" },
  { href: "/speech", key: "nav.speech" },
  { href: "/settings", key: "nav.settings" },
];

const GROUP_ORDER: MessageKey[] = [
  "palette.group.conversations",
  "palette.group.actions",
  "palette.group.assistants",
  "palette.group.models",
  "palette.group.pages",
];

function currentConversationId(): string | undefined {
  const m = /^\/chat\/([^/?#]+)/.exec(window.location.pathname);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

function matches(label: string, query: string): boolean {
  const hay = label.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/**
 * Ctrl/⌘+K: one box to jump to a conversation (the search index), start a chat with an assistant,
 * switch the chat model, open a page, or toggle theme and language. A dialog with a text box whose
 * list is tied to it by aria-activedescendant, so a screen reader hears the highlighted command.
 */
export function CommandPalette() {
  const open = useOrganize(selectPaletteOpen);
  const { setPaletteOpen: setOpen } = useOrganize.getState();
  const { t } = useI18n();
  // Focus goes straight to the box, so keys typed right after Ctrl/⌘+K are not lost.
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <Dialog open={open} onOpenChange={setOpen} title={t("palette.open")} size="md" initialFocus={inputRef}>
      {open && <PaletteBody inputRef={inputRef} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function PaletteBody({ inputRef, onDone }: { inputRef: RefObject<HTMLInputElement | null>; onDone: () => void }) {
  const { t, locale, setLocale } = useI18n();
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState("");
  // Results carry the query they answer: older results never stand in for what is typed now.
  const [found, setFound] = useState<{ query: string; rows: PaletteConversation[] }>({ query: "", rows: [] });
  const conversations = found.query === query ? found.rows : [];
  const [cursor, setCursor] = useState({ query: "", index: 0 });
  const assistants = useAssistants();
  const models = useModels("chat").models;

  useEffect(() => {
    void loadModels("chat");
    if (document.activeElement !== inputRef.current) inputRef.current?.focus();
  }, [inputRef]);

  // Conversations from the search index, a moment after typing stops.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () =>
        void findConversations(query)
          .then((rows) => live && setFound({ query, rows }))
          .catch(() => live && setFound({ query, rows: [] })),
      query ? 120 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const go = useCallback((href: string) => router.push(href), [router]);

  const commands = useMemo<Command[]>(() => {
    const out: Command[] = [];
    for (const c of conversations) {
      out.push({
        id: `c:${c.id}`,
        group: "palette.group.conversations",
        label: c.title || t("chat.untitled"),
        run: () => go(`/chat/${encodeURIComponent(c.id)}`),
      });
    }
    const actions: Command[] = [
      {
        id: "a:new",
        group: "palette.group.actions",
        label: t("palette.newChat"),
        run: () => {
          useChatUI.getState().setDrawerOpen(false);
          go("/chat");
        },
      },
      {
        id: "a:theme",
        group: "palette.group.actions",
        label: t("palette.theme"),
        run: () => {
          chooseTheme(document.documentElement.classList.contains("dark") ? "light" : "dark");
        },
      },
      {
        id: "a:language",
        group: "palette.group.actions",
        label: t("palette.language"),
        run: () => setLocale(locale === "zh" ? "en" : "zh"),
      },
      {
        id: "a:help",
        group: "palette.group.actions",
        label: t("palette.shortcuts"),
        run: () => useOrganize.getState().setHelpOpen(true),
      },
    ];
    const assistantCommands: Command[] = [...(assistants ?? []), ...starterAssistants(t)].map((a) => ({
      id: `s:${a.id}`,
      group: "palette.group.assistants",
      label: `${a.emoji ? `${a.emoji} ` : ""}${a.name}`,
      run: async () => {
        const c = await assistantActions.startChat(a);
        go(`/chat/${encodeURIComponent(c.id)}`);
      },
    }));
    const modelCommands: Command[] = models.map((m) => ({
      id: `m:${m.provider}:${m.id}`,
      group: "palette.group.models",
      label: m.id,
      run: async () => {
        const ref = { provider: m.provider, id: m.id };
        rememberModel(ref);
        const id = currentConversationId();
        if (id) await setConversationModel(id, ref);
        else {
          useChatUI.getState().setNewChatModel(ref);
          if (!window.location.pathname.startsWith("/chat")) go("/chat");
        }
      },
    }));
    const pages: Command[] = PAGES.map((p) => ({
      id: `p:${p.href}`,
      group: "palette.group.pages",
      label: t(p.key),
      run: () => go(p.href),
    }));
    const rest = [...actions, ...assistantCommands, ...modelCommands, ...pages].filter((c) => matches(c.label, query));
    // Models are many: only when asked for by name.
    const shown = rest.filter((c) => c.group !== "palette.group.models" || query.trim().length > 0);
    return [...out, ...shown].slice(0, 60);
  }, [conversations, assistants, models, query, t, locale, setLocale, go]);

  const active = cursor.query === query ? Math.min(cursor.index, Math.max(0, commands.length - 1)) : 0;
  const optionId = (i: number) => `${listId}-${i}`;

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  });

  const run = (c: Command | undefined) => {
    if (!c) return;
    onDone();
    void c.run();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing) return;
    const n = commands.length;
    if (n === 0) return;
    const move = (to: number) => {
      e.preventDefault();
      setCursor({ query, index: (to + n) % n });
    };
    if (e.key === "ArrowDown") move(active + 1);
    else if (e.key === "ArrowUp") move(active - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(n - 1);
    else if (e.key === "Enter") {
      e.preventDefault();
      run(commands[active]);
    }
  };

  const grouped = GROUP_ORDER.map((g) => ({
    group: g,
    items: commands.map((c, i) => ({ c, i })).filter(({ c }) => c.group === g),
  })).filter((g) => g.items.length > 0);

  return (
    <div>
      <input
        ref={inputRef}
        // biome-ignore lint/a11y/noAutofocus: the palette exists to type into
        autoFocus
        role="combobox"
        aria-label={t("palette.input")}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={commands.length ? optionId(active) : undefined}
        placeholder={t("palette.input")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        className="h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm outline-none focus:border-violet-500 dark:border-zinc-700 dark:bg-zinc-950"
      />
      <div id={listId} role="listbox" aria-label={t("palette.open")} className="mt-2 max-h-[55vh] overflow-y-auto">
        {grouped.length === 0 && (
          <p className="px-2 py-3 text-sm text-zinc-500 dark:text-zinc-400">{t("palette.empty")}</p>
        )}
        {grouped.map(({ group, items }) => (
          // biome-ignore lint/a11y/useSemanticElements: options of a listbox are grouped by role="group", not a fieldset
          <div key={group} role="group" aria-label={t(group)} className="py-1">
            <div aria-hidden="true" className="px-2 pb-1 text-xs font-semibold text-zinc-500 dark:text-zinc-400">
              {t(group)}
            </div>
            {items.map(({ c, i }) => (
              <div
                key={c.id}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => i !== active && setCursor({ query, index: i })}
                onClick={() => run(c)}
                onKeyDown={() => {}}
                className={`cursor-pointer truncate rounded-md px-2 py-1.5 text-sm ${
                  i === active ? "bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-100" : ""
                }`}
              >
                {c.label}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
