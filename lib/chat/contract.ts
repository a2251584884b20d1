import type { UIMessage } from "ai";
import { z } from "zod";
import {
  isToolPartType,
  type PlaygroundMetadata,
  playgroundRequestFields,
  toolPartSchema,
} from "@/lib/chat/playground/contract";
import type { ModelRef } from "@/lib/providers/catalog-types";
import {
  CHAT_MAX_MESSAGES,
  NUMBER_BOUNDS,
  type NumberBound,
  REASONING_EFFORT_MAX_LENGTH,
  type SettingField,
  STOP_SEQUENCE_LENGTH_MAX,
  STOP_SEQUENCES_MAX,
  SYSTEM_PROMPT_MAX,
} from "./bounds";

export * from "./bounds";

// POST /api/chat: the request the chat UI builds and the route checks, and the metadata the reply
// carries back. The only chat file that both the route and the browser import; it has no server-only
// code. Browser code that needs only numbers imports ./bounds (no zod), and only types from here
// (`import type`), so zod stays out of the chat page's first load.

const modelRefSchema = z.object({
  provider: z.enum(["siliconflow", "glm"]),
  id: z.string().min(1).max(200),
});

function bounded({ min, max, int }: NumberBound) {
  return (int ? z.number().int() : z.number()).min(min).max(max).optional();
}

/**
 * Per-conversation settings as stored (Conversation.settings) and sent. These are the widest ranges;
 * each model's own are checked by validateSettings (lib/chat/reconcile.ts) in the form and the route.
 */
const chatSettingsSchema = z
  .object({
    systemPrompt: z.string().max(SYSTEM_PROMPT_MAX).optional(),
    temperature: bounded(NUMBER_BOUNDS.temperature),
    topP: bounded(NUMBER_BOUNDS.topP),
    topK: bounded(NUMBER_BOUNDS.topK),
    minP: bounded(NUMBER_BOUNDS.minP),
    maxTokens: bounded(NUMBER_BOUNDS.maxTokens),
    frequencyPenalty: bounded(NUMBER_BOUNDS.frequencyPenalty),
    stop: z.array(z.string().min(1).max(STOP_SEQUENCE_LENGTH_MAX)).max(STOP_SEQUENCES_MAX).optional(),
    thinking: z.boolean().optional(),
    thinkingBudget: bounded(NUMBER_BOUNDS.thinkingBudget),
    /** `reasoning_effort` on models that take a level (lib/providers/catalog-types.ts, ThinkingControl). */
    reasoningEffort: z.string().min(1).max(REASONING_EFFORT_MAX_LENGTH).optional(),
  })
  .strict();
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

/** The chat slice's name for the one model reference type (lib/providers). */
export type ChatModelRef = ModelRef;

// ModelRef is lib/providers' type and the settings fields are named in the zod-free bounds table;
// the compiler checks here that the schemas describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// (Underscored: nothing reads it at run time.)
const _schemasMatchTypes: [Same<z.infer<typeof modelRefSchema>, ChatModelRef>, Same<keyof ChatSettings, SettingField>] =
  [true, true];

/*
 * POST /api/chat — the body, as the UI builds it with DefaultChatTransport's prepareSendMessagesRequest:
 *
 *   {
 *     id: string,                      // conversation id (useChat's chat id)
 *     messages: ChatMessage[],         // the visible thread, root → leaf, as useChat holds it:
 *                                      //   { id, role: "user" | "assistant", parts, metadata? }
 *                                      //   parts used: { type: "text", text }
 *                                      //               { type: "file", mediaType: "image/…", url: "data:…" | "https://…" }
 *                                      //   assistant tool calls: { type: "dynamic-tool", toolCallId, toolName, state, input, output? }
 *                                      //     (lib/chat/playground/contract.ts); finished ones go back as tool_calls + tool messages
 *                                      //   other part types (reasoning, step-start, data-*) are accepted; step-start keeps the
 *                                      //   order of tool rounds; earlier reasoning never goes back to the provider
 *     model: { provider: "siliconflow" | "glm", id: string },
 *     settings?: ChatSettings,         // checked per model by validateSettings (lib/chat/reconcile.ts)
 *     trigger?: "submit-message" | "regenerate-message",
 *     messageId?: string,              // what the default transport sends; not needed
 *     continue?: boolean,              // the last message is a cut assistant reply: stream its continuation
 *     tools?: { definitions: FunctionTool[], choice?: ToolChoice },   // function calling (playground/contract.ts)
 *     jsonMode?: { schema?: JSONSchema },                               // response_format json_object (+ schema)
 *     prefix?: string,                 // prefix completion: the reply starts with this text (SiliconFlow `prefix`)
 *     webSearch?: boolean,             // ground the reply in a web search (lib/search: GLM's tool or search API);
 *                                      //   needs a GLM key, else 400 with detail WEB_SEARCH_NEEDS_GLM_DETAIL
 *   }
 *
 * The body is at most CHAT_BODY_MAX_BYTES. The answer is a UI message stream (SSE) for useChat; on a bad
 * request, a JSON `{ error: AppErrorJSON }` with a 4xx status (settings errors name the field in `detail`:
 * "settings.temperature: …").
 */

const MAX_PARTS = 200;

const textPart = z.looseObject({ type: z.literal("text"), text: z.string() });

const filePart = z.looseObject({
  type: z.literal("file"),
  mediaType: z.string().min(1).max(100),
  filename: z.string().max(1000).optional(),
  // The server never fetches it: data: URLs are inlined, https URLs are handed to the provider.
  url: z.string().refine((u) => u.startsWith("data:") || u.startsWith("https://"), "must be a data: or https: URL"),
});

const otherPart = z.looseObject({
  type: z
    .string()
    .min(1)
    .max(100)
    .refine((t) => t !== "text" && t !== "file" && !isToolPartType(t), "malformed part"),
});

const chatMessageSchema = z.looseObject({
  id: z.string().min(1).max(200),
  role: z.enum(["user", "assistant"]),
  parts: z.array(z.union([textPart, filePart, toolPartSchema, otherPart])).max(MAX_PARTS),
  metadata: z.unknown().optional(),
});

export const chatRequestSchema = z.object({
  id: z.string().min(1).max(200),
  messages: z.array(chatMessageSchema).min(1).max(CHAT_MAX_MESSAGES),
  model: modelRefSchema,
  settings: chatSettingsSchema.optional(),
  trigger: z.enum(["submit-message", "regenerate-message"]).optional(),
  messageId: z.string().max(200).optional(),
  continue: z.boolean().optional(),
  ...playgroundRequestFields,
  webSearch: z.boolean().optional(),
});

// The reply: a UI message stream whose assistant message carries this metadata. The route writes it
// and the browser only reads it (nothing parses it), so it is a type rather than a schema.

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
