import type { ReactNode } from "react";
import { cn } from "@/components/ui/styles";

/** One Settings section: a region named by its heading, with an optional one-line hint under it. */
export function SettingsSection({
  id,
  title,
  hint,
  hintClassName,
  className = "space-y-3",
  testId,
  children,
}: {
  /** Prefix of the heading's id ("data" → "data-heading"). */
  id: string;
  title: ReactNode;
  hint?: ReactNode;
  hintClassName?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className={className} data-testid={testId}>
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {hint && <p className={cn("text-sm text-zinc-600 dark:text-zinc-400", hintClassName)}>{hint}</p>}
      {children}
    </section>
  );
}
