import "server-only";

export { createUpstreamFetch, upstreamFetch, upstreamJson } from "./client";
export { ensureSimulator } from "./demo-simulator";
export { upstreamDispatched } from "./dispatch";
export { parseStreamErrorEvent, parseUpstreamError } from "./parse-error";
export { resolveProvider } from "./providers";
export { readSse } from "./sse";
