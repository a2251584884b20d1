"use client";

import { useState } from "react";
import { MermaidBlock } from "@/components/chat/markdown/mermaid-block";
import { MinusIcon, PlusIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n/client";

const STEPS = [0.5, 0.75, 1, 1.5, 2, 3, 4] as const;

/** A Mermaid diagram in the artifact panel, drawn by the chat's own (checked, sanitized) renderer, zoomable. */
export function DiagramView({ code }: { code: string }) {
  const t = useT();
  const [step, setStep] = useState(2);
  const scale = STEPS[step] ?? 1;
  const button =
    "inline-flex h-7 min-w-7 items-center justify-center rounded-md border border-zinc-200 px-1.5 text-xs hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center gap-1 px-3 py-2">
        <button
          type="button"
          aria-label={t("artifact.zoomOut")}
          disabled={step === 0}
          onClick={() => setStep(step - 1)}
          className={button}
        >
          <MinusIcon size={14} />
        </button>
        <button type="button" onClick={() => setStep(2)} className={button} aria-label={t("artifact.zoomReset")}>
          {Math.round(scale * 100)}%
        </button>
        <button
          type="button"
          aria-label={t("artifact.zoomIn")}
          disabled={step === STEPS.length - 1}
          onClick={() => setStep(step + 1)}
          className={button}
        >
          <PlusIcon size={14} />
        </button>
      </div>
      <div data-testid="artifact-diagram" className="min-h-0 flex-1 overflow-auto p-3">
        <div style={{ zoom: scale }}>
          <MermaidBlock code={code} final />
        </div>
      </div>
    </div>
  );
}
