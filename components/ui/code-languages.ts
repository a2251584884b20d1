import type { Extension } from "@codemirror/state";

// Syntax colouring for the code editor, one chunk per language, fetched only when a language is
// chosen: /complete offers nine, and a page shows one at a time.

const LOADERS: Record<string, () => Promise<Extension>> = {
  python: () => import("@codemirror/lang-python").then((m) => m.python()),
  javascript: () => import("@codemirror/lang-javascript").then((m) => m.javascript()),
  typescript: () => import("@codemirror/lang-javascript").then((m) => m.javascript({ typescript: true })),
  go: () => import("@codemirror/lang-go").then((m) => m.go()),
  rust: () => import("@codemirror/lang-rust").then((m) => m.rust()),
  java: () => import("@codemirror/lang-java").then((m) => m.java()),
  cpp: () => import("@codemirror/lang-cpp").then((m) => m.cpp()),
  sql: () => import("@codemirror/lang-sql").then((m) => m.sql()),
};

/** The languages that colour; any other name (e.g. "text") is shown plain. */
export const CODE_LANGUAGES = Object.keys(LOADERS);

/** The language's CodeMirror support, or null for plain text (or when its chunk cannot load). */
export async function loadCodeLanguage(name: string): Promise<Extension | null> {
  const load = LOADERS[name];
  if (!load) return null;
  try {
    return await load();
  } catch {
    // Offline before the chunk was cached: the text stays editable, only uncoloured.
    return null;
  }
}
