"use client";

import { Dialog as BaseDialog } from "@base-ui/react/dialog";
import type { ReactElement, ReactNode, RefObject } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "./button";
import { CloseIcon } from "./icons";
import { backdropClass, cn } from "./styles";

interface DialogProps {
  /** The dialog's name (role="dialog" is labelled by it). */
  title: ReactNode;
  /** Read out with the name (aria-describedby). */
  description?: ReactNode;
  /** A button that opens the dialog: usually `<Button …>`; focus returns to it on close. */
  trigger?: ReactElement;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Actions along the bottom edge (a Dialog closes on Escape, the ✕ button and a click outside). */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** The element to focus when it opens (default: the first focusable one, the close button). */
  initialFocus?: RefObject<HTMLElement | null>;
  children?: ReactNode;
  className?: string;
}

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-3xl" } as const;

/**
 * A modal dialog (Base UI): focus moves in and is trapped, Escape and the close button (named in the
 * user's language) close it, and focus returns to the trigger. Control it with `open`/`onOpenChange`
 * to open it from elsewhere (a Menu item, a keyboard shortcut).
 */
export function Dialog({
  title,
  description,
  trigger,
  open,
  defaultOpen,
  onOpenChange,
  footer,
  size = "md",
  initialFocus,
  children,
  className,
}: DialogProps) {
  const t = useT();
  return (
    <BaseDialog.Root open={open} defaultOpen={defaultOpen} onOpenChange={(next) => onOpenChange?.(next)}>
      {trigger && <BaseDialog.Trigger render={trigger} />}
      <BaseDialog.Portal>
        <BaseDialog.Backdrop className={backdropClass} />
        <BaseDialog.Viewport className="fixed inset-0 z-50 flex items-end justify-center p-3 sm:items-center sm:p-6">
          <BaseDialog.Popup
            initialFocus={initialFocus}
            className={cn(
              "flex max-h-[calc(100dvh-1.5rem)] w-full flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white text-zinc-900 shadow-xl outline-none transition-[opacity,translate] duration-150 data-ending-style:translate-y-2 data-ending-style:opacity-0 data-starting-style:translate-y-2 data-starting-style:opacity-0 sm:max-h-[calc(100dvh-3rem)] dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
              widths[size],
              className,
            )}
          >
            <div className="flex items-start justify-between gap-3 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
              <div className="min-w-0">
                <BaseDialog.Title className="text-base font-semibold">{title}</BaseDialog.Title>
                {description && (
                  <BaseDialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                    {description}
                  </BaseDialog.Description>
                )}
              </div>
              <BaseDialog.Close
                render={
                  <Button variant="icon" size="sm" label={t("ui.close")} className="-mt-1 -mr-2">
                    <CloseIcon />
                  </Button>
                }
              />
            </div>
            <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
            {footer && (
              <div className="flex flex-wrap justify-end gap-2 border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
                {footer}
              </div>
            )}
          </BaseDialog.Popup>
        </BaseDialog.Viewport>
      </BaseDialog.Portal>
    </BaseDialog.Root>
  );
}

/** A button inside a Dialog's footer that closes it (for "Cancel"). */
export function DialogClose({ children }: { children: ReactElement }) {
  return <BaseDialog.Close render={children} />;
}
