"use client";

import { Select as BaseSelect } from "@base-ui/react/select";
import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { CheckIcon, ChevronsUpDownIcon } from "./icons";
import { cn, hintClass, inputClass, itemClass, popupSurface } from "./styles";

interface SelectOption<V extends string = string> {
  value: V;
  /** Shown in the list and, once chosen, in the trigger. */
  label: string;
  /** A second line in the list only (capabilities, price); part of the option's accessible name. */
  description?: ReactNode;
  disabled?: boolean;
}

interface SelectGroup<V extends string = string> {
  label: string;
  options: SelectOption<V>[];
}

interface SelectProps<V extends string = string> {
  /** Flat options, or `groups` for options under headings (for example by provider). */
  options?: SelectOption<V>[];
  groups?: SelectGroup<V>[];
  value?: V | null;
  defaultValue?: V | null;
  onValueChange?: (value: V) => void;
  placeholder?: string;
  /** Only when there is no Field around it: the accessible name. */
  "aria-label"?: string;
  name?: string;
  id?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  "data-testid"?: string;
}

function Item<V extends string>({ option }: { option: SelectOption<V> }) {
  return (
    <BaseSelect.Item value={option.value} disabled={option.disabled} className={cn(itemClass, "relative pr-8")}>
      <div className="min-w-0 flex-1">
        <BaseSelect.ItemText className="truncate">{option.label}</BaseSelect.ItemText>
        {option.description && <div className={hintClass}>{option.description}</div>}
      </div>
      <BaseSelect.ItemIndicator className="absolute right-2.5 mt-0.5 text-violet-600 dark:text-violet-400">
        <CheckIcon />
      </BaseSelect.ItemIndicator>
    </BaseSelect.Item>
  );
}

/**
 * A listbox select (Base UI): the trigger is a button with role="combobox" named by its Field label,
 * the list is role="listbox" with role="option" rows that can carry a description. Not a native
 * <select>: Playwright's selectOption() does not work on it — click the combobox, then the option.
 */
export function Select<V extends string = string>({
  options = [],
  groups,
  value,
  defaultValue,
  onValueChange,
  placeholder,
  className,
  "aria-label": ariaLabel,
  "data-testid": testId,
  ...rest
}: SelectProps<V>) {
  const t = useT();
  const all = groups ? groups.flatMap((g) => g.options) : options;
  const items = all.map((o) => ({ value: o.value, label: o.label }));
  return (
    <BaseSelect.Root<V>
      {...rest}
      items={items}
      value={value}
      defaultValue={defaultValue}
      onValueChange={(next) => {
        if (next !== null) onValueChange?.(next);
      }}
    >
      <BaseSelect.Trigger
        aria-label={ariaLabel}
        data-testid={testId}
        className={cn(inputClass, "flex items-center justify-between gap-2 text-left", className)}
      >
        <BaseSelect.Value
          placeholder={placeholder ?? t("ui.select.placeholder")}
          className="min-w-0 truncate data-placeholder:text-zinc-400"
        />
        <BaseSelect.Icon className="shrink-0 text-zinc-400">
          <ChevronsUpDownIcon />
        </BaseSelect.Icon>
      </BaseSelect.Trigger>
      <BaseSelect.Portal>
        <BaseSelect.Positioner className="z-50 outline-none" sideOffset={4} alignItemWithTrigger={false}>
          <BaseSelect.Popup className={cn(popupSurface, "min-w-(--anchor-width) origin-(--transform-origin)")}>
            <BaseSelect.List className="max-h-[min(24rem,var(--available-height))] overflow-y-auto p-1">
              {groups
                ? groups.map((g) => (
                    <BaseSelect.Group key={g.label} className="py-1">
                      <BaseSelect.GroupLabel className="px-2.5 py-1 text-xs font-semibold text-zinc-500 dark:text-zinc-400">
                        {g.label}
                      </BaseSelect.GroupLabel>
                      {g.options.map((o) => (
                        <Item key={o.value} option={o} />
                      ))}
                    </BaseSelect.Group>
                  ))
                : options.map((o) => <Item key={o.value} option={o} />)}
            </BaseSelect.List>
          </BaseSelect.Popup>
        </BaseSelect.Positioner>
      </BaseSelect.Portal>
    </BaseSelect.Root>
  );
}

// A Field around a Select renders its label as a <div>: a native <label> would forward clicks to the
// trigger button and open the list (Base UI's Field guide). Field reads this marker.
Select.labelIsNative = false;
