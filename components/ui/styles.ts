// The one look every primitive shares (zinc neutrals, violet accent, `.dark` variant). Only files in
// components/ui read these; a slice that needs a different look asks for a variant here instead.

/** Joins class lists, skipping falsy parts. Callers' `className` is for layout, never for restyling. */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}

export const focusRing =
  "outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600 dark:focus-visible:outline-violet-400";

/** Text inputs, textareas, native selects and the Select trigger: one surface, one focus style. */
const controlSurface =
  "w-full rounded-lg border border-zinc-300 bg-white text-sm text-zinc-900 shadow-xs outline-none transition placeholder:text-zinc-400 focus:border-violet-500 focus:ring-2 focus:ring-violet-500/25 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-400 data-disabled:cursor-not-allowed data-disabled:bg-zinc-50 data-disabled:text-zinc-400 aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/25 pointer-coarse:text-base dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:focus:border-violet-400 dark:disabled:bg-zinc-900/40 dark:data-disabled:bg-zinc-900/40 dark:aria-invalid:border-red-400";

/** A control made of parts (number field with steppers): the group shows focus and invalid state. */
export const groupSurface =
  "flex w-full items-stretch overflow-hidden rounded-lg border border-zinc-300 bg-white text-sm text-zinc-900 shadow-xs transition focus-within:border-violet-500 focus-within:ring-2 focus-within:ring-violet-500/25 data-disabled:cursor-not-allowed data-disabled:bg-zinc-50 data-disabled:text-zinc-400 data-invalid:border-red-500 pointer-coarse:text-base dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:focus-within:border-violet-400 dark:data-disabled:bg-zinc-900/40 dark:data-invalid:border-red-400";

export const inputClass = cn(controlSurface, "h-10 px-3");
export const textareaClass = cn(controlSurface, "min-h-20 resize-y px-3 py-2.5 leading-relaxed");

export const labelClass = "block text-sm font-medium text-zinc-800 dark:text-zinc-200";
export const hintClass = "text-xs text-zinc-500 dark:text-zinc-400";
export const errorClass = "text-xs font-medium text-red-700 dark:text-red-400";

/** Floating surfaces: menus, popovers, select lists. */
export const popupSurface =
  "rounded-xl border border-zinc-200 bg-white text-zinc-900 shadow-lg outline-none transition-[opacity,scale] duration-100 data-ending-style:scale-95 data-ending-style:opacity-0 data-starting-style:scale-95 data-starting-style:opacity-0 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:shadow-black/40";

/** A row inside a menu or a listbox; `data-highlighted` is the keyboard/pointer highlight. */
export const itemClass =
  "flex cursor-default select-none items-center gap-2 rounded-lg px-2.5 py-2 text-sm outline-none data-disabled:opacity-50 data-highlighted:bg-violet-50 data-highlighted:text-violet-900 dark:data-highlighted:bg-violet-950/60 dark:data-highlighted:text-violet-100";

export const cardClass =
  "rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900/60 dark:shadow-none";

export const backdropClass =
  "fixed inset-0 z-40 bg-zinc-950/40 transition-opacity duration-150 data-ending-style:opacity-0 data-starting-style:opacity-0 dark:bg-black/60";
