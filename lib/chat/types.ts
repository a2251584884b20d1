import type { UIMessage } from "ai";
import type { PlaygroundMetadata } from "@/lib/chat/playground/contract";
import type { ChatSettings } from "@/lib/db/schema";
import type { ModelRef } from "@/lib/providers/catalog-types";

// The contract between /api/chat and the chat UI. The route validates requests with the schemas
// in schema.ts (server only); the UI builds them; both read the same metadata.

/** The chat slice's name for the one model reference type. */
export type ChatModelRef = ModelRef;

/** Per-conversation settings as stored and sent; bounds in bounds.ts, per-model ranges in limits.ts. */
export type { ChatSettings };
export type ChatSettingsInput = ChatSettings;

export interface ChatUsage {
  /** Prompt tokens as the provider counted them, cached ones included. */
  input: number;
  /** Completion tokens, reasoning included. */
  output: number;
  reasoning: number;
  /** Prompt tokens served from the provider's cache (GLM `prompt_tokens_details.cached_tokens`); absent when none. */
  cached?: number;
}

/** Metadata the route attaches to each assistant message (the playground's fields: playground/contract.ts). */
export interface ChatMetadata extends PlaygroundMetadata {
  model?: ChatModelRef;
  createdAt?: number;
  usage?: ChatUsage;
  /** The provider's own finish reason: stop, length, tool_calls, sensitive, risky, network_error, … */
  finishReason?: string;
  /** Time from the first reasoning token to the first answer token. */
  reasoningMs?: number;
  /**
   * On `finish`, measured on the server from the moment the request arrived: until the first reasoning or
   * answer token (absent if none came), and until the end. Relative, so no clock is shared with the browser;
   * lib/cost/speed.ts turns them into time to first token and tokens per second.
   */
  firstTokenMs?: number;
  durationMs?: number;
  /** Earlier messages the server left out because the thread did not fit the model's context window. */
  contextTrimmed?: number;
}

export type ChatMessage = UIMessage<ChatMetadata>;
