"use client";

import { Field as BaseField } from "@base-ui/react/field";
import { Input as BaseInput } from "@base-ui/react/input";
import type { ComponentPropsWithRef } from "react";
import { cn, inputClass, textareaClass } from "./styles";

type InputProps = Omit<ComponentPropsWithRef<"input">, "size">;

/** A text input. Inside a Field it is named by the label and described by the hint and error. */
export function Input({ className, ...props }: InputProps) {
  return <BaseInput {...props} className={cn(inputClass, className)} />;
}

type TextareaProps = ComponentPropsWithRef<"textarea">;

/** A multi-line text input with the same Field wiring as Input. */
export function Textarea({ className, rows = 3, ...props }: TextareaProps) {
  // Base UI has no textarea part; its Field control renders one and keeps the label/description wiring.
  const controlProps = props as unknown as BaseField.Control.Props;
  return (
    <BaseField.Control {...controlProps} render={<textarea rows={rows} />} className={cn(textareaClass, className)} />
  );
}
