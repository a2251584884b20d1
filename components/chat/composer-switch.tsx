"use client";

import { type ReactNode, useId } from "react";
import { focusRing } from "@/components/ui/styles";

/**
 * A switch on the composer's toolbar (Thinking, Web search): an icon and a label (the label only from
 * `sm` up), violet while on, described by a hidden hint that a screen reader reads with it.
 */
export function ComposerSwitch({
  on,
  icon,
  label,
  hint,
  testId,
  dimmed = false,
  onClick,
  ...data
}: {
  on: boolean;
  icon: ReactNode;
  label: string;
  hint: string;
  testId: string;
  /** Drawn faded: the switch cannot turn on here, and a click explains why. */
  dimmed?: boolean;
  onClick: () => void;
} & { [attr: `data-${string}`]: string | undefined }) {
  const id = useId();
  return (
    <>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
        {...data}
        onClick={onClick}
        className={`flex items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm ${focusRing} ${
          on
            ? "bg-violet-100 text-violet-800 dark:bg-violet-500/20 dark:text-violet-200"
            : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
        } ${dimmed ? "opacity-60" : ""}`}
      >
        {icon}
        <span className="max-sm:sr-only">{label}</span>
      </button>
      <span id={`${id}-hint`} hidden>
        {hint}
      </span>
    </>
  );
}
