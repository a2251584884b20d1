"use client";

import { type CSSProperties, useEffect, useRef, useState } from "react";
import { PreviewButton } from "@/components/artifacts/preview-button";
import { copyText } from "@/lib/clipboard";
import type { Translate } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { cachedTokens, highlight, normalizeLang } from "./highlight";
import type { Token } from "./highlight-types";

// Token colors arrive as CSS variables; the `.dark` class on <html> picks which one applies.
const TOKEN = "text-(color:--sl) dark:text-(color:--sd)";

function tokenStyle([, light, dark, font]: Token): CSSProperties {
  const style: Record<string, string> = { "--sl": light || "inherit", "--sd": dark || "inherit" };
  if (font & 1) style.fontStyle = "italic";
  if (font & 2) style.fontWeight = "600";
  if (font & 4) style.textDecoration = "underline";
  return style as CSSProperties;
}

function CopyButton({ text, t }: { text: string; t: Translate }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = () => {
    void copyText(text).then((ok) => setState(ok ? "copied" : "failed"));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2000);
  };
  const label =
    state === "copied" ? t("markdown.copied") : state === "failed" ? t("markdown.copyFailed") : t("markdown.copyCode");
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      className="rounded px-2 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      <span aria-hidden="true">{state === "idle" ? t("markdown.copy") : label}</span>
    </button>
  );
}

/**
 * A fenced code block. Highlighting waits until the block is final (`final`): a block that is still
 * streaming changes on every token, and tokenizing it each time would be wasted work.
 */
export function CodeBlock({ code, lang, final }: { code: string; lang: string; final: boolean }) {
  const t = useT();
  const language = normalizeLang(lang.split(/\s/)[0] ?? "");
  // Colors are kept with the code they were computed for, so a changed block never shows stale ones.
  const [result, setResult] = useState(() => ({ code, tokens: final ? (cachedTokens(code, language) ?? null) : null }));
  const tokens = result.code === code ? result.tokens : null;
  useEffect(() => {
    if (!final || !language) return;
    let live = true;
    highlight(code, language).then((next) => {
      if (live) setResult({ code, tokens: next });
    });
    return () => {
      live = false;
    };
  }, [code, language, final]);

  return (
    <div
      data-testid="code-block"
      className="my-4 overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center justify-between border-zinc-200 border-b py-1 pr-1.5 pl-3 dark:border-zinc-800">
        <span data-testid="code-language" className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
          {language || t("markdown.plainText")}
        </span>
        <span className="flex items-center gap-0.5">
          <PreviewButton code={code} lang={lang} />
          <CopyButton text={code} t={t} />
        </span>
      </div>
      <pre className="overflow-x-auto p-3 text-[13px] leading-relaxed">
        <code className="font-mono" data-language={language || undefined} data-highlighted={tokens ? "" : undefined}>
          {tokens
            ? tokens.map((line, i) => (
                <span key={i} className="block min-h-[1lh]">
                  {line.map((tok, j) => (
                    <span key={j} className={TOKEN} style={tokenStyle(tok)}>
                      {tok[0]}
                    </span>
                  ))}
                </span>
              ))
            : code}
        </code>
      </pre>
    </div>
  );
}
