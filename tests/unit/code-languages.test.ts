import { defaultHighlightStyle, ensureSyntaxTree, language } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { highlightTree } from "@lezer/highlight";
import { describe, expect, it } from "vitest";
import { CODE_LANGUAGES, loadCodeLanguage } from "@/components/ui/code-languages";
import { LANGUAGES } from "@/lib/complete/contract";

// /complete's Language choice decides the editors' colouring: every choice but plain text loads a
// parser whose tree the highlight style turns into coloured ranges.

const SAMPLES: Record<string, [string, string]> = {
  python: ["python", "def add(a, b):\n    return a + b  # sum\n"],
  javascript: ["javascript", "const add = (a, b) => a + b; // sum\n"],
  typescript: ["typescript", "const add = (a: number, b: number): number => a + b;\n"],
  go: ["go", "func add(a int, b int) int { return a + b }\n"],
  rust: ["rust", "fn add(a: i32, b: i32) -> i32 { a + b }\n"],
  java: ["java", "class A { int add(int a, int b) { return a + b; } }\n"],
  cpp: ["cpp", "int add(int a, int b) { return a + b; }\n"],
  sql: ["sql", "SELECT name FROM users WHERE id = 1;\n"],
};

describe("code editor languages", () => {
  it("covers every language /complete offers except plain text", () => {
    expect([...CODE_LANGUAGES].sort()).toEqual(LANGUAGES.filter((l) => l !== "text").sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...CODE_LANGUAGES].sort());
  });

  it.each(Object.entries(SAMPLES))("%s loads, parses and colours", async (name, [languageName, doc]) => {
    const support = await loadCodeLanguage(name);
    expect(support).not.toBeNull();
    const state = EditorState.create({ doc, extensions: [support!] });
    expect(state.facet(language)?.name).toBe(languageName);
    const tree = ensureSyntaxTree(state, doc.length, 5000);
    expect(tree?.length).toBe(doc.length);
    const coloured: string[] = [];
    highlightTree(tree!, defaultHighlightStyle, (from, to) => coloured.push(doc.slice(from, to)));
    expect(coloured.length).toBeGreaterThan(2);
  });

  it("shows plain text uncoloured", async () => {
    expect(await loadCodeLanguage("text")).toBeNull();
  });
});
