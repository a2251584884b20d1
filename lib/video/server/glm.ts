import "server-only";
import { upstreamJson } from "@/lib/upstream";
import { type ParsedProviderStatus, parseGlmStatus } from "./provider-status";

// GLM's video tasks: POST /videos/generations → `{id, request_id, task_status}`, then GET
// /async-result/{id} (docs.z.ai video API reference; upstream-contract.md late 2026).

/** GET /async-result/{id}, parsed. Retries are safe: asking costs nothing. */
export async function glmStatus(requestId: string, signal?: AbortSignal): Promise<ParsedProviderStatus> {
  // The id passed the contract's pattern ([\w.:-]); encoding it keeps it one path segment regardless.
  const json = await upstreamJson<unknown>("glm", `/async-result/${encodeURIComponent(requestId)}`, {
    method: "GET",
    signal,
  });
  return parseGlmStatus(json);
}
