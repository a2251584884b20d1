// Shared class lists for the speech slice, matching the shell's controls (zinc neutrals, violet accent).
// Controls and buttons look like the other studios' (same field surface as Video, the ui Button looks),
// since the three share one layout.

import { buttonClass } from "@/components/ui/button";

export const inputClass =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:border-violet-500 focus:outline-none focus:ring-2 focus:ring-violet-500/30 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-500";
export const labelClass = "block text-sm font-medium";
export const hintClass = "text-xs text-zinc-500 dark:text-zinc-400";
export const secondaryButton = buttonClass("secondary", "sm");
export const iconButton =
  "inline-flex size-8 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 aria-pressed:bg-violet-100 aria-pressed:text-violet-800 disabled:opacity-60 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-pressed:bg-violet-900/50 dark:aria-pressed:text-violet-200";
export const cardClass = "rounded-lg border border-zinc-200 p-3 dark:border-zinc-800";
/** Same look as the chat's message action buttons, where Read aloud lives. */
export const actionIconButton =
  "inline-flex size-7 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 aria-pressed:text-violet-700 disabled:pointer-events-none disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-pressed:text-violet-300";
