"use client";

import { useEffect, useState } from "react";
import { apiJson } from "@/lib/api-client";
import { DEFAULT_SPEECH_MODEL } from "./constants";

interface ModelsResponse {
  models: { id: string; provider: string }[];
}

/**
 * SiliconFlow's speech models. The default is always offered: speech still works when the model
 * list cannot be fetched, and the speech request itself reports a real problem clearly.
 */
export function useSpeechModels(current: string): string[] {
  const [ids, setIds] = useState<string[]>([DEFAULT_SPEECH_MODEL]);
  useEffect(() => {
    const controller = new AbortController();
    apiJson<ModelsResponse>("/api/models?type=speech", { signal: controller.signal })
      .then((res) => {
        const listed = res.models.filter((m) => m.provider === "siliconflow").map((m) => m.id);
        setIds([...new Set([DEFAULT_SPEECH_MODEL, ...listed])]);
      })
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return ids.includes(current) ? ids : [...ids, current];
}
