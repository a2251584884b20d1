"use client";

import { useEffect, useRef } from "react";
import { ARTIFACT_SANDBOX } from "@/lib/artifacts/document";
import { ARTIFACT_FRAME_PATH, frameLoadMessage, isFrameReady } from "@/lib/artifacts/frame";

/**
 * The sandboxed frame a preview runs in (see lib/artifacts/document.ts and frame.ts for the rules):
 * `sandbox="allow-scripts"` without `allow-same-origin`, so the document has an opaque origin (no
 * cookies, storage or access to this window); its CSP allows no network at all. The runner page asks
 * for the document once it is ready; only that frame's ready signal is answered.
 */
export function ArtifactFrame({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const frame = ref.current?.contentWindow;
      if (!frame || event.source !== frame || !isFrameReady(event.data)) return;
      // "*": a sandboxed frame's origin is opaque, and the document is not a secret.
      frame.postMessage(frameLoadMessage(html), "*");
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [html]);
  return (
    <iframe
      // A new document needs a fresh runner: the runner takes one document and then ignores messages.
      key={hashOf(html)}
      ref={ref}
      data-testid="artifact-preview"
      title={title}
      src={ARTIFACT_FRAME_PATH}
      sandbox={ARTIFACT_SANDBOX}
      referrerPolicy="no-referrer"
      className="h-full w-full border-0 bg-white"
    />
  );
}

function hashOf(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${text.length}-${(h >>> 0).toString(36)}`;
}
