"use client";

import { Tabs as BaseTabs } from "@base-ui/react/tabs";
import type { ReactNode } from "react";
import { cn, focusRing } from "./styles";

interface TabsProps<V extends string> {
  value?: V;
  defaultValue?: V;
  onValueChange?: (value: V) => void;
  children: ReactNode;
  className?: string;
}

/**
 * Tabs (Base UI, WAI-ARIA tabs): a tablist whose arrow keys move between tabs, each tab controlling
 * its panel. Compose with TabList, Tab and TabPanel.
 */
export function Tabs<V extends string>({ value, defaultValue, onValueChange, children, className }: TabsProps<V>) {
  return (
    <BaseTabs.Root
      value={value}
      defaultValue={defaultValue}
      onValueChange={onValueChange ? (next) => onValueChange(next as V) : undefined}
      className={className}
    >
      {children}
    </BaseTabs.Root>
  );
}

/** The row of tabs; `label` names the tablist for screen readers. */
export function TabList({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <BaseTabs.List
      aria-label={label}
      // Panels here render at once, so a tab shows its panel as soon as it is focused (APG "automatic").
      activateOnFocus
      className={cn("relative flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800", className)}
    >
      {children}
      <BaseTabs.Indicator className="absolute bottom-0 left-0 h-0.5 w-(--active-tab-width) translate-x-(--active-tab-left) bg-violet-600 transition-[translate,width] duration-200 dark:bg-violet-400" />
    </BaseTabs.List>
  );
}

export function Tab({ value, children, disabled }: { value: string; children: ReactNode; disabled?: boolean }) {
  return (
    <BaseTabs.Tab
      value={value}
      disabled={disabled}
      className={cn(
        "inline-flex h-10 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-t-md px-3 text-sm font-medium text-zinc-600 hover:text-zinc-900 data-active:text-violet-700 data-disabled:opacity-50 dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-active:text-violet-300",
        focusRing,
      )}
    >
      {children}
    </BaseTabs.Tab>
  );
}

export function TabPanel({ value, children, className }: { value: string; children: ReactNode; className?: string }) {
  return (
    <BaseTabs.Panel value={value} className={cn("pt-4", focusRing, className)}>
      {children}
    </BaseTabs.Panel>
  );
}
