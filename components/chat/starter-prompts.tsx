"use client";

import { type ReactNode, useId } from "react";
import { BrainIcon, CodeIcon, DocumentIcon, ImageIcon } from "@/components/ui/icons";
import { cn, focusRing } from "@/components/ui/styles";
import type { OutgoingImage } from "@/lib/chat/client/sessions";
import type { ChatModelRef } from "@/lib/chat/contract";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";

// The empty chat's four examples. Each shows one thing the app renders (a reasoning pane; a table
// with math and code; a picture in the question; a long sectioned answer), and the simulator answers
// each one with matching content (lib/simulator/starters.ts recognises these exact prompts).

export type StarterKind = "reasoning" | "table" | "vision" | "long";

const STARTERS: { kind: StarterKind; icon: ReactNode }[] = [
  { kind: "reasoning", icon: <BrainIcon size={16} /> },
  { kind: "table", icon: <CodeIcon size={16} /> },
  { kind: "vision", icon: <ImageIcon size={16} /> },
  { kind: "long", icon: <DocumentIcon size={16} /> },
];

/** The picture the vision example asks about, bundled under public/ (480 × 320, a flat landscape). */
const STARTER_IMAGE = { url: "/starters/landscape.png", width: 480, height: 320 } as const;

// A thinking model for the reasoning example and one that takes uploaded images for the vision one,
// when the current model cannot: free ones first, the app's default thinking model before the rest.
const PREFERRED_THINKING = "Qwen/Qwen3-8B";

/** The model an example is sent with: the current one when it can show what the example is for. */
function starterModel(kind: StarterKind, current: ModelInfo, models: readonly ModelInfo[]): ModelInfo {
  const fits = (m: ModelInfo) =>
    kind === "vision" ? !!m.vision && !m.visionUrlOnly : kind === "reasoning" ? m.thinking.kind !== "none" : true;
  if (fits(current)) return current;
  const candidates = models.filter(fits);
  return (
    candidates.find((m) => kind === "reasoning" && m.id === PREFERRED_THINKING) ??
    candidates.find((m) => m.free && m.provider === current.provider) ??
    candidates.find((m) => m.free) ??
    candidates[0] ??
    current
  );
}

/** The bundled picture as an attachment, the same shape the composer sends. */
export async function starterImage(name: string): Promise<OutgoingImage> {
  const res = await fetch(STARTER_IMAGE.url);
  if (!res.ok) throw new Error(`starter image: HTTP ${res.status}`);
  return { blob: await res.blob(), name, width: STARTER_IMAGE.width, height: STARTER_IMAGE.height };
}

/**
 * Four buttons under the empty chat's greeting; each is named by its prompt text, so it says exactly
 * what will be sent. A model switch it needs is said on the button too.
 */
export function StarterPrompts({
  model,
  models,
  disabled,
  onPick,
}: {
  model: ModelInfo;
  models: readonly ModelInfo[];
  disabled?: boolean;
  onPick: (kind: StarterKind, prompt: string, model: ChatModelRef) => void;
}) {
  const t = useT();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-6 w-full max-w-2xl sm:mt-8">
      <h3 id={headingId} className="mb-3 text-sm font-medium text-zinc-500 dark:text-zinc-400">
        {t("chat.starter.heading")}
      </h3>
      <ul className="grid gap-2 text-left sm:grid-cols-2">
        {STARTERS.map(({ kind, icon }) => {
          const prompt = t(`chat.starter.${kind}.prompt` as MessageKey);
          const target = starterModel(kind, model, models);
          const switches = target.id !== model.id || target.provider !== model.provider;
          return (
            <li key={kind}>
              <button
                type="button"
                data-testid="starter-prompt"
                data-kind={kind}
                disabled={disabled}
                onClick={() => onPick(kind, prompt, { provider: target.provider, id: target.id })}
                className={cn(
                  "flex h-full w-full flex-col items-start gap-1 rounded-xl text-left border border-zinc-200 bg-white px-3.5 py-2.5 sm:py-3 text-sm shadow-xs transition hover:border-violet-300 hover:bg-violet-50/60 disabled:opacity-50 dark:border-zinc-800 dark:bg-zinc-900/60 dark:hover:border-violet-500/50 dark:hover:bg-violet-950/30",
                  focusRing,
                )}
              >
                <span className="flex items-center gap-2 font-medium text-zinc-900 dark:text-zinc-100">
                  <span className="text-violet-600 dark:text-violet-400">{icon}</span>
                  {t(`chat.starter.${kind}.title` as MessageKey)}
                </span>
                <span className="line-clamp-1 text-zinc-500 sm:line-clamp-2 dark:text-zinc-400">{prompt}</span>
                {switches && (
                  <span className="text-xs text-violet-700 dark:text-violet-300">
                    {t("chat.starter.usesModel", { model: target.id })}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
