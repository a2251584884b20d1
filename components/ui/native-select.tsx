"use client";

import { Field as BaseField } from "@base-ui/react/field";
import type { ComponentPropsWithRef } from "react";
import { ChevronDownIcon } from "./icons";
import { cn, inputClass } from "./styles";

interface NativeSelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

type NativeSelectProps = Omit<ComponentPropsWithRef<"select">, "children" | "size"> & {
  options?: NativeSelectOption[];
  /** Options under headings (<optgroup>). */
  groups?: { label: string; options: NativeSelectOption[] }[];
};

function renderOptions(options: NativeSelectOption[]) {
  return options.map((o) => (
    <option key={o.value} value={o.value} disabled={o.disabled}>
      {o.label}
    </option>
  ));
}

/**
 * A styled native <select>: the phone's own picker, form autofill, and Playwright's selectOption().
 * Prefer it for short plain lists and on forms used mostly on phones; use Select when options need a
 * second line (capabilities, prices). Inside a Field it is named by the label like any input.
 */
export function NativeSelect({ options = [], groups, className, ...props }: NativeSelectProps) {
  // Base UI's Field control renders the <select> so the label, hint and error wiring is the same as Input's.
  const controlProps = props as unknown as BaseField.Control.Props;
  return (
    <div className={cn("relative", className)}>
      <BaseField.Control
        {...controlProps}
        render={
          <select>
            {groups
              ? groups.map((g) => (
                  <optgroup key={g.label} label={g.label}>
                    {renderOptions(g.options)}
                  </optgroup>
                ))
              : renderOptions(options)}
          </select>
        }
        className={cn(inputClass, "appearance-none pr-9")}
      />
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-zinc-400" />
    </div>
  );
}
