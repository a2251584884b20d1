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

/**
 * Lays out one small formula off-screen and waits for KaTeX's fonts. The first formula a page
 * shows costs far more than later ones: the browser resolves the math and serif font families
 * (on Linux a font-config lookup per family, tens of milliseconds) and fetches KaTeX's fonts,
 * laying out with fallbacks meanwhile. Done while the page is idle, that cost does not land in
 * the middle of a streaming reply.
 */
export async function warmMath(): Promise<void> {
  const host = document.createElement("div");
  host.setAttribute("aria-hidden", "true");
  // Laid out (visibility, not display:none) but invisible and out of the reading order.
  host.style.cssText = "position:fixed;left:-10000px;top:0;visibility:hidden;pointer-events:none";
  document.body.append(host);
  try {
    renderMath(host, "\\sum_{i=1}^{n} \\frac{x_i^2}{\\sqrt{2}} \\int_0^1 f(t)\\,dt", true);
    void host.getBoundingClientRect();
    await document.fonts.ready;
  } finally {
    host.remove();
  }
}
