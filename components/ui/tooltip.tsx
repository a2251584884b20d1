"use client";

import { Tooltip as BaseTooltip } from "@base-ui/react/tooltip";
import type { ReactElement, ReactNode } from "react";

export interface TooltipProps {
  /** Extra words for sighted pointer and keyboard users; never the only place something is said. */
  content: ReactNode;
  /** The element it describes (usually an icon Button, which keeps its own accessible name). */
  children: ReactElement;
  side?: "top" | "bottom" | "left" | "right";
}

/**
 * A hover/focus hint (Base UI Tooltip). Tooltips do not open on touch, so what they say must be
 * available otherwise (the button's name, a Popover for an info icon).
 */
export function Tooltip({ content, children, side = "top" }: TooltipProps) {
  return (
    <BaseTooltip.Root>
      <BaseTooltip.Trigger render={children} />
      <BaseTooltip.Portal>
        <BaseTooltip.Positioner className="z-50" side={side} sideOffset={6}>
          <BaseTooltip.Popup className="max-w-64 origin-(--transform-origin) rounded-md bg-zinc-900 px-2 py-1 text-xs text-white shadow transition-[opacity,scale] duration-100 data-ending-style:scale-95 data-ending-style:opacity-0 data-instant:duration-0 data-starting-style:scale-95 data-starting-style:opacity-0 dark:bg-zinc-100 dark:text-zinc-900">
            {content}
          </BaseTooltip.Popup>
        </BaseTooltip.Positioner>
      </BaseTooltip.Portal>
    </BaseTooltip.Root>
  );
}

/** Shares one open delay across tooltips, so moving along a toolbar shows each at once. */
export const TooltipProvider = BaseTooltip.Provider;
