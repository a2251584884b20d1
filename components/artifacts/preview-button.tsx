"use client";

import { EyeIcon } from "@/components/ui/icons";
import { useArtifacts } from "@/lib/artifacts/client/store";
import { artifactKind } from "@/lib/artifacts/extract";
import { useT } from "@/lib/i18n/client";
import { useArtifactMessageId } from "./artifact-context";

/**
 * "Preview" on an html or svg code block of a reply. The preview runs nothing until this is pressed;
 * then the panel beside the thread shows it in a sandboxed frame.
 */
export function PreviewButton({ code, lang }: { code: string; lang: string }) {
  const t = useT();
  const messageId = useArtifactMessageId();
  const kind = artifactKind(lang.split(/\s/)[0] ?? "", code);
  if (!messageId || (kind !== "html" && kind !== "svg") || !code.trim()) return null;
  return (
    <button
      type="button"
      onClick={() => useArtifacts.getState().show({ messageId, code, kind })}
      className="inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      <EyeIcon size={12} />
      {t("artifact.preview")}
    </button>
  );
}
