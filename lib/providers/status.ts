import "server-only";
import { getEnv } from "@/lib/env";
import type { Provider } from "@/lib/errors";

export type ProviderState = "configured" | "demo" | "not_configured";

export const PROVIDERS: readonly Provider[] = ["siliconflow", "glm"];

/** Whether requests for a provider can be made, and against what. Decided from env alone. */
export function providerState(provider: Provider): ProviderState {
  const env = getEnv();
  if (env.demo) return "demo";
  return env[provider].apiKey ? "configured" : "not_configured";
}

export function isDemo(): boolean {
  return getEnv().demo;
}
