"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { OpenDiagramButton } from "@/components/artifacts/open-diagram-button";
import { useT } from "@/lib/i18n/client";
import { yieldToMain } from "@/lib/yield";
import { CodeBlock } from "./code-block";
import { checkMermaidSource, MERMAID_MAX_LINES, mermaidConfig, sanitizeSvg } from "./mermaid-safety";
import { watchNearView } from "./near-view";

type Mermaid = typeof import("mermaid")["default"];
let mermaidModule: Promise<Mermaid> | null = null;
// mermaid keeps global state (config, a scratch element per render): one diagram at a time, and
// a yield between two, so a reply with many diagrams is many tasks the page can answer between.
let queue: Promise<unknown> = Promise.resolve();

function loadMermaid(): Promise<Mermaid> {
  if (!mermaidModule) {
    mermaidModule = import("mermaid").then((m) => m.default);
    // A failed chunk load (offline, a deploy replaced the files) may work on the next try.
    mermaidModule.catch(() => {
      mermaidModule = null;
    });
  }
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
    await yieldToMain();
    mermaid.initialize(mermaidConfig(dark));
    try {
      const { svg } = await mermaid.render(id, code);
      return sanitizeSvg(svg);
    } finally {
      // On a syntax error mermaid can leave its scratch node behind.
      document.getElementById(`d${id}`)?.remove();
    }
  });
  queue = run.catch(() => {});
  return run;
}

/**
 * A ```mermaid fence: the source (as a normal code block) until the block is final and near the
 * view, then the diagram, loaded and rendered lazily. The source stays, with a note, when the
 * diagram is too large, asks for styles or resources it may not have, or does not parse.
 */
export function MermaidBlock({ code, final }: { code: string; final: boolean }) {
  const t = useT();
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9-]/g, "")}`;
  const dark = useSyncExternalStore(subscribeTheme, isDark, () => false);
  const [result, setResult] = useState<{ key: string; svg: string | null } | null>(null);
  const [near, setNear] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const key = `${dark ? "dark" : "light"}\u0000${code}`;
  const check = final ? checkMermaidSource(code) : null;
  const allowed = check?.ok === true;

  useEffect(() => {
    const el = box.current;
    if (!el || !allowed) return;
    return watchNearView(el, setNear);
  }, [allowed]);

  useEffect(() => {
    if (!allowed || !near) return;
    let live = true;
    const done = (svg: string | null) => live && setResult({ key: `${dark ? "dark" : "light"}\u0000${code}`, svg });
    renderDiagram(id, code, dark).then(
      (svg) => done(svg || null),
      () => done(null),
    );
    return () => {
      live = false;
    };
  }, [id, code, dark, allowed, near]);

  const current = result?.key === key ? result : null;
  if (allowed && current?.svg) {
    return (
      <>
        <div
          role="img"
          aria-label={t("markdown.mermaid.label")}
          data-testid="mermaid-diagram"
          className="my-4 flex justify-center overflow-x-auto rounded-lg border border-zinc-200 p-3 dark:border-zinc-800 [&_svg]:h-auto [&_svg]:max-w-full"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: mermaid's SVG from a source checked by checkMermaidSource, with HTML labels off, then cleaned by sanitizeSvg; never model text as HTML.
          dangerouslySetInnerHTML={{ __html: current.svg }}
        />
        <OpenDiagramButton code={code} />
      </>
    );
  }
  let note: { text: string; alert: boolean } | null = null;
  if (check && !check.ok) {
    note =
      check.reason === "too_large"
        ? { text: t("markdown.mermaid.tooLarge", { max: String(MERMAID_MAX_LINES) }), alert: false }
        : { text: t("markdown.mermaid.unsafe"), alert: false };
  } else if (final) {
    note = current
      ? { text: t("markdown.mermaid.error"), alert: true }
      : { text: t("markdown.mermaid.rendering"), alert: false };
  }
  return (
    <div ref={box} data-testid="mermaid-source">
      <CodeBlock code={code} lang="mermaid" final={final} />
      {note && (
        <p role={note.alert ? "alert" : "status"} className="-mt-2 mb-4 text-xs text-zinc-500">
          {note.text}
        </p>
      )}
    </div>
  );
}
