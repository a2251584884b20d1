// Syntax highlighting off the main thread. Shiki's first tokenization of a grammar compiles its
// regexes, which takes 50–400 ms for TypeScript; in the page that would be a long task in the middle
// of a streaming reply. Grammars load on first use (one chunk per language).
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { bundledLanguages } from "shiki/langs";
import type { HighlightRequest, HighlightResponse, Token } from "./highlight-types";

let highlighter: Promise<HighlighterCore> | null = null;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    engine: createJavaScriptRegexEngine(),
    themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
    langs: [],
  });
  return highlighter;
}

const COLOR = /^#[0-9a-f]{3,8}$/i;

async function highlight(code: string, lang: string): Promise<Token[][] | null> {
  const loader = (bundledLanguages as Record<string, (typeof bundledLanguages)[keyof typeof bundledLanguages]>)[lang];
  if (!loader) return null;
  const h = await getHighlighter();
  if (!h.getLoadedLanguages().includes(lang)) await h.loadLanguage(loader);
  const { tokens } = h.codeToTokens(code, {
    lang,
    themes: { light: "github-light", dark: "github-dark" },
    defaultColor: false,
  });
  return tokens.map((line) =>
    line.map((tok): Token => {
      const style = (typeof tok.htmlStyle === "object" ? tok.htmlStyle : {}) as Record<string, string>;
      const light = style["--shiki-light"] ?? "";
      const dark = style["--shiki-dark"] ?? "";
      // Only colors cross into style attributes, whatever the theme files say.
      return [tok.content, COLOR.test(light) ? light : "", COLOR.test(dark) ? dark : "", tok.fontStyle ?? 0];
    }),
  );
}

self.onmessage = async (event: MessageEvent<HighlightRequest>) => {
  const { id, code, lang } = event.data;
  let response: HighlightResponse;
  try {
    response = { id, tokens: await highlight(code, lang) };
  } catch {
    response = { id, tokens: null };
  }
  self.postMessage(response);
};
