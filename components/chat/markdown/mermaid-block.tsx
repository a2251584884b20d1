"use client";

import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { CodeBlock } from "./code-block";
import { useMarkdownStrings } from "./use-strings";

type Mermaid = typeof import("mermaid")["default"];
let mermaidModule: Promise<Mermaid> | null = null;
// mermaid keeps global state (config, a scratch element per render): one diagram at a time.
let queue: Promise<unknown> = Promise.resolve();

function loadMermaid(): Promise<Mermaid> {
  mermaidModule ??= import("mermaid").then((m) => m.default);
  return mermaidModule;
}

function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
const isDark = () => document.documentElement.classList.contains("dark");

async function renderDiagram(id: string, code: string, dark: boolean): Promise<string> {
  const mermaid = await loadMermaid();
  const run = queue.then(async () => {
    mermaid.initialize({
      startOnLoad: false,
      // strict: labels are sanitized by DOMPurify, click bindings and scripts are disabled.
      securityLevel: "strict",
      suppressErrorRendering: true,
      theme: dark ? "dark" : "default",
    });
    try {
      const { svg } = await mermaid.render(id, code);
      return svg;
    } finally {
      // On a syntax error mermaid can leave its scratch node behind.
      document.getElementById(`d${id}`)?.remove();
    }
  });
  queue = run.catch(() => {});
  return run;
}

/**
 * A ```mermaid fence: the source (as a normal code block) until the block is final, then the
 * diagram, loaded and rendered lazily. On a parse error the source stays, with a note.
 */
export function MermaidBlock({ code, final }: { code: string; final: boolean }) {
  const t = useMarkdownStrings();
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9-]/g, "")}`;
  const dark = useSyncExternalStore(subscribeTheme, isDark, () => false);
  const [result, setResult] = useState<{ key: string; svg: string | null } | null>(null);
  const key = `${dark ? "dark" : "light"}\u0000${code}`;

  useEffect(() => {
    if (!final) return;
    let live = true;
    renderDiagram(id, code, dark).then(
      (svg) => live && setResult({ key: `${dark ? "dark" : "light"}\u0000${code}`, svg }),
      () => live && setResult({ key: `${dark ? "dark" : "light"}\u0000${code}`, svg: null }),
    );
    return () => {
      live = false;
    };
  }, [id, code, dark, final]);

  const current = result?.key === key ? result : null;
  if (current?.svg) {
    return (
      <div
        role="img"
        aria-label={t("markdown.mermaid.label")}
        data-testid="mermaid-diagram"
        className="my-4 flex justify-center overflow-x-auto rounded-lg border border-zinc-200 p-3 dark:border-zinc-800 [&_svg]:h-auto [&_svg]:max-w-full"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: mermaid's own output with securityLevel "strict", which it sanitizes with DOMPurify; never model text.
        dangerouslySetInnerHTML={{ __html: current.svg }}
      />
    );
  }
  return (
    <div>
      <CodeBlock code={code} lang="mermaid" final={final} />
      {final && (
        <p role={current ? "alert" : "status"} className="-mt-2 mb-4 text-xs text-zinc-500">
          {current ? t("markdown.mermaid.error") : t("markdown.mermaid.rendering")}
        </p>
      )}
    </div>
  );
}
