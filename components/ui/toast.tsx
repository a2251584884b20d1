"use client";

import { Toast as BaseToast } from "@base-ui/react/toast";
import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { CloseIcon } from "./icons";
import { cn, focusRing } from "./styles";

export interface ToastOptions {
  title: string;
  description?: string;
  /** One follow-up, such as Undo. Pressing it runs `onClick` and closes the toast. */
  action?: { label: string; onClick: () => void };
  /**
   * `polite` (default) waits for the screen reader to finish; `assertive` interrupts — only for
   * something that failed or needs the user now.
   */
  priority?: "polite" | "assertive";
  /** Milliseconds before it closes by itself (paused while hovered or focused); 0 keeps it open. */
  timeout?: number;
  tone?: "info" | "success" | "error";
}

// One manager for the app, so `toast()` works from outside React (a store action, a fetch helper).
const manager = BaseToast.createToastManager();

function toBase({ title, description, action, priority = "polite", timeout, tone = "info" }: ToastOptions) {
  return {
    title,
    description,
    type: tone,
    priority: priority === "assertive" ? ("high" as const) : ("low" as const),
    // An action needs time to be reached; hover and focus pause the timer as well.
    timeout: timeout ?? (action ? 10_000 : 6_000),
    actionProps: action && { children: action.label, onClick: action.onClick },
  };
}

/** Shows a toast; returns its id for `dismissToast`. Needs a ToastProvider mounted once in the app. */
export function toast(options: ToastOptions): string {
  return manager.add(toBase(options));
}

export function dismissToast(id?: string): void {
  manager.close(id);
}

const tones = {
  info: "border-zinc-200 dark:border-zinc-700",
  success: "border-emerald-300 dark:border-emerald-800",
  error: "border-red-300 dark:border-red-800",
} as const;

function ToastList() {
  const t = useT();
  const { toasts, close } = BaseToast.useToastManager();
  return toasts.map((item) => (
    <BaseToast.Root
      key={item.id}
      toast={item}
      className={cn(
        "rounded-xl border bg-white p-3 text-sm text-zinc-900 shadow-lg transition-[opacity,translate] duration-200 data-ending-style:translate-y-2 data-ending-style:opacity-0 data-limited:hidden data-starting-style:translate-y-2 data-starting-style:opacity-0 dark:bg-zinc-900 dark:text-zinc-100",
        tones[(item.type as keyof typeof tones | undefined) ?? "info"] ?? tones.info,
        focusRing,
      )}
    >
      <BaseToast.Content className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <BaseToast.Title render={<p />} className="font-medium" />
          <BaseToast.Description className="mt-0.5 text-zinc-600 dark:text-zinc-400" />
        </div>
        {item.actionProps && (
          <BaseToast.Action
            onClick={() => close(item.id)}
            className={cn(
              "shrink-0 rounded-md px-2 py-1 font-medium text-violet-700 hover:bg-violet-50 dark:text-violet-300 dark:hover:bg-violet-950",
              focusRing,
            )}
          />
        )}
        <BaseToast.Close
          aria-label={t("common.dismiss")}
          className={cn(
            "-m-1 shrink-0 rounded-md p-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800",
            focusRing,
          )}
        >
          <CloseIcon />
        </BaseToast.Close>
      </BaseToast.Content>
    </BaseToast.Root>
  ));
}

/** Mount once, inside the I18nProvider: holds the toasts' live region (a landmark reachable with F6). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <BaseToast.Provider toastManager={manager} limit={3}>
      {children}
      <BaseToast.Portal>
        <BaseToast.Viewport
          aria-label={t("ui.toast.region")}
          className="fixed right-3 bottom-3 left-3 z-[60] mx-auto flex max-w-sm flex-col gap-2 outline-none sm:left-auto sm:mx-0 sm:w-96"
        >
          <ToastList />
        </BaseToast.Viewport>
      </BaseToast.Portal>
    </BaseToast.Provider>
  );
}
