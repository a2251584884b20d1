"use client";

import { useModels } from "@/lib/providers/client/models";
import { DEFAULT_SPEECH_MODEL } from "../bounds";

/**
 * SiliconFlow's speech models. The default is always offered: speech still works when the model
 * list cannot be fetched, and the speech request itself reports a real problem clearly.
 */
export function useSpeechModels(current: string): string[] {
  const { models } = useModels("speech");
  const listed = models.filter((m) => m.provider === "siliconflow").map((m) => m.id);
  const ids = [...new Set([DEFAULT_SPEECH_MODEL, ...listed])];
  return ids.includes(current) ? ids : [...ids, current];
}
