"use client";

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { bracketMatching, indentOnInput } from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import { useEffect, useRef } from "react";

// CodeMirror 6 for the playground's JSON fields, loaded only when the settings open (json-editor.tsx).
// The problems the pure checks find are shown at their text positions, with a marker in the gutter.

export interface CodeEditorProps {
  labelId: string;
  describedBy?: string;
  value: string;
  onChange: (value: string) => void;
  diagnostics: Diagnostic[];
  invalid: boolean;
}

export default function CodeEditor({ labelId, describedBy, value, onChange, diagnostics, invalid }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is made once; later values arrive below
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          indentOnInput(),
          bracketMatching(),
          json(),
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({
            "aria-labelledby": labelId,
            ...(describedBy ? { "aria-describedby": describedBy } : {}),
            spellcheck: "false",
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) change.current(update.state.doc.toString());
          }),
          EditorView.theme({
            "&": { fontSize: "12px", maxHeight: "20rem" },
            ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, monospace" },
            "&.cm-focused": { outline: "none" },
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // A value set from outside (an example added, a reset) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    const clamped = diagnostics.map((d) => ({ ...d, from: Math.min(d.from, length), to: Math.min(d.to, length) }));
    editor.dispatch(setDiagnostics(editor.state, clamped));
  }, [diagnostics]);

  return (
    <div
      ref={host}
      data-testid="code-editor"
      data-invalid={invalid || undefined}
      className={`overflow-hidden rounded-md border bg-white dark:bg-zinc-900 ${
        invalid ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"
      }`}
    />
  );
}
