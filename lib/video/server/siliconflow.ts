import "server-only";
import { upstreamJson } from "@/lib/upstream";
import { type ParsedProviderStatus, parseProviderStatus } from "./provider-status";

// SiliconFlow's video jobs: POST /video/submit → `{requestId}`, POST /video/status with it.

/** POST /video/status, parsed. Retries (for 429/503/network) are safe here: asking costs nothing. */
export async function siliconflowStatus(requestId: string, signal?: AbortSignal): Promise<ParsedProviderStatus> {
  const json = await upstreamJson<unknown>("siliconflow", "/video/status", { json: { requestId }, signal });
  return parseProviderStatus(json);
}
