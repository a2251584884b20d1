"use client";

import { type ReactNode, useEffect, useState } from "react";
import { CheckIcon, ChevronLeftIcon, ChevronRightIcon, CopyIcon } from "@/components/ui/icons";
import { copyText } from "@/lib/clipboard";
import { useT } from "@/lib/i18n/client";

/** An icon button named by `label` (also its tooltip). */
export function ActionButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="inline-flex size-7 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 disabled:pointer-events-none disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      {children}
    </button>
  );
}

export function CopyButton({ text }: { text: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <ActionButton label={t("chat.actions.copy")} onClick={() => void copyText(text).then(setCopied)}>
      {copied ? <CheckIcon className="text-emerald-600" /> : <CopyIcon />}
      <span className="sr-only" aria-live="polite">
        {copied ? t("chat.actions.copied") : ""}
      </span>
    </ActionButton>
  );
}

/** "‹ 2/3 ›": the versions made by Regenerate (replies) or Edit (questions). */
export function VersionSwitcher({
  index,
  count,
  onStep,
  disabled,
}: {
  index: number;
  count: number;
  onStep: (delta: number) => void;
  disabled?: boolean;
}) {
  const t = useT();
  if (count < 2) return null;
  return (
    <div className="flex items-center text-xs text-zinc-500 dark:text-zinc-400">
      <ActionButton label={t("chat.version.prev")} onClick={() => onStep(-1)} disabled={disabled || index === 0}>
        <ChevronLeftIcon />
      </ActionButton>
      <span
        data-testid="message-version"
        className="min-w-8 text-center tabular-nums"
        title={t("chat.version.label", { index: index + 1, count })}
      >
        {index + 1}/{count}
      </span>
      <ActionButton label={t("chat.version.next")} onClick={() => onStep(1)} disabled={disabled || index >= count - 1}>
        <ChevronRightIcon />
      </ActionButton>
    </div>
  );
}
