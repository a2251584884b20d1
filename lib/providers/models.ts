import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { upstreamJson } from "@/lib/upstream";
import { catalogIds, describeModel, type ModelType, SILICONFLOW_MODEL_QUERY } from "./catalog";
import type { ModelsResponse } from "./contract";
import { PROVIDERS, providerState } from "./status";

interface ModelList {
  data?: { id?: unknown }[];
}

const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { at: number; ids: string[] }>();

async function siliconflowIds(type: ModelType): Promise<string[]> {
  const query = SILICONFLOW_MODEL_QUERY[type];
  const hit = cache.get(query);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.ids;
  const list = await upstreamJson<ModelList>("siliconflow", `/models?${query}`, { method: "GET" });
  const ids = (list.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === "string");
  cache.set(query, { at: Date.now(), ids });
  return ids;
}

/** The providers' lists joined with the capability catalog; one failing provider does not hide the other. */
export async function listModels(type: ModelType): Promise<ModelsResponse> {
  const result: ModelsResponse = { models: [], errors: [] };
  const servesLinks = !!getEnv().publicBaseUrl;
  await Promise.all(
    PROVIDERS.map(async (provider) => {
      if (providerState(provider) === "not_configured") return;
      try {
        // GLM has no model list endpoint: its catalog entries are the list.
        const ids = provider === "siliconflow" ? await siliconflowIds(type) : catalogIds("glm");
        for (const id of ids) {
          const info = describeModel(provider, id);
          if (info.type !== type) continue;
          result.models.push(info.visionUrlOnly && servesLinks ? { ...info, imageLinksServed: true } : info);
        }
      } catch (err) {
        result.errors.push({ provider, error: AppError.from(err).toJSON() });
      }
    }),
  );
  result.models.sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
  return result;
}
