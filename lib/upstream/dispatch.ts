import "server-only";

// Lets a caller wait until the upstream request made under its abort signal is on the wire. The chat
// route uses it to send its own response headers only after that: writing them earlier (a syscall that
// wakes the browser's side of the connection) sat between the AI SDK's preparation of the request and
// the request itself, so the provider started later. The signal is the key because it is the one
// per-request object that reaches this client unchanged through the AI SDK (streamText → provider →
// fetch). Should a future SDK hand over a different signal, nothing is notified and the route falls
// back to waiting for the first event of the reply (see lib/chat/server/sse-response.ts).

const waiting = new WeakMap<AbortSignal, () => void>();

/** Resolves once a request with `signal` was written to the provider's socket (the first try). */
export function upstreamDispatched(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => waiting.set(signal, resolve));
}

/** Called by the transport right after a request's bytes were handed to the socket. */
export function notifyDispatched(signal: AbortSignal | undefined): void {
  if (!signal) return;
  const resolve = waiting.get(signal);
  if (!resolve) return;
  waiting.delete(signal);
  resolve();
}
