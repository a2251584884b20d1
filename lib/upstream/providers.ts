import "server-only";
import { getEnv } from "@/lib/env";
import { AppError, type Provider } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n";
import { DEMO_API_KEY, ensureSimulator, simulatorBaseUrl } from "./demo-simulator";

export interface ResolvedProvider {
  baseUrl: string;
  apiKey: string;
  /** True when the request goes to the built-in simulator. */
  demo: boolean;
}

const NOT_CONFIGURED: Readonly<Record<Provider, { variable: string; key: MessageKey }>> = {
  siliconflow: { variable: "SILICONFLOW_API_KEY", key: "error.provider.sfMissing" },
  glm: { variable: "GLM_API_KEY", key: "error.provider.glmMissing" },
};

/**
 * Where requests for `provider` go and with which key. The host comes from server configuration
 * only; with no key at all that is the simulator, and with a key for the other provider only, this
 * provider is "not configured" (an `invalid_key` error that names the missing variable).
 */
export async function resolveProvider(provider: Provider): Promise<ResolvedProvider> {
  const env = getEnv();
  if (env.demo) {
    const simulator = await ensureSimulator();
    return { baseUrl: simulatorBaseUrl(simulator.url, provider), apiKey: DEMO_API_KEY, demo: true };
  }
  const config = env[provider];
  if (!config.apiKey) {
    const info = NOT_CONFIGURED[provider];
    throw new AppError("invalid_key", {
      provider,
      detail: `${info.variable} is not set`,
      key: info.key,
    });
  }
  return { baseUrl: config.baseUrl, apiKey: config.apiKey, demo: false };
}
