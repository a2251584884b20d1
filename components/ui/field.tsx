"use client";

import { Field as BaseField } from "@base-ui/react/field";
import { isValidElement, type ReactNode } from "react";
import { cn, errorClass, hintClass, labelClass } from "./styles";

interface FieldProps {
  /** The visible label: the accessible name of the control inside. */
  label: ReactNode;
  /** One line that explains the field; read out after the name (aria-describedby). */
  hint?: ReactNode;
  /** Why the value is refused. Marks the control aria-invalid and is announced (role="alert"). */
  error?: ReactNode;
  /** Keeps the label for assistive technology only, for a control whose purpose is plain in context. */
  labelHidden?: boolean;
  disabled?: boolean;
  /** Something to show on the label's line, at its end (a counter, a small action). */
  aside?: ReactNode;
  /**
   * `false` when the control is a button: the label then renders as a `<div>` so a click on it
   * focuses the control without opening it, as Base UI's Field guide asks. Select sets it itself.
   */
  nativeLabel?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A labelled control with its hint and error, wired by Base UI's Field: the label names the control,
 * the hint and the error describe it, and an error sets aria-invalid. Works with Input, Textarea,
 * NativeSelect, NumberField, Select, Slider and Switch from this folder.
 */
export function Field({
  label,
  hint,
  error,
  labelHidden = false,
  disabled,
  aside,
  nativeLabel: nativeLabelProp,
  className,
  children,
}: FieldProps) {
  const marker = isValidElement(children) ? (children.type as { labelIsNative?: boolean }).labelIsNative : undefined;
  const nativeLabel = nativeLabelProp ?? marker ?? true;
  const labelEl = (
    <BaseField.Label
      nativeLabel={nativeLabel}
      render={nativeLabel ? undefined : <div />}
      className={labelHidden ? "sr-only" : labelClass}
    >
      {label}
    </BaseField.Label>
  );
  return (
    <BaseField.Root invalid={error ? true : undefined} disabled={disabled} className={cn("space-y-1.5", className)}>
      {aside && !labelHidden ? (
        <div className="flex items-baseline justify-between gap-2">
          {labelEl}
          {aside}
        </div>
      ) : (
        labelEl
      )}
      {children}
      {hint && <BaseField.Description className={hintClass}>{hint}</BaseField.Description>}
      {error && (
        <BaseField.Error match role="alert" className={errorClass}>
          {error}
        </BaseField.Error>
      )}
    </BaseField.Root>
  );
}
