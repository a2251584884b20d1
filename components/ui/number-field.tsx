"use client";

import { NumberField as BaseNumberField } from "@base-ui/react/number-field";
import { type Ref, useState } from "react";
import type { Translate } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { MinusIcon, PlusIcon } from "./icons";
import { cn, groupSurface, hintClass } from "./styles";

interface NumberFieldProps {
  /** Controlled value; `null` is an empty field (the model's default applies). */
  value?: number | null;
  defaultValue?: number | null;
  /** Every change, typed or stepped. A typed value outside min/max is passed on as typed until blur. */
  onValueChange?: (value: number | null) => void;
  min?: number;
  max?: number;
  /** Arrow keys and the ± buttons move by `step`; Shift moves by `largeStep`. */
  step?: number;
  largeStep?: number;
  /** Called when a typed value was out of range and was clamped on blur. */
  onClamp?: (typed: number, clamped: number) => void;
  /** Say so under the input (role="status"); `false` when the caller shows the message elsewhere. */
  announceClamp?: boolean;
  /** Show the − and + buttons (pointer users; keyboard users have the arrow keys). */
  steppers?: boolean;
  format?: Intl.NumberFormatOptions;
  placeholder?: string;
  name?: string;
  id?: string;
  required?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  className?: string;
  /** The input element, so a form can move the focus to a field that still needs fixing. */
  inputRef?: Ref<HTMLInputElement>;
}

// Full precision and no grouping: a seed of 1234567890 stays as typed, 0.125 is not rounded to 0.13.
const PLAIN: Intl.NumberFormatOptions = { useGrouping: false, maximumFractionDigits: 10 };

/** The words for a clamped value, for a caller that shows them itself (`announceClamp={false}`). */
export function clampNotice(t: Translate, typed: number, clamped: number, max?: number): string {
  return t(clamped === max ? "ui.number.clampedMax" : "ui.number.clampedMin", { typed, value: clamped });
}

function clamp(n: number, min?: number, max?: number): number {
  if (min !== undefined && n < min) return min;
  if (max !== undefined && n > max) return max;
  return n;
}

const stepper =
  "flex w-9 shrink-0 items-center justify-center text-zinc-500 hover:bg-zinc-50 hover:text-zinc-900 data-disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

/**
 * A number input: typed text is kept as typed (so the form can say why it is refused), arrow keys
 * step, and a value left outside min/max is clamped on blur with a polite message saying so.
 * Put it inside a Field for its name, hint and error.
 */
export function NumberField({
  value,
  defaultValue = null,
  onValueChange,
  min,
  max,
  step = 1,
  largeStep,
  onClamp,
  announceClamp = true,
  steppers = false,
  format = PLAIN,
  placeholder,
  className,
  inputRef,
  ...rest
}: NumberFieldProps) {
  const t = useT();
  const [inner, setInner] = useState<number | null>(defaultValue);
  const current = value !== undefined ? value : inner;
  const [notice, setNotice] = useState<string | null>(null);

  const change = (next: number | null) => {
    setInner(next);
    onValueChange?.(next);
  };

  return (
    <div className={className}>
      <BaseNumberField.Root
        {...rest}
        value={current}
        min={min}
        max={max}
        step={step}
        largeStep={largeStep}
        format={format}
        allowOutOfRange
        onValueChange={(next) => {
          setNotice(null);
          change(next);
        }}
        onValueCommitted={(committed, details) => {
          if (details.reason !== "input-blur" || committed === null) return;
          const clamped = clamp(committed, min, max);
          if (clamped === committed) return;
          change(clamped);
          onClamp?.(committed, clamped);
          setNotice(clampNotice(t, committed, clamped, max));
        }}
      >
        <BaseNumberField.Group className={cn(groupSurface, "h-10")}>
          {steppers && (
            <BaseNumberField.Decrement
              aria-label={t("ui.number.decrement")}
              className={cn(stepper, "border-r border-zinc-200 dark:border-zinc-700")}
            >
              <MinusIcon />
            </BaseNumberField.Decrement>
          )}
          <BaseNumberField.Input
            ref={inputRef}
            placeholder={placeholder}
            aria-roledescription={t("ui.number.role")}
            className="min-w-0 flex-1 bg-transparent px-3 tabular-nums outline-none"
          />
          {steppers && (
            <BaseNumberField.Increment
              aria-label={t("ui.number.increment")}
              className={cn(stepper, "border-l border-zinc-200 dark:border-zinc-700")}
            >
              <PlusIcon />
            </BaseNumberField.Increment>
          )}
        </BaseNumberField.Group>
      </BaseNumberField.Root>
      {announceClamp && (
        <p role="status" className={cn(hintClass, notice ? "mt-1" : "sr-only")}>
          {notice}
        </p>
      )}
    </div>
  );
}
