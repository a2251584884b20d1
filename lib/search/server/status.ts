import "server-only";
import { providerState } from "@/lib/providers/status";
import type { WebSearchStatus } from "../contract";

/** Web search goes through GLM (tool or search API): it works with a GLM key, or in demo mode. */
export function webSearchAvailable(): boolean {
  return providerState("glm") !== "not_configured";
}

export function webSearchStatus(): WebSearchStatus {
  return webSearchAvailable() ? { available: true } : { available: false, reason: "needs_glm_key" };
}
