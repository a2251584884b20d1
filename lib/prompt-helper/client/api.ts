import { apiJson } from "@/lib/api-client";
import type { ImproveRequest, ImproveResponse } from "../contract";

/** POST /api/improve-prompt: a suggested rewrite, or the route's AppError thrown. */
export function postImprovePrompt(request: ImproveRequest, signal: AbortSignal): Promise<ImproveResponse> {
  return apiJson<ImproveResponse>("/api/improve-prompt", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    signal,
  });
}
