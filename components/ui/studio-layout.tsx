"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { cardClass, cn } from "./styles";

interface StudioLayoutProps {
  /** The page's heading (h1). */
  title: ReactNode;
  description?: ReactNode;
  /** The form's fields, in the studios' shared order: prompt, model, options, upload. */
  form: ReactNode;
  /** The primary action (a submit Button with `form="<form id>"`), kept in view while the form scrolls. */
  action: ReactNode;
  /** Status next to the action (queue count, cost estimate). */
  actionNote?: ReactNode;
  /** Jobs and results, newest first; one place for them (no second gallery of the same items). */
  results: ReactNode;
  /** Names the results region (a labelled <section>). */
  resultsLabel: string;
  className?: string;
}

/** The parts of the layout a studio's form supplies (a slice's `use…FormSlots` hook returns them). */
export type StudioFormSlots = Pick<StudioLayoutProps, "form" | "action" | "actionNote">;

/**
 * The layout Images, Video and Speech share. From `lg` up: the form card on the left, sticky and
 * scrolling inside itself with the action pinned at its foot; results on the right. On a phone: one
 * column, the action bar sticky at the bottom of the screen while the form is in view, results below
 * (bring a new job into view with `useRevealOnPhone`).
 */
export function StudioLayout({
  title,
  description,
  form,
  action,
  actionNote,
  results,
  resultsLabel,
  className,
}: StudioLayoutProps) {
  const card = useFitCard();
  return (
    <div className={cn("mx-auto w-full max-w-7xl px-4 py-5 lg:px-6", className)}>
      <header className="mb-4">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(20rem,26rem)_minmax(0,1fr)] lg:items-start">
        <div ref={card} className={cn(cardClass, "flex flex-col lg:sticky lg:top-4 lg:max-h-[calc(100dvh-6rem)]")}>
          <div className="space-y-5 p-4 lg:min-h-0 lg:flex-1 lg:overflow-y-auto">{form}</div>
          <div
            data-testid="studio-action-bar"
            className="sticky bottom-0 flex items-center justify-between gap-3 rounded-b-2xl border-t border-zinc-200 bg-white/95 px-4 pt-3 backdrop-blur pb-[max(0.75rem,env(safe-area-inset-bottom))] dark:border-zinc-800 dark:bg-zinc-900/95"
          >
            <div className="min-w-0 text-xs text-zinc-500 dark:text-zinc-400">{actionNote}</div>
            {action}
          </div>
        </div>
        <section aria-label={resultsLabel} className="min-w-0 space-y-4">
          {results}
        </section>
      </div>
    </div>
  );
}

/** `lg` and up: the two-column layout, where the form card scrolls inside itself. */
const TWO_COLUMNS = "(min-width: 64rem)";
/** The card's sticky `top-4`, and the same gap kept below it. */
const GAP_PX = 16;

/**
 * On the two-column layout, keeps the form card's foot (and so its action bar) on screen: its
 * height is what the viewport leaves below its top. A fixed `100dvh - 6rem` was too tall while the
 * page is at its top (banner, header and title above the card), so the bar stuck to the screen's
 * edge over the last fields instead of sitting at the card's foot. The CSS value stays as the
 * first paint's (and a no-script) limit.
 */
function useFitCard() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const card = ref.current;
    if (!card || !window.matchMedia) return;
    const wide = window.matchMedia(TWO_COLUMNS);
    let frame = 0;
    const fitToScreen = () => {
      frame = 0;
      if (!wide.matches) {
        card.style.removeProperty("max-height");
        return;
      }
      const top = Math.max(card.getBoundingClientRect().top, GAP_PX);
      card.style.maxHeight = `${Math.max(window.innerHeight - top - GAP_PX, 240)}px`;
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(fitToScreen);
    };
    fitToScreen();
    // Content above the card can change height without a scroll (the demo banner dismissed).
    const above = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(schedule);
    above?.observe(document.body);
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    wide.addEventListener?.("change", schedule);
    return () => {
      cancelAnimationFrame(frame);
      above?.disconnect();
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      wide.removeEventListener?.("change", schedule);
    };
  }, []);
  return ref;
}

/** Below `lg` the results sit under the form, so a new job would start out of sight. */
const ONE_COLUMN = "(max-width: 63.99rem)";

/**
 * Scrolls `el` to the top of the screen when the layout is one column (a phone); does nothing on
 * the two-column layout, where results are already beside the form. Returns whether it scrolled.
 */
function scrollIntoViewOnPhone(el: Element | null): boolean {
  if (!el || typeof window === "undefined" || !window.matchMedia?.(ONE_COLUMN).matches) return false;
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  el.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
  return true;
}

/**
 * A ref for the newest job's element: when `key` (the newest job's id) changes to a new value, the
 * element is brought into view on a phone. The first value seen (jobs restored on load) does not scroll.
 * `ready` is false while the list is still being read (from IndexedDB): the value it settles on is
 * then the first value seen, so jobs restored after the first render do not scroll either.
 */
export function useRevealOnPhone<T extends HTMLElement>(key: string | number | null | undefined, ready = true) {
  const ref = useRef<T>(null);
  const seen = useRef(key);
  const wasReady = useRef(ready);
  useEffect(() => {
    // The render that turns `ready` on brings the restored list: its newest is a baseline, not new.
    const baseline = !wasReady.current;
    wasReady.current = ready;
    if (key === seen.current) return;
    seen.current = key;
    if (ready && !baseline && key != null) scrollIntoViewOnPhone(ref.current);
  }, [key, ready]);
  return ref;
}
