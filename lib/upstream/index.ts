import "server-only";

export { sleep } from "./abort";
export { createUpstreamFetch, type UpstreamInit, type UpstreamMethod, upstreamFetch, upstreamJson } from "./client";
export { DEMO_API_KEY, ensureSimulator, type RunningSimulator, simulatorBaseUrl } from "./demo-simulator";
export { upstreamDispatched } from "./dispatch";
export { assertSafePath } from "./guard";
export {
  DETAIL_MAX_CHARS,
  parseStreamErrorEvent,
  parseUpstreamError,
  retryAfterMsFrom,
  type UpstreamErrorInput,
} from "./parse-error";
export { type ResolvedProvider, resolveProvider } from "./providers";
export {
  backoffCeilingMs,
  MAX_ATTEMPTS,
  RETRY_AFTER_CAP_MS,
  RETRY_BASE_MS,
  RETRY_CAP_MS,
  retryDelayMs,
  shouldRetry,
} from "./retry";
export { readSse, type SseEvent } from "./sse";
export { toAppError } from "./transport";
