"use client";

import { useEffect, useRef, useState } from "react";
import { yieldToMain } from "@/lib/yield";
import { watchNearView } from "./near-view";
import { schedule } from "./schedule";

type KatexModule = typeof import("./katex-render");
let katexModule: Promise<KatexModule> | null = null;

function loadKatex(): Promise<KatexModule> {
  if (!katexModule) {
    katexModule = import("./katex-render");
    // A failed chunk load (offline, a deploy replaced the files) may work on the next try.
    katexModule.catch(() => {
      katexModule = null;
    });
  }
  return katexModule;
}

/**
 * Loads KaTeX and warms its fonts ahead of the first formula. Called when the page is idle; skipped
 * when the user asked the browser to save data (math then loads on first use, as before).
 */
export async function preloadMath(): Promise<void> {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return;
  const m = await loadKatex();
  // The module's evaluation and the warm-up layout are separate tasks: neither grows long.
  await yieldToMain();
  await m.warmMath();
}

/**
 * `$…$` / `$$…$$`. The TeX source shows until KaTeX has loaded, the formula is near the view, and
 * its turn in the render queue comes (many formulas in one reply must not make one long task).
 * KaTeX writes into a node React does not manage, beside the React-managed fallback.
 */
export function MathView({ tex, display, ready }: { tex: string; display: boolean; ready: boolean }) {
  const box = useRef<HTMLElement>(null);
  const target = useRef<HTMLSpanElement>(null);
  const [renderedTex, setRenderedTex] = useState<string | null>(null);
  const [near, setNear] = useState(false);
  const done = renderedTex === tex;
  useEffect(() => {
    const el = box.current;
    if (!el || !ready || done) return;
    return watchNearView(el, setNear);
  }, [ready, done]);
  useEffect(() => {
    if (!ready || !near) return;
    let cancel = () => {};
    let live = true;
    loadKatex().then(
      (m) => {
        if (!live) return;
        cancel = schedule(() => {
          if (!target.current) return;
          m.renderMath(target.current, tex, display);
          setRenderedTex(tex);
        });
      },
      () => {},
    );
    return () => {
      live = false;
      cancel();
    };
  }, [tex, display, ready, near]);

  const Tag = display ? "div" : "span";
  return (
    <Tag
      ref={box as React.RefObject<HTMLDivElement & HTMLSpanElement>}
      data-testid={display ? "math-block" : "math-inline"}
      className={display ? "my-4 overflow-x-auto overflow-y-hidden py-1" : undefined}
    >
      <span ref={target} hidden={!done} />
      {!done && (
        <code
          className={
            display
              ? "block whitespace-pre-wrap font-mono text-sm text-zinc-600 dark:text-zinc-400"
              : "font-mono text-[0.875em] text-zinc-600 dark:text-zinc-400"
          }
        >
          {display ? tex : `$${tex}$`}
        </code>
      )}
    </Tag>
  );
}
