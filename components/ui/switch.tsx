"use client";

import { Switch as BaseSwitch } from "@base-ui/react/switch";
import { useId } from "react";
import { focusRing } from "./styles";

/** An on/off switch: a button with role="switch" named by its visible label. */
export function Switch({
  label,
  checked,
  onChange,
  disabled,
  description,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  description?: string;
}) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {description && (
          <p id={`${id}-desc`} className="text-xs text-zinc-500 dark:text-zinc-400">
            {description}
          </p>
        )}
      </div>
      {/* A native button with a sibling <label for>, as Base UI's Switch guide shows for this layout. */}
      <BaseSwitch.Root
        id={id}
        nativeButton
        render={<button type="button" />}
        checked={checked}
        onCheckedChange={(next) => onChange(next)}
        disabled={disabled}
        aria-describedby={description ? `${id}-desc` : undefined}
        className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full bg-zinc-300 transition-colors disabled:opacity-50 data-checked:bg-violet-600 dark:bg-zinc-700 dark:data-checked:bg-violet-500 ${focusRing}`}
      >
        <BaseSwitch.Thumb className="inline-block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-checked:translate-x-4.5" />
      </BaseSwitch.Root>
    </div>
  );
}
