"use client";

import { useEffect, useMemo, useState } from "react";
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon, CopyIcon, DownloadIcon } from "@/components/ui/icons";
import { selectOpenArtifact, useArtifacts } from "@/lib/artifacts/client/store";
import { artifactDocument, artifactFileName, artifactMimeType, nameOf } from "@/lib/artifacts/document";
import { type Artifact, extractArtifacts } from "@/lib/artifacts/extract";
import { groupArtifacts, type ThreadMessage, versionsOf } from "@/lib/artifacts/versions";
import { copyText } from "@/lib/clipboard";
import { useT } from "@/lib/i18n/client";
import { ArtifactFrame } from "./artifact-frame";
import { DiagramView } from "./diagram-view";
import { useThrottled } from "./use-throttled";

/** A streaming reply rewrites its artifact many times a second; the frame reloads at most this often. */
const PREVIEW_UPDATE_MS = 500;

const iconButton =
  "inline-flex size-8 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 disabled:opacity-40 dark:text-zinc-300 dark:hover:bg-zinc-800";

interface PanelMessage extends ThreadMessage {
  status?: string;
}

/**
 * The preview panel beside the thread (full screen on a phone). It shows the artifact the user chose,
 * its versions when a later reply revised it, and Download / Copy of its source.
 */
export function ArtifactPanel({ thread }: { thread: readonly PanelMessage[] }) {
  const t = useT();
  const open = useArtifacts(selectOpenArtifact);
  const key = thread.map((m) => `${m.id}:${m.text.length}`).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the thread's texts
  const groups = useMemo(() => (open ? groupArtifacts(thread) : []), [key, !!open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) {
        e.preventDefault();
        useArtifacts.getState().close();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  let artifact: Pick<Artifact, "kind" | "code" | "meta"> | null = null;
  let versions: {
    position: number;
    count: number;
    refs: ReturnType<typeof groupArtifacts>[number]["versions"];
  } | null = null;
  let streaming = false;
  // Another conversation on screen: the panel stays closed until a Preview there.
  const message = open ? thread.find((m) => m.id === open.messageId) : undefined;
  if (open && message) {
    let index = open.index;
    if (index === undefined) {
      const found = extractArtifacts(message.text);
      index = (found.find((a) => a.code === open.code) ?? found.find((a) => a.code.trim() === open.code.trim()))?.index;
    }
    const located = index !== undefined ? versionsOf(groups, open.messageId, index) : undefined;
    if (located) {
      const refs = located.group.versions;
      artifact = refs[located.position]!.artifact;
      versions = { position: located.position, count: refs.length, refs };
    } else {
      artifact = { kind: open.kind, code: open.code, meta: "" };
    }
    streaming = message.status === "streaming";
  }
  const html =
    artifact && artifact.kind !== "mermaid" ? artifactDocument({ kind: artifact.kind, code: artifact.code }) : "";
  const shown = useThrottled(html, PREVIEW_UPDATE_MS);
  if (!open || !artifact) return null;

  const name = nameOf(artifact) ?? t("artifact.untitled");
  const version = versions ? versions.position + 1 : undefined;
  const step = (delta: number) => {
    if (!versions) return;
    const ref = versions.refs[versions.position + delta];
    if (!ref) return;
    useArtifacts.getState().show({
      messageId: ref.messageId,
      index: ref.artifact.index,
      code: ref.artifact.code,
      kind: ref.artifact.kind,
    });
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([artifact.code], { type: artifactMimeType(artifact.kind) }));
    const a = document.createElement("a");
    a.href = url;
    a.download = artifactFileName(artifact, version);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <aside
      aria-label={t("artifact.panel")}
      data-testid="artifact-panel"
      className="flex w-full shrink-0 flex-col border-zinc-200 bg-white max-md:fixed max-md:inset-0 max-md:z-40 md:w-[min(45%,40rem)] md:border-l dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex items-center gap-1 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h2 className="min-w-0 flex-1 truncate text-sm font-semibold" title={name}>
          {name}
        </h2>
        {versions && versions.count > 1 && (
          <span className="flex items-center">
            <button
              type="button"
              aria-label={t("artifact.previous")}
              disabled={versions.position === 0}
              onClick={() => step(-1)}
              className={iconButton}
            >
              <ChevronLeftIcon />
            </button>
            <span data-testid="artifact-version" className="px-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-300">
              {t("artifact.version", { n: versions.position + 1, count: versions.count })}
            </span>
            <button
              type="button"
              aria-label={t("artifact.next")}
              disabled={versions.position === versions.count - 1}
              onClick={() => step(1)}
              className={iconButton}
            >
              <ChevronRightIcon />
            </button>
          </span>
        )}
        <CopySource code={artifact.code} />
        <button type="button" aria-label={t("artifact.download")} onClick={download} className={iconButton}>
          <DownloadIcon />
        </button>
        <button
          type="button"
          aria-label={t("artifact.close")}
          onClick={() => useArtifacts.getState().close()}
          className={iconButton}
        >
          <CloseIcon />
        </button>
      </div>
      {(streaming || artifact.kind !== "mermaid") && (
        <p className="border-b border-zinc-200 px-3 py-1 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          {streaming ? t("artifact.streaming") : t("artifact.sandbox")}
        </p>
      )}
      <div className="min-h-0 flex-1">
        {artifact.kind === "mermaid" ? (
          <DiagramView code={artifact.code} />
        ) : (
          <ArtifactFrame html={shown || html} title={t("artifact.frameTitle", { name })} />
        )}
      </div>
    </aside>
  );
}

function CopySource({ code }: { code: string }) {
  const t = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const label =
    state === "copied" ? t("artifact.copied") : state === "failed" ? t("artifact.copyFailed") : t("artifact.copy");
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => void copyText(code).then((ok) => setState(ok ? "copied" : "failed"))}
      className={iconButton}
    >
      <CopyIcon />
    </button>
  );
}
