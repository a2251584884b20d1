"use client";

import { ExpandIcon } from "@/components/ui/icons";
import { useArtifacts } from "@/lib/artifacts/client/store";
import { useT } from "@/lib/i18n/client";
import { useArtifactMessageId } from "./artifact-context";

/** "Open diagram" on a drawn Mermaid diagram of a reply: the artifact panel shows it, zoomable. */
export function OpenDiagramButton({ code }: { code: string }) {
  const t = useT();
  const messageId = useArtifactMessageId();
  if (!messageId) return null;
  return (
    <button
      type="button"
      onClick={() => useArtifacts.getState().show({ messageId, code, kind: "mermaid" })}
      className="-mt-3 mb-3 inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      <ExpandIcon size={12} />
      {t("artifact.openDiagram")}
    </button>
  );
}
