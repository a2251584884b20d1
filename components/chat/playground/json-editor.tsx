"use client";

import { lazy, Suspense, useId, useMemo } from "react";
import type { Locale } from "@/lib/i18n";
import type { TextPosition } from "@/lib/json/positions";

// A labelled JSON field: CodeMirror once its chunk has loaded, a plain textarea (same label, same
// value) until then, so nothing typed waits for the editor. Problems are listed under it with their
// line and column, and marked in the text.

const CodeEditor = lazy(() => import("@/components/ui/code-editor"));

export interface EditorIssue {
  severity: "error" | "warning";
  message: { en: string; zh: string };
  at?: TextPosition;
  end?: TextPosition;
}

export function JsonEditor({
  label,
  hint,
  value,
  onChange,
  issues,
  locale,
  describeIssue,
  rows = 8,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  issues: EditorIssue[];
  locale: Locale;
  /** The text of one issue as listed (with its line). */
  describeIssue: (issue: EditorIssue) => string;
  rows?: number;
}) {
  const id = useId();
  const errors = issues.filter((issue) => issue.severity === "error");
  const diagnostics = useMemo(
    () =>
      issues
        .filter((issue) => issue.at)
        .map((issue) => ({
          from: issue.at!.offset,
          to: Math.max(issue.end?.offset ?? issue.at!.offset + 1, issue.at!.offset),
          severity: issue.severity,
          message: issue.message[locale],
        })),
    [issues, locale],
  );
  const describedBy = [hint ? `${id}-hint` : "", errors.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div>
      <label id={`${id}-label`} htmlFor={`${id}-fallback`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <Suspense
        fallback={
          <textarea
            id={`${id}-fallback`}
            rows={rows}
            spellCheck={false}
            value={value}
            aria-describedby={describedBy || undefined}
            aria-invalid={errors.length > 0 || undefined}
            onChange={(e) => onChange(e.target.value)}
            className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
        }
      >
        <CodeEditor
          labelId={`${id}-label`}
          describedBy={describedBy || undefined}
          value={value}
          onChange={onChange}
          diagnostics={diagnostics}
          invalid={errors.length > 0}
        />
      </Suspense>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {issues.length > 0 && (
        <ul id={`${id}-error`} role="alert" className="mt-1 space-y-0.5 text-xs">
          {issues.map((issue) => (
            <li
              key={`${issue.at?.offset ?? ""} ${issue.message.en}`}
              data-testid="editor-issue"
              data-severity={issue.severity}
              className={
                issue.severity === "error" ? "text-red-600 dark:text-red-400" : "text-amber-700 dark:text-amber-400"
              }
            >
              {describeIssue(issue)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
