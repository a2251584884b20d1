import type { SimProvider } from "./log";

export const FAULT_KINDS = [
  "unauthorized",
  "balance",
  "model-disabled",
  "model-not-found",
  "rate-limit",
  "overloaded",
  "not-found-text",
  "timeout-504",
  "glm-1301",
  "glm-1302",
  "glm-1113",
  "prompt-too-long",
  "cut-stream",
  "malformed-sse",
  "sse-error",
  "sse-error-60000",
  "slow-first-byte",
  "real-name",
  "busy-50603",
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  fault: FaultKind;
  /** Substring match on the provider path, e.g. "/chat/completions". */
  path?: string;
  provider?: SimProvider;
  /**
   * Exact match on the request's `model` (JSON body or form field): a comparison sends one prompt to
   * several models at once, so a fault for one column must leave the others alone.
   */
  model?: string;
  /** How many matching requests consume this fault (default 1). */
  times?: number;
  delayMs?: number;
  retryAfterSeconds?: number;
}

/** Faults that only make sense inside a streamed response body; the streaming handlers take them. */
const STREAM_FAULTS: ReadonlySet<FaultKind> = new Set(["cut-stream", "malformed-sse", "sse-error", "sse-error-60000"]);

export const GLM_1301_MESSAGE =
  "系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。";

export function parseFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== "object" || value === null) throw new Error("a fault must be an object");
  const v = value as Record<string, unknown>;
  if (!FAULT_KINDS.includes(v.fault as FaultKind)) {
    throw new Error(`unknown fault ${JSON.stringify(v.fault)}; one of: ${FAULT_KINDS.join(", ")}`);
  }
  if (v.path !== undefined && typeof v.path !== "string") throw new Error("path must be a string");
  if (v.model !== undefined && (typeof v.model !== "string" || v.model === "")) {
    throw new Error("model must be a non-empty string");
  }
  if (v.provider !== undefined && v.provider !== "siliconflow" && v.provider !== "glm") {
    throw new Error('provider must be "siliconflow" or "glm"');
  }
  for (const key of ["times", "delayMs", "retryAfterSeconds"] as const) {
    const n = v[key];
    if (n !== undefined && (typeof n !== "number" || !Number.isFinite(n) || n < 0)) {
      throw new Error(`${key} must be a number >= 0`);
    }
  }
  return {
    fault: v.fault as FaultKind,
    path: v.path as string | undefined,
    provider: v.provider as SimProvider | undefined,
    model: v.model as string | undefined,
    times: (v.times as number | undefined) ?? 1,
    delayMs: v.delayMs as number | undefined,
    retryAfterSeconds: v.retryAfterSeconds as number | undefined,
  };
}

export class FaultQueue {
  private pending: (FaultSpec & { times: number })[] = [];

  add(spec: FaultSpec): void {
    this.pending.push({ ...spec, times: spec.times ?? 1 });
  }

  list(): FaultSpec[] {
    return this.pending.map((f) => ({ ...f }));
  }

  clear(): void {
    this.pending = [];
  }

  /**
   * Consumes the first queued fault that matches; `stream` selects stream-body faults or the others.
   * A fault naming a model only matches requests for that model.
   */
  take(provider: SimProvider, path: string, stream: boolean, model?: string): FaultSpec | undefined {
    const index = this.pending.findIndex(
      (f) =>
        f.times > 0 &&
        STREAM_FAULTS.has(f.fault) === stream &&
        (f.provider === undefined || f.provider === provider) &&
        (f.path === undefined || path.includes(f.path)) &&
        (f.model === undefined || f.model === model),
    );
    const found = this.pending[index];
    if (!found) return undefined;
    found.times -= 1;
    if (found.times <= 0) this.pending.splice(index, 1);
    return { ...found };
  }
}

/** The line a stream carries for an `sse-error` fault. */
export function streamErrorPayload(provider: SimProvider): unknown {
  return provider === "glm"
    ? { error: { code: "1301", message: GLM_1301_MESSAGE } }
    : { code: 50505, message: "Model service overloaded. Please try again later.", data: "" };
}
