import { z } from "zod";
import { MAX_TOOLS, PREFIX_MAX_CHARS, TOOL_DESCRIPTION_MAX, TOOL_NAME_PATTERN } from "./bounds";

export * from "./bounds";

// The developer-playground fields of POST /api/chat (function calling, JSON mode, prefix completion)
// and what the reply's metadata says about them. Zod schemas with their types and bounds; no
// server-only code, so the route and the browser share this file.

const jsonObject = z.record(z.string(), z.unknown());

/** One function tool in the OpenAI format; `parameters` is checked as a JSON Schema (tool-definitions.ts). */
const functionToolSchema = z.object({
  type: z.literal("function"),
  function: z.object({
    name: z.string().regex(TOOL_NAME_PATTERN, "letters, digits, _ and - only, at most 64"),
    description: z.string().max(TOOL_DESCRIPTION_MAX).optional(),
    parameters: jsonObject.optional(),
    strict: z.boolean().optional(),
  }),
});
export type FunctionTool = z.infer<typeof functionToolSchema>;

/** As OpenAI's `tool_choice`: a mode, or one named function that must be called. */
const toolChoiceSchema = z.union([
  z.enum(["auto", "none", "required"]),
  z.object({ type: z.literal("function"), function: z.object({ name: z.string().regex(TOOL_NAME_PATTERN) }) }),
]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

/** `tools` in the chat request: the conversation's definitions and how the model may use them. */
const toolsRequestSchema = z.object({
  definitions: z.array(functionToolSchema).min(1).max(MAX_TOOLS),
  choice: toolChoiceSchema.optional(),
});
export type ToolsRequest = z.infer<typeof toolsRequestSchema>;

/** `jsonMode` in the chat request: reply with one JSON object, conforming to `schema` when given. */
const jsonModeRequestSchema = z.object({
  schema: jsonObject.optional(),
});
export type JsonModeRequest = z.infer<typeof jsonModeRequestSchema>;

const prefixSchema = z.string().min(1).max(PREFIX_MAX_CHARS);

/** The playground fields, spread into the chat request schema (lib/chat/contract.ts). */
export const playgroundRequestFields = {
  tools: toolsRequestSchema.optional(),
  jsonMode: jsonModeRequestSchema.optional(),
  /** Prefix completion: the reply starts with this text and the model continues it (SiliconFlow `prefix`). */
  prefix: prefixSchema.optional(),
};

/**
 * A tool call or result as useChat keeps it in an assistant message. The route turns dynamic-tool parts
 * into `tool_calls` and `tool` messages (convertToModelMessages); only finished calls are sent.
 */
export const toolPartSchema = z.looseObject({
  type: z.union([z.literal("dynamic-tool"), z.string().regex(/^tool-[A-Za-z0-9_-]{1,64}$/)]),
  toolCallId: z.string().min(1).max(200),
  toolName: z.string().max(64).optional(),
  state: z.enum([
    "input-streaming",
    "input-available",
    "approval-requested",
    "approval-responded",
    "output-available",
    "output-error",
    "output-denied",
  ]),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  errorText: z.string().max(20_000).optional(),
});

/** Why the server changed a setting for this reply; shown beside the reply. */
const NOTE_CODES = ["thinking_off_for_tools", "thinking_off_for_prefix"] as const;
type NoteCode = (typeof NOTE_CODES)[number];

/** The page words it from the code ("playground.note.<code>"); replies stored before kept a `message` too, now unused. */
export interface ChatNote {
  code: NoteCode;
}

/** What the reply's metadata carries for the playground (merged into ChatMetadata, lib/chat/contract.ts). */
export interface PlaygroundMetadata {
  /** Settings the server changed for this reply, and why. */
  notes?: ChatNote[];
  /** Prefix completion: the reply's first `prefixLength` characters are the prefix the user wrote. */
  prefixLength?: number;
  /** The reply was asked for as JSON (JSON mode): show it as JSON, check it against the schema. */
  responseFormat?: "json";
}
