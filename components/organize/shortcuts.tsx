"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useChatUI } from "@/lib/chat/client/ui";
import { translator } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { selectHelpOpen, selectPaletteOpen, useOrganize } from "@/lib/organize/client/store";

// The palette's code (its search over conversations, assistants and models) loads on the first
// Ctrl/⌘+K, not with every page (issue 25, the first load of /chat).
const CommandPalette = lazy(() => import("./command-palette").then((m) => ({ default: m.CommandPalette })));

function editable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The app-wide keyboard: Ctrl/⌘+K the command palette, Ctrl/⌘+Shift+O a new chat, Ctrl/⌘+Shift+F
 * search, Ctrl/⌘+Shift+; copy the last reply, "?" this list. Escape (stop) is the chat's own.
 * Mounted once in the studio layout, with the palette and the help sheet.
 */
export function Shortcuts() {
  const { t, locale } = useI18n();
  const helpOpen = useOrganize(selectHelpOpen);
  // Mounted from its first opening on, so it keeps its state (and its close animation) after.
  const paletteOpen = useOrganize(selectPaletteOpen);
  const [paletteWanted, setPaletteWanted] = useState(false);
  if (paletteOpen && !paletteWanted) setPaletteWanted(true);
  const [announce, setAnnounce] = useState("");

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const organize = useOrganize.getState();
      if (mod && !e.shiftKey && !e.altKey && key === "k") {
        e.preventDefault();
        organize.setPaletteOpen(!organize.paletteOpen);
      } else if (mod && e.shiftKey && key === "o") {
        e.preventDefault();
        useChatUI.getState().setDrawerOpen(false);
        if (window.location.pathname.startsWith("/chat")) window.history.pushState(null, "", "/chat");
        else window.location.assign("/chat");
      } else if (mod && e.shiftKey && key === "f") {
        e.preventDefault();
        const box = document.querySelector<HTMLInputElement>('aside input[type="search"]');
        if (box) box.focus();
        else window.location.assign("/chat");
      } else if (mod && e.shiftKey && (e.code === "Semicolon" || key === ";" || key === ":")) {
        e.preventDefault();
        const replies = document.querySelectorAll('[data-testid="message-assistant"]');
        const copy = replies[replies.length - 1]?.querySelector<HTMLButtonElement>(
          `button[aria-label="${translator(locale)("chat.actions.copy")}"]`,
        );
        if (copy) {
          copy.click();
          setAnnounce(t("shortcuts.copied"));
        }
      } else if (e.key === "?" && !mod && !editable(e.target)) {
        e.preventDefault();
        organize.setHelpOpen(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [locale, t]);

  const mod = isMac() ? "⌘" : "Ctrl";
  const rows: [string, string][] = [
    [`${mod}+K`, t("shortcuts.palette")],
    [`${mod}+Shift+O`, t("shortcuts.newChat")],
    [`${mod}+Shift+F`, t("shortcuts.search")],
    ["Esc", t("shortcuts.stop")],
    [`${mod}+Shift+;`, t("shortcuts.copyLast")],
    ["?", t("shortcuts.help")],
  ];
  return (
    <>
      {paletteWanted && (
        <Suspense fallback={null}>
          <CommandPalette />
        </Suspense>
      )}
      <Dialog
        open={helpOpen}
        onOpenChange={(open) => useOrganize.getState().setHelpOpen(open)}
        title={t("shortcuts.title")}
        size="sm"
      >
        <table className="w-full text-sm">
          <tbody>
            {rows.map(([keys, what]) => (
              <tr key={keys} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                  <kbd className="rounded border border-zinc-300 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-600">
                    {keys}
                  </kbd>
                </th>
                <td className="py-1.5">{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Dialog>
      <div role="status" className="sr-only">
        {announce}
      </div>
    </>
  );
}
