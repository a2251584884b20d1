"use client";

import { useEffect, useRef, useState } from "react";
import { schedule } from "./schedule";

type KatexModule = typeof import("./katex-render");
let katexModule: Promise<KatexModule> | null = null;

function loadKatex(): Promise<KatexModule> {
  katexModule ??= import("./katex-render");
  return katexModule;
}

/**
 * `$…$` / `$$…$$`. The TeX source shows until KaTeX has loaded and this formula's turn in the
 * render queue comes (many formulas in one reply must not make one long task). KaTeX writes into
 * a node React does not manage, beside the React-managed fallback.
 */
export function MathView({ tex, display, ready }: { tex: string; display: boolean; ready: boolean }) {
  const target = useRef<HTMLSpanElement>(null);
  const [renderedTex, setRenderedTex] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
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
  }, [tex, display, ready]);

  const done = renderedTex === tex;
  const Tag = display ? "div" : "span";
  return (
    <Tag
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
