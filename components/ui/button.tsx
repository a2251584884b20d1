"use client";

import { Button as BaseButton } from "@base-ui/react/button";
import type { ComponentPropsWithRef, ReactNode } from "react";
import { SpinnerIcon } from "./icons";
import { cn, focusRing } from "./styles";

type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "icon";
type ButtonSize = "sm" | "md";

type Common = Omit<ComponentPropsWithRef<"button">, "aria-label"> & {
  size?: ButtonSize;
  /** Busy: shows a spinner and ignores presses, yet keeps focus (and its name) where it was. */
  loading?: boolean;
};
type TextButtonProps = Common & {
  variant?: Exclude<ButtonVariant, "icon">;
  label?: never;
  "aria-label"?: string;
};
/** An icon-only button has no text, so its accessible name is required. */
type IconButtonProps = Common & { variant: "icon"; label: string; "aria-label"?: never; children: ReactNode };
type ButtonProps = TextButtonProps | IconButtonProps;

const base =
  "inline-flex shrink-0 select-none items-center justify-center gap-2 whitespace-nowrap font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 data-disabled:cursor-not-allowed data-disabled:opacity-50";

const variants: Record<ButtonVariant, string> = {
  primary:
    "rounded-lg bg-violet-600 text-white shadow-sm hover:bg-violet-700 active:bg-violet-800 dark:hover:bg-violet-500",
  secondary:
    "rounded-lg border border-zinc-300 bg-white text-zinc-800 shadow-xs hover:bg-zinc-50 active:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
  ghost:
    "rounded-lg text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 active:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
  danger: "rounded-lg bg-red-600 text-white shadow-sm hover:bg-red-700 active:bg-red-800 dark:hover:bg-red-500",
  icon: "rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 aria-pressed:bg-violet-100 aria-pressed:text-violet-800 aria-expanded:bg-zinc-100 data-popup-open:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-pressed:bg-violet-900/50 dark:aria-pressed:text-violet-200 dark:aria-expanded:bg-zinc-800 dark:data-popup-open:bg-zinc-800",
};

const sizes: Record<ButtonSize, string> = { sm: "h-8 px-2.5 text-xs", md: "h-10 px-4 text-sm" };
const iconSizes: Record<ButtonSize, string> = { sm: "size-7", md: "size-9" };

/** The class list of a button look, for the rare element that must look like one (a link to a page). */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return cn(base, focusRing, variants[variant], variant === "icon" ? iconSizes[size] : sizes[size]);
}

/**
 * A button in one of the app's looks. Defaults to `type="button"` so it never submits a form by
 * accident; pass `type="submit"` for the form's primary action. Spreads every other prop and
 * forwards its ref, so a Menu, Dialog or Popover trigger can render it (`render={<Button …/>}`).
 */
export function Button(props: ButtonProps) {
  const { variant = "primary", size = "md", loading = false, className, children, disabled, label, ...native } = props;
  return (
    <BaseButton
      type="button"
      {...native}
      aria-label={variant === "icon" ? label : props["aria-label"]}
      aria-busy={loading || undefined}
      disabled={disabled || loading}
      focusableWhenDisabled={loading}
      className={cn(buttonClass(variant, size), className)}
    >
      {loading && <SpinnerIcon className="animate-spin" />}
      {variant === "icon" && loading ? null : children}
    </BaseButton>
  );
}
