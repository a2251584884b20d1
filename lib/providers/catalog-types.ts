// The shape of a catalog entry, shared by the per-provider tables (no imports: both tables and the
// catalog read it, and it must not pull either in).

/** The two providers this app speaks to. */
export type Provider = "siliconflow" | "glm";

/** A model as every slice names it: which provider, and the provider's own id. */
export interface ModelRef {
  provider: Provider;
  id: string;
}

export type ModelType = "chat" | "image" | "video" | "speech" | "transcription";

export interface TokenRange {
  min: number;
  max: number;
}

/**
 * How a model's thinking is controlled, which decides both the request fields and the settings shown:
 * - none: the model does not think; nothing is sent.
 * - always: the model always thinks; no switch exists (SiliconFlow may still take a thinking budget).
 * - switch: thinking can be turned off — SiliconFlow `enable_thinking` (only on the models its API
 *   reference lists; others answer 400 code 20015), GLM `thinking: {type}`; SiliconFlow may take a budget.
 * - effort: a `reasoning_effort` level; `switchable` when thinking can also be turned off (GLM-5.2).
 */
export type ThinkingControl =
  | { kind: "none" }
  | { kind: "always"; budget?: TokenRange }
  | { kind: "switch"; budget?: TokenRange }
  | { kind: "effort"; levels: readonly string[]; default: string; switchable: boolean };

/** A table row: only what differs from the defaults in describeModel. */
export interface CatalogEntry {
  type?: ModelType;
  thinking?: ThinkingControl;
  thinkTags?: boolean;
  vision?: boolean;
  visionUrlOnly?: boolean;
  systemInUser?: boolean;
  tools?: boolean;
  jsonMode?: boolean;
  free?: boolean;
  maxTokensCap?: number;
  contextWindow?: number;
  temperatureMax?: number;
  maxImages?: number;
  /** Requests the provider serves at once for this model per account; more are refused. */
  concurrency?: number;
  /** YYYY-MM-DD: the day the sources below were read. */
  reviewed?: string;
  source?: string;
}
