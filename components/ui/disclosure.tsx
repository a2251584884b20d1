"use client";

import { Collapsible } from "@base-ui/react/collapsible";
import type { ReactNode } from "react";
import { ChevronRightIcon } from "./icons";
import { cn, focusRing } from "./styles";

interface DisclosureProps {
  /** The toggle's text ("Show details"); it is a button with aria-expanded. */
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
}

/**
 * A details-like section (Base UI Collapsible): a button that shows and hides the panel under it.
 * The closed panel stays findable with the browser's find-in-page.
 */
export function Disclosure({ summary, children, open, defaultOpen, onOpenChange, className }: DisclosureProps) {
  return (
    <Collapsible.Root
      open={open}
      defaultOpen={defaultOpen}
      onOpenChange={onOpenChange ? (next) => onOpenChange(next) : undefined}
      className={className}
    >
      <Collapsible.Trigger
        className={cn(
          "group inline-flex items-center gap-1 rounded-md text-sm font-medium text-zinc-700 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-zinc-100",
          focusRing,
        )}
      >
        <ChevronRightIcon className="transition-transform group-data-panel-open:rotate-90" />
        {summary}
      </Collapsible.Trigger>
      <Collapsible.Panel hiddenUntilFound className="mt-2 text-sm">
        {children}
      </Collapsible.Panel>
    </Collapsible.Root>
  );
}
