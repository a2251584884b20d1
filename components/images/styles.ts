// Shared class names of the image form, so every field looks and focuses the same.

export const labelClass = "block text-sm font-medium text-zinc-800 dark:text-zinc-200";

export const fieldClass =
  "h-10 rounded-lg border border-zinc-200 bg-white px-3 text-sm text-zinc-900 shadow-xs outline-none transition placeholder:text-zinc-400 focus:border-violet-500 focus:ring-2 focus:ring-violet-500/20 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:focus:border-violet-400 dark:disabled:bg-zinc-900/40";

export const textareaClass =
  "w-full resize-y rounded-xl border border-zinc-200 bg-white px-3 py-2.5 text-sm leading-relaxed text-zinc-900 shadow-xs outline-none transition placeholder:text-zinc-400 focus:border-violet-500 focus:ring-2 focus:ring-violet-500/20 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:focus:border-violet-400 dark:disabled:bg-zinc-900/40";

export const hintClass = "text-xs text-zinc-500";
