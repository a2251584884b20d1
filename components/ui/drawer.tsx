"use client";

import { Drawer as BaseDrawer } from "@base-ui/react/drawer";
import type { ReactElement, ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "./button";
import { CloseIcon } from "./icons";
import { backdropClass, cn } from "./styles";

interface DrawerProps {
  title: ReactNode;
  description?: ReactNode;
  trigger?: ReactElement;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** `bottom`: a sheet for phones (swipe down to close); `right`: a side panel (swipe right). */
  side?: "bottom" | "right";
  footer?: ReactNode;
  children?: ReactNode;
  className?: string;
}

const placement = {
  bottom: {
    viewport: "items-end justify-center",
    popup:
      "max-h-[85dvh] w-full rounded-t-2xl border-t pb-[env(safe-area-inset-bottom)] [transform:translateY(var(--drawer-swipe-movement-y))] data-ending-style:[transform:translateY(100%)] data-starting-style:[transform:translateY(100%)]",
  },
  right: {
    viewport: "items-stretch justify-end",
    popup:
      "h-full w-[min(24rem,100vw)] border-l [transform:translateX(var(--drawer-swipe-movement-x))] data-ending-style:[transform:translateX(100%)] data-starting-style:[transform:translateX(100%)]",
  },
} as const;

/**
 * A modal panel from the bottom or the side (Base UI Drawer): same naming, focus trap, Escape and
 * focus return as Dialog, plus swipe to dismiss. Use it for settings or filters on a phone.
 */
export function Drawer({
  title,
  description,
  trigger,
  open,
  defaultOpen,
  onOpenChange,
  side = "bottom",
  footer,
  children,
  className,
}: DrawerProps) {
  const t = useT();
  const where = placement[side];
  return (
    <BaseDrawer.Root
      open={open}
      defaultOpen={defaultOpen}
      onOpenChange={(next) => onOpenChange?.(next)}
      swipeDirection={side === "bottom" ? "down" : "right"}
    >
      {trigger && <BaseDrawer.Trigger render={trigger} />}
      <BaseDrawer.Portal>
        <BaseDrawer.Backdrop className={backdropClass} />
        <BaseDrawer.Viewport className={cn("fixed inset-0 z-50 flex", where.viewport)}>
          <BaseDrawer.Popup
            className={cn(
              "flex flex-col overflow-hidden border-zinc-200 bg-white text-zinc-900 shadow-xl outline-none transition-transform duration-300 ease-out data-swiping:select-none data-swiping:duration-0 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
              where.popup,
              className,
            )}
          >
            <BaseDrawer.Content className="flex min-h-0 flex-1 flex-col">
              {side === "bottom" && (
                <div aria-hidden="true" className="mx-auto mt-2 h-1 w-10 rounded-full bg-zinc-300 dark:bg-zinc-700" />
              )}
              <div className="flex items-start justify-between gap-3 px-5 pt-3 pb-3">
                <div className="min-w-0">
                  <BaseDrawer.Title className="text-base font-semibold">{title}</BaseDrawer.Title>
                  {description && (
                    <BaseDrawer.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                      {description}
                    </BaseDrawer.Description>
                  )}
                </div>
                <BaseDrawer.Close
                  render={
                    <Button variant="icon" size="sm" label={t("ui.close")} className="-mr-2">
                      <CloseIcon />
                    </Button>
                  }
                />
              </div>
              <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-5 pb-4">{children}</div>
              {footer && (
                <div className="flex flex-wrap justify-end gap-2 border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
                  {footer}
                </div>
              )}
            </BaseDrawer.Content>
          </BaseDrawer.Popup>
        </BaseDrawer.Viewport>
      </BaseDrawer.Portal>
    </BaseDrawer.Root>
  );
}
