import type { SseVariant } from "./config";
import type { SimProvider } from "./log";

// Framing seen in real SiliconFlow streams that a strict parser trips over (upstream-contract.md,
// "What changed by late 2026": "SSE variants seen in real streams"). The app must read all of them;
// the simulator sends each one where it is turned on in `sseVariants`:
// - "keep-alive": `: keep-alive` comment lines (before the first chunk, while the model thinks, and
//   now and then), which WHATWG SSE says to ignore; clients that JSON-parse every line break on them
//   (AIClient2API PR #695, continuedev/continue PR #13144 fixed the same for other providers).
// - "empty-reasoning-delta": a first chunk whose `reasoning_content` is "" before any text.
// - "finish-reason-empty": `finish_reason: ""` instead of null on every chunk but the last (the
//   same shape sglang #3912 and ollama #4357 report for OpenAI-compatible servers).
// - "content-filter": Azure-style `content_filter_results` on each choice.
// Only the first two are on by default: they are the ones seen from SiliconFlow itself.

type SseFrame = { data: unknown } | { comment: string };

const KEEP_ALIVE_EVERY = 12;

const SAFE = { filtered: false, severity: "safe" };
const FILTER_RESULTS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };

type Chunk = { choices?: Record<string, unknown>[] } & Record<string, unknown>;

function choiceOf(payload: unknown): Record<string, unknown> | undefined {
  const choices = (payload as Chunk | null)?.choices;
  return Array.isArray(choices) ? choices[0] : undefined;
}

function withChoice(payload: unknown, patch: (choice: Record<string, unknown>) => Record<string, unknown>): unknown {
  const chunk = payload as Chunk;
  const [first, ...rest] = chunk.choices ?? [];
  return first ? { ...chunk, choices: [patch(first), ...rest] } : chunk;
}

/** The stream as frames: data payloads, with the configured variants applied, and comment lines. */
export function sseFrames(provider: SimProvider, payloads: unknown[], variants: readonly SseVariant[]): SseFrame[] {
  if (provider !== "siliconflow" || variants.length === 0) return payloads.map((data) => ({ data }));
  const on = new Set(variants);
  let chunks = [...payloads];
  const firstDelta = choiceOf(chunks[0])?.delta as Record<string, unknown> | undefined;
  if (on.has("empty-reasoning-delta") && typeof firstDelta?.reasoning_content === "string") {
    chunks.unshift(withChoice(chunks[0], (c) => ({ ...c, delta: { ...firstDelta, reasoning_content: "" } })));
  }
  if (on.has("finish-reason-empty")) {
    chunks = chunks.map((p, i) =>
      i < chunks.length - 1 && choiceOf(p)?.finish_reason === null
        ? withChoice(p, (c) => ({ ...c, finish_reason: "" }))
        : p,
    );
  }
  if (on.has("content-filter")) {
    chunks = chunks.map((p) => withChoice(p, (c) => ({ ...c, content_filter_results: FILTER_RESULTS })));
  }
  const frames: SseFrame[] = [];
  chunks.forEach((data, i) => {
    if (on.has("keep-alive") && i % KEEP_ALIVE_EVERY === 0) frames.push({ comment: " keep-alive" });
    frames.push({ data });
  });
  return frames;
}
