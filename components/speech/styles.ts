// Shared class lists for the speech slice, matching the shell's controls (zinc neutrals, violet accent).

export const inputClass =
  "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
export const labelClass = "block text-sm font-medium";
export const hintClass = "text-xs text-zinc-500 dark:text-zinc-400";
export const primaryButton =
  "inline-flex items-center justify-center gap-2 rounded-md bg-violet-600 px-4 py-2 text-sm font-medium text-white hover:bg-violet-700 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-violet-500 dark:hover:bg-violet-400 dark:text-zinc-950";
export const secondaryButton =
  "inline-flex items-center justify-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";
export const iconButton =
  "inline-flex size-8 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 aria-pressed:bg-violet-100 aria-pressed:text-violet-800 disabled:opacity-60 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-pressed:bg-violet-900/50 dark:aria-pressed:text-violet-200";
export const cardClass = "rounded-lg border border-zinc-200 p-3 dark:border-zinc-800";
/** Same look as the chat's message action buttons, where Read aloud lives. */
export const actionIconButton =
  "inline-flex size-7 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 aria-pressed:text-violet-700 disabled:pointer-events-none disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-pressed:text-violet-300";
