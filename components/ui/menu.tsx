"use client";

import { Menu as BaseMenu } from "@base-ui/react/menu";
import type { ReactElement, ReactNode } from "react";
import { cn, itemClass, popupSurface } from "./styles";

export interface MenuProps {
  /** The button that opens the menu (an icon Button needs its `label`): it gets aria-haspopup/expanded. */
  trigger: ReactElement;
  children: ReactNode;
  side?: "top" | "bottom" | "left" | "right";
  align?: "start" | "center" | "end";
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/**
 * An action menu (Base UI, WAI-ARIA menu button): arrow keys move between items, Home/End jump,
 * typing a letter finds an item, Enter/Space activate, Escape closes and focus returns to the trigger.
 */
export function Menu({ trigger, children, side = "bottom", align = "end", open, onOpenChange }: MenuProps) {
  return (
    <BaseMenu.Root open={open} onOpenChange={onOpenChange ? (next) => onOpenChange(next) : undefined}>
      <BaseMenu.Trigger render={trigger} />
      <BaseMenu.Portal>
        <BaseMenu.Positioner className="z-50 outline-none" side={side} align={align} sideOffset={4}>
          <BaseMenu.Popup className={cn(popupSurface, "min-w-44 origin-(--transform-origin) p-1")}>
            {children}
          </BaseMenu.Popup>
        </BaseMenu.Positioner>
      </BaseMenu.Portal>
    </BaseMenu.Root>
  );
}

interface MenuItemProps {
  onClick?: () => void;
  icon?: ReactNode;
  /** A destructive action (delete): shown in red. */
  danger?: boolean;
  disabled?: boolean;
  /** Keep the menu open after the item runs (a toggle). */
  keepOpen?: boolean;
  children: ReactNode;
}

/** One action in a Menu (role="menuitem"). */
export function MenuItem({ onClick, icon, danger = false, disabled, keepOpen = false, children }: MenuItemProps) {
  return (
    <BaseMenu.Item
      onClick={() => onClick?.()}
      disabled={disabled}
      closeOnClick={!keepOpen}
      className={cn(
        itemClass,
        danger &&
          "text-red-700 data-highlighted:bg-red-50 data-highlighted:text-red-800 dark:text-red-400 dark:data-highlighted:bg-red-950/60 dark:data-highlighted:text-red-300",
      )}
    >
      {icon}
      <span className="min-w-0 flex-1 truncate">{children}</span>
    </BaseMenu.Item>
  );
}

export function MenuSeparator() {
  return <BaseMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" />;
}
