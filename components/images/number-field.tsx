"use client";

import { useEffect, useState } from "react";
import { fieldClass, hintClass, labelClass } from "./styles";

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * A number with its allowed range: a text box (the labelled control) and a slider beside it for
 * the pointer. The slider repeats the box for mouse users only, so it is hidden from assistive
 * technology and from the tab order rather than being a second control with the same name.
 */
export function NumberField({
  id,
  label,
  value,
  min,
  max,
  step = 1,
  hint,
  slider = true,
  onChange,
}: {
  id: string;
  label: string;
  value: number | null;
  min: number;
  max: number;
  step?: number;
  hint?: string;
  slider?: boolean;
  onChange: (value: number) => void;
}) {
  const [text, setText] = useState(value === null ? "" : String(value));
  // Follow outside changes (another model, Reuse settings) but not while the box holds "2." being typed.
  useEffect(() => {
    setText((current) => (value === null ? "" : Number(current) === value && current !== "" ? current : String(value)));
  }, [value]);

  const integer = Number.isInteger(step);
  const commit = (raw: string) => {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) return;
    onChange(n);
  };
  const settle = () => {
    const n = Number(text);
    const fixed = clamp(Number.isFinite(n) && text.trim() !== "" ? n : (value ?? min), min, max);
    const rounded = integer ? Math.round(fixed) : Math.round(fixed * 100) / 100;
    setText(String(rounded));
    onChange(rounded);
  };

  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        <span className={`${hintClass} tabular-nums`}>
          {min}–{max}
        </span>
      </div>
      <div className="flex items-center gap-3">
        {slider && (
          <input
            type="range"
            aria-hidden="true"
            tabIndex={-1}
            min={min}
            max={max}
            step={step}
            value={value ?? min}
            onChange={(e) => {
              setText(e.target.value);
              commit(e.target.value);
            }}
            className="h-1.5 min-w-0 flex-1 cursor-pointer accent-violet-600"
          />
        )}
        <input
          id={id}
          type="number"
          inputMode={integer ? "numeric" : "decimal"}
          min={min}
          max={max}
          step={step}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            commit(e.target.value);
          }}
          onBlur={settle}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={`${fieldClass} ${slider ? "w-20" : "w-full"} tabular-nums`}
        />
      </div>
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
    </div>
  );
}
