"use client";

import { lazy, Suspense, useId } from "react";
import { errorClass, labelClass, textareaClass } from "@/components/ui/styles";

// A labelled code field of /complete: the shared CodeMirror editor once its chunk has loaded (not in
// the page's first-load JS), coloured for the chosen language; until then a plain textarea with the
// same label and value, so nothing typed waits for the editor or is lost when it arrives.

const CodeEditor = lazy(() => import("@/components/ui/code-editor"));

export function CodeField({
  label,
  value,
  onChange,
  language,
  rows,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  language: string;
  rows: number;
  error?: string;
}) {
  const id = useId();
  const describedBy = error ? `${id}-error` : undefined;
  return (
    <div className="space-y-1.5">
      <label id={`${id}-label`} htmlFor={`${id}-fallback`} className={labelClass}>
        {label}
      </label>
      <Suspense
        fallback={
          <textarea
            id={`${id}-fallback`}
            rows={rows}
            spellCheck={false}
            value={value}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.value)}
            className={`${textareaClass} font-mono text-xs`}
          />
        }
      >
        <CodeEditor
          labelId={`${id}-label`}
          describedBy={describedBy}
          value={value}
          onChange={onChange}
          invalid={Boolean(error)}
          language={language}
          minHeight={`${rows * 1.4}em`}
        />
      </Suspense>
      {error && (
        <p id={`${id}-error`} role="alert" className={errorClass}>
          {error}
        </p>
      )}
    </div>
  );
}
