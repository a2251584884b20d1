import type { AppErrorJSON } from "@/lib/errors";
import type { ModelInfo } from "./catalog";
import type { ModelType, Provider } from "./catalog-types";

// GET /api/models?type=… : what the route answers and every picker reads (the only copy of the shape).

export interface ModelsResponse {
  /** The providers' lists joined with the capability catalog. */
  models: ModelInfo[];
  /** A provider whose list failed; the other provider's models are still in `models`. */
  errors: { provider: Provider; error: AppErrorJSON }[];
}

export const modelsPath = (type: ModelType) => `/api/models?type=${type}`;
