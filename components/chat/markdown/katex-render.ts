// Loaded on the first formula only (dynamic import from math.tsx): KaTeX's code, its stylesheet and
// fonts stay out of the first-load bundle of /chat.
import katex from "katex";
import "katex/dist/katex.min.css";

/**
 * Renders TeX into `el` with KaTeX's DOM builder (no HTML string is parsed). `trust: false` keeps
 * \href, \url, \includegraphics and \html* commands inert; the size and macro limits stop a
 * hostile formula from freezing the tab or covering the page.
 */
export function renderMath(el: HTMLElement, tex: string, display: boolean): void {
  katex.render(tex, el, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: "ignore",
    maxSize: 50,
    maxExpand: 500,
    output: "htmlAndMathml",
  });
}
