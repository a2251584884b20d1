"use client";

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import {
  bracketMatching,
  defaultHighlightStyle,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import { useEffect, useRef, useState } from "react";
import { loadCodeLanguage } from "./code-languages";

// CodeMirror 6, always loaded lazily (React.lazy) by a labelled field that shows a plain textarea
// until this chunk arrives: the playground's JSON fields (chat/playground/json-editor.tsx) and
// /complete's Prefix and Suffix. JSON problems found by the pure checks are shown at their text
// positions, with a marker in the gutter; other languages' colouring is fetched on demand.

export interface CodeEditorProps {
  labelId: string;
  describedBy?: string;
  value: string;
  onChange: (value: string) => void;
  /** Problems at text positions; given only by fields that check their text (JSON). */
  diagnostics?: Diagnostic[];
  invalid?: boolean;
  /** "json" (the default, bundled), a name from code-languages.ts (fetched), or anything else for plain. */
  language?: string;
  /** CSS height of the empty editor, so a code field looks like one before it has text. */
  minHeight?: string;
}

// CodeMirror's default colours are made for a light page (#708 keywords are ~2:1 on zinc-900). Each
// colour reads a CSS variable named after it, which app/globals.css sets brighter in the dark theme;
// the light theme falls back to the original colour.
const themedHighlightStyle = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) =>
    typeof spec.color === "string" && spec.color.startsWith("#")
      ? { ...spec, color: `var(--cm-${spec.color.slice(1)}, ${spec.color})` }
      : spec,
  ),
);

function contentAttributes(labelId: string, describedBy: string | undefined, invalid: boolean) {
  return EditorView.contentAttributes.of({
    "aria-labelledby": labelId,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(invalid ? { "aria-invalid": "true" } : {}),
    spellcheck: "false",
  });
}

export default function CodeEditor({
  labelId,
  describedBy,
  value,
  onChange,
  diagnostics,
  invalid = false,
  language = "json",
  minHeight,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const attributesSlot = useRef(new Compartment());
  const change = useRef(onChange);
  change.current = onChange;
  // The language whose colouring is in place: tests and styles can tell it has arrived.
  const [shown, setShown] = useState<string | undefined>(language === "json" ? "json" : undefined);

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
          syntaxHighlighting(themedHighlightStyle, { fallback: true }),
          languageSlot.current.of(language === "json" ? json() : []),
          diagnostics ? lintGutter() : [],
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.lineWrapping,
          attributesSlot.current.of(contentAttributes(labelId, describedBy, invalid)),
          EditorView.domEventHandlers({
            // Text inserted in one piece with line breaks (dictation, autofill, Playwright's fill) is
            // otherwise read back from the DOM, which can drop a leading break: insert it as given.
            beforeinput(event, editor) {
              if (event.inputType !== "insertText" || !event.data?.includes("\n")) return false;
              event.preventDefault();
              editor.dispatch({ ...editor.state.replaceSelection(event.data), userEvent: "input.type" });
              return true;
            },
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) change.current(update.state.doc.toString());
          }),
          EditorView.theme({
            "&": { fontSize: "12px", maxHeight: "20rem" },
            ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, monospace" },
            ".cm-content, .cm-gutter": minHeight ? { minHeight } : {},
            "&.cm-focused": { outline: "none" },
            // The base theme's gutter, caret and selection are light-theme colours; these follow the page.
            ".cm-gutters": {
              backgroundColor: "transparent",
              color: "rgb(113 113 122)",
              borderRight: "1px solid rgb(113 113 122 / 0.3)",
            },
            ".cm-cursor, .cm-dropCursor": { borderLeftColor: "currentColor" },
            "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground": {
              backgroundColor: "rgb(139 92 246 / 0.3)",
            },
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

  // A value set from outside (an example added, a session reopened, Accept) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  // An error shown or cleared later changes what describes the text.
  useEffect(() => {
    view.current?.dispatch({
      effects: attributesSlot.current.reconfigure(contentAttributes(labelId, describedBy, invalid)),
    });
  }, [labelId, describedBy, invalid]);

  useEffect(() => {
    if (language === "json") return;
    let stale = false;
    setShown(undefined);
    void loadCodeLanguage(language).then((support) => {
      const editor = view.current;
      if (stale || !editor) return;
      editor.dispatch({ effects: languageSlot.current.reconfigure(support ?? []) });
      setShown(language);
    });
    return () => {
      stale = true;
    };
  }, [language]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !diagnostics) return;
    const length = editor.state.doc.length;
    const clamped = diagnostics.map((d) => ({ ...d, from: Math.min(d.from, length), to: Math.min(d.to, length) }));
    editor.dispatch(setDiagnostics(editor.state, clamped));
  }, [diagnostics]);

  return (
    <div
      ref={host}
      data-testid="code-editor"
      data-language={shown}
      data-invalid={invalid || undefined}
      className={`overflow-hidden rounded-md border bg-white dark:bg-zinc-900 ${
        invalid ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"
      }`}
    />
  );
}
