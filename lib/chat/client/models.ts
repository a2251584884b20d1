// Which chat model a new chat starts with (the last one the user chose, remembered in localStorage),
// and lookups over the chat list that lib/providers/client/models loads.

import type { ChatModelRef } from "@/lib/chat/contract";
import { describeModel, type ModelInfo } from "@/lib/providers/catalog";

const DEFAULT_KEY = "siliconplay:chat-model";
// Free models first, one that thinks (the playground's point) before one that does not.
const PREFERRED: ChatModelRef[] = [
  { provider: "siliconflow", id: "Qwen/Qwen3-8B" },
  { provider: "glm", id: "glm-4.5-flash" },
  { provider: "siliconflow", id: "Qwen/Qwen2.5-7B-Instruct" },
  { provider: "glm", id: "glm-4-flash" },
];

export function sameModel(a: ChatModelRef | undefined, b: ChatModelRef | undefined): boolean {
  return !!a && !!b && a.provider === b.provider && a.id === b.id;
}

export function rememberModel(ref: ChatModelRef): void {
  try {
    localStorage.setItem(DEFAULT_KEY, JSON.stringify({ provider: ref.provider, id: ref.id }));
  } catch {
    // private mode: the default is only a convenience
  }
}

function remembered(): ChatModelRef | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(DEFAULT_KEY) ?? "null") as ChatModelRef | null;
    return v && (v.provider === "siliconflow" || v.provider === "glm") && typeof v.id === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The model a new chat starts with: the remembered one if the list still has it, else a free one. */
export function defaultModel(models: readonly ModelInfo[]): ChatModelRef {
  const has = (ref: ChatModelRef) => models.some((m) => sameModel(m, ref));
  const last = typeof localStorage === "undefined" ? undefined : remembered();
  if (last && (models.length === 0 || has(last))) return last;
  const preferred = PREFERRED.find(has) ?? models.find((m) => m.free) ?? models[0];
  return preferred ? { provider: preferred.provider, id: preferred.id } : PREFERRED[0]!;
}

/** Capabilities of a model: the loaded list's entry, or the catalog's (same table) before it loads. */
export function modelInfo(models: readonly ModelInfo[], ref: ChatModelRef): ModelInfo {
  return models.find((m) => sameModel(m, ref)) ?? describeModel(ref.provider, ref.id);
}
