"use client";

import { Field as BaseField } from "@base-ui/react/field";
import { Slider as BaseSlider } from "@base-ui/react/slider";
import { type ReactNode, type Ref, useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "./button";
import { UndoIcon } from "./icons";
import { clampNotice, NumberField } from "./number-field";
import { cn, errorClass, hintClass, labelClass } from "./styles";

interface RangeProps {
  min: number;
  max: number;
  step?: number;
  largeStep?: number;
  disabled?: boolean;
}

interface SliderProps extends RangeProps {
  value?: number;
  defaultValue?: number;
  onValueChange?: (value: number) => void;
  /** Only when there is no Field around it: the accessible name. */
  "aria-label"?: string;
  className?: string;
}

/** `muted`: the value is not set and the thumb rests on the default, so it is drawn in grey. */
function Track({ hidden, ariaLabel, muted }: { hidden?: boolean; ariaLabel?: string; muted?: boolean }) {
  return (
    <BaseSlider.Control className="flex h-6 w-full touch-none select-none items-center data-disabled:opacity-50">
      <BaseSlider.Track className="h-1.5 w-full rounded-full bg-zinc-200 dark:bg-zinc-700">
        <BaseSlider.Indicator
          className={cn("rounded-full", muted ? "bg-zinc-400 dark:bg-zinc-500" : "bg-violet-600 dark:bg-violet-500")}
        />
        <BaseSlider.Thumb
          aria-label={ariaLabel}
          tabIndex={hidden ? -1 : undefined}
          className={cn(
            "size-4 rounded-full border-2 bg-white shadow-sm outline-none has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-violet-600 dark:bg-zinc-950",
            muted ? "border-zinc-400 dark:border-zinc-500" : "border-violet-600 dark:border-violet-400",
          )}
        />
      </BaseSlider.Track>
    </BaseSlider.Control>
  );
}

/** A single-value slider (role="slider"); inside a Field it is named by the Field's label. */
export function Slider({
  value,
  defaultValue,
  onValueChange,
  className,
  "aria-label": ariaLabel,
  ...range
}: SliderProps) {
  return (
    <BaseSlider.Root<number>
      {...range}
      value={value}
      defaultValue={defaultValue}
      onValueChange={(v) => onValueChange?.(v)}
      className={cn("w-full", className)}
    >
      <Track ariaLabel={ariaLabel} />
    </BaseSlider.Root>
  );
}

interface SliderFieldProps extends RangeProps {
  label: ReactNode;
  /** One line on what the setting does; the range and the model's default are added after it. */
  hint?: ReactNode;
  error?: ReactNode;
  /** `null`: not set, the model's default applies (the slider rests on it, the input shows it greyed). */
  value: number | null;
  onValueChange: (value: number | null) => void;
  /**
   * The model's own default, shown in the hint and as the input's placeholder. Unknown (no model
   * chosen yet): the placeholder says "Default" and the slider rests at the low end.
   */
  defaultValue: number | undefined;
  /** Told when a typed value out of range was clamped on blur (the field also says so itself). */
  onClamp?: (typed: number, clamped: number) => void;
  /**
   * A button back to "not set" (the default), shown while a value is set. It is named "Use default"
   * and described by the label, so `getByLabel(label)` still finds only the input.
   */
  resettable?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/**
 * A setting with a number input and a slider moving together. The label names the number input —
 * precise entry, arrow-key stepping, validation and the error all live there — and the slider is a
 * pointer shortcut to the same value, hidden from assistive technology so the setting is announced
 * once and `getByLabel(label)` finds one control.
 */
export function SliderField({
  label,
  hint,
  error,
  value,
  onValueChange,
  defaultValue,
  onClamp,
  resettable = false,
  inputRef,
  className,
  ...range
}: SliderFieldProps) {
  const t = useT();
  const facts = [t("ui.slider.range", { min: range.min, max: range.max })];
  if (defaultValue !== undefined) facts.push(t("ui.slider.default", { value: defaultValue }));
  const shown = value ?? defaultValue ?? range.min;
  const labelId = useId();
  const [notice, setNotice] = useState("");
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      {/* `contents` lets the slider sit between the Field's parts while staying outside its wiring. */}
      <BaseField.Root invalid={error ? true : undefined} disabled={range.disabled} className="contents">
        <div className="order-1 flex items-center gap-2">
          <BaseField.Label id={labelId} className={cn(labelClass, "min-w-0 flex-1")}>
            {label}
          </BaseField.Label>
          {resettable && value !== null && !range.disabled && (
            <Button
              variant="icon"
              size="sm"
              label={t("ui.slider.reset")}
              aria-describedby={labelId}
              title={t("ui.slider.reset")}
              onClick={() => {
                setNotice("");
                onValueChange(null);
              }}
            >
              <UndoIcon size={14} />
            </Button>
          )}
          <NumberField
            {...range}
            value={value}
            inputRef={inputRef}
            onValueChange={(next) => {
              setNotice("");
              onValueChange(next);
            }}
            announceClamp={false}
            onClamp={(typed, clamped) => {
              setNotice(clampNotice(t, typed, clamped, range.max));
              onClamp?.(typed, clamped);
            }}
            placeholder={defaultValue === undefined ? t("ui.slider.unknownDefault") : String(defaultValue)}
            className="w-24 shrink-0"
          />
        </div>
        <BaseField.Description className={cn(hintClass, "order-3")}>
          {hint ? `${hint} ` : ""}
          {facts.join(" · ")}
        </BaseField.Description>
        {error && (
          <BaseField.Error match role="alert" className={cn(errorClass, "order-4")}>
            {error}
          </BaseField.Error>
        )}
      </BaseField.Root>
      <p role="status" className={cn(hintClass, "order-5", !notice && "sr-only")}>
        {notice}
      </p>
      <div aria-hidden="true" className="order-2">
        <BaseSlider.Root<number>
          {...range}
          value={Math.min(range.max, Math.max(range.min, shown))}
          onValueChange={(v) => {
            setNotice("");
            onValueChange(v);
          }}
        >
          <Track hidden muted={value === null} />
        </BaseSlider.Root>
      </div>
    </div>
  );
}
