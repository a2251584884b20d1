import { apiJson, jsonRequest } from "@/lib/api-client";
import type { ImproveInput, ImproveResponse } from "../contract";

/** POST /api/improve-prompt: a suggested rewrite, or the route's AppError thrown. */
export function postImprovePrompt(request: ImproveInput, signal: AbortSignal): Promise<ImproveResponse> {
  return apiJson<ImproveResponse>("/api/improve-prompt", jsonRequest(request, signal));
}
