// The starter assistants, in the user's language: built in (not stored), so they follow the
// language switch; "Save a copy" stores one as the user's own assistant.

import type { MessageKey, Translate } from "@/lib/i18n";
import type { Assistant } from "./contract";

const STARTERS = [
  { key: "writing", emoji: "✍️", temperature: 0.7 },
  { key: "translate", emoji: "🌐", temperature: 0.3 },
  { key: "review", emoji: "🔍", temperature: 0.2 },
  { key: "siliconflow", emoji: "🧩", temperature: 0.3 },
] as const;

export type StarterAssistant = Omit<Assistant, "createdAt" | "updatedAt">;

export function starterAssistants(t: Translate): StarterAssistant[] {
  return STARTERS.map(({ key, emoji, temperature }) => {
    const k = (part: string) => `assistants.starter.${key}.${part}` as MessageKey;
    return {
      id: `starter:${key}`,
      name: t(k("name")),
      emoji,
      description: t(k("description")),
      systemPrompt: t(k("prompt")),
      openingMessage: t(k("opening")),
      settings: { temperature },
    };
  });
}
