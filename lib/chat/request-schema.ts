import { z } from "zod";
import { CHAT_BODY_MAX_BYTES, CHAT_MAX_MESSAGES } from "@/lib/chat/bounds";
import { isToolPartType, playgroundRequestFields, toolPartSchema } from "@/lib/chat/playground/contract";
import { chatSettingsSchema, modelRefSchema } from "@/lib/chat/schema";

// The page reads these from lib/chat/bounds.ts, which does not pull zod into its bundle.
export { CHAT_BODY_MAX_BYTES, CHAT_MAX_MESSAGES };

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
 *     settings?: ChatSettingsInput,    // lib/chat/types.ts; checked per model by lib/chat/limits.ts
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
 * The answer is a UI message stream (SSE) for useChat; on a bad request, a JSON `{ error: AppErrorJSON }`
 * with a 4xx status (settings errors name the field in `detail`: "settings.temperature: …").
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

export const chatMessageSchema = z.looseObject({
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

export type ChatRequest = z.infer<typeof chatRequestSchema>;
