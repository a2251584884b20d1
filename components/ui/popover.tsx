"use client";

import { Popover as BasePopover } from "@base-ui/react/popover";
import type { ReactElement, ReactNode } from "react";
import { cn, popupSurface } from "./styles";

interface PopoverProps {
  /** The button that opens it; focus returns there when it closes. */
  trigger: ReactElement;
  /** Names the popup (role="dialog"); omit for a popup whose trigger already says what it is. */
  title?: ReactNode;
  children: ReactNode;
  side?: "top" | "bottom" | "left" | "right";
  align?: "start" | "center" | "end";
  /** Open on hover as well as on press: for an info icon (a Tooltip is not reachable by touch). */
  openOnHover?: boolean;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
}

/** A non-modal popup anchored to its trigger (Base UI Popover): Escape and a click outside close it. */
export function Popover({
  trigger,
  title,
  children,
  side = "bottom",
  align = "center",
  openOnHover = false,
  open,
  onOpenChange,
  className,
}: PopoverProps) {
  return (
    <BasePopover.Root open={open} onOpenChange={onOpenChange ? (next) => onOpenChange(next) : undefined}>
      <BasePopover.Trigger render={trigger} openOnHover={openOnHover} />
      <BasePopover.Portal>
        <BasePopover.Positioner className="z-50" side={side} align={align} sideOffset={6}>
          <BasePopover.Popup
            className={cn(
              popupSurface,
              "max-w-[min(22rem,calc(100vw-1.5rem))] origin-(--transform-origin) p-3 text-sm",
              className,
            )}
          >
            {title && <BasePopover.Title className="mb-1 font-semibold">{title}</BasePopover.Title>}
            {children}
          </BasePopover.Popup>
        </BasePopover.Positioner>
      </BasePopover.Portal>
    </BasePopover.Root>
  );
}
