import "server-only";
import { dynamicTool, type JSONValue, jsonSchema, type ToolChoice, type ToolSet, type UIMessageChunk } from "ai";
import type { CallSettings } from "@/lib/chat/server/call-settings";
import { AppError } from "@/lib/errors";
import { inEnglish, type MessageRef } from "@/lib/i18n";
import { checkJsonSchema } from "@/lib/json/schema-check";
import type { ModelInfo } from "@/lib/providers/catalog";
import type { ChatNote, JsonModeRequest, PlaygroundMetadata, ToolsRequest } from "../contract";
import { MAX_TOOL_ROUNDS } from "../contract";
import {
  jsonModeRefusal,
  prefixRefusal,
  prefixSupport,
  toolChoiceMode,
  toolChoiceRefusal,
  toolsNeedThinkingOff,
  toolsRefusal,
} from "../support";
import { checkToolDefinitions } from "../tool-definitions";
import { toolRounds } from "../tool-rounds";
import { jsonModeInstruction } from "./json-mode";

// The playground fields of /api/chat → streamText options: tools (the user's definitions as dynamic
// tools without `execute`, so a reply that calls them ends its step with the calls, which the browser
// answers), tool_choice, JSON mode and prefix completion. Everything that can be refused is refused
// here, before anything is sent. The provider-only fields go through providerOptions, which
// @ai-sdk/openai-compatible spreads into the request body as top-level fields.

interface PlaygroundInput {
  tools?: ToolsRequest;
  jsonMode?: JsonModeRequest;
  prefix?: string;
  continue?: boolean;
  /** The user's Thinking switch, if set. */
  thinking?: boolean;
  messages: readonly { role: string; parts: readonly { type: string }[] }[];
}

interface PlaygroundCall {
  tools?: ToolSet;
  toolChoice?: ToolChoice<ToolSet>;
  /** Merged into the reply's start metadata. */
  metadata: PlaygroundMetadata;
  /** Prefix completion: written into the reply before the model's continuation. */
  prefix?: string;
  /** Text the request adds to the prompt (tool definitions, the JSON instruction), for the context estimate. */
  promptExtra: string;
}

/** A refusal naming `field`; the JSON editors' issues come with their words already in both languages. */
function refuse(
  field: string,
  message: MessageRef | { en: string; zh: string },
  provider?: ModelInfo["provider"],
): AppError {
  if ("en" in message) return new AppError("bad_request", { provider, detail: `${field}: ${message.en}`, message });
  return new AppError("bad_request", { provider, detail: `${field}: ${inEnglish(message)}`, ...message });
}

/** Validates the playground fields for `model` and adds what they send to `call` (in place). */
export function playgroundCall(model: ModelInfo, input: PlaygroundInput, call: CallSettings): PlaygroundCall {
  const out: PlaygroundCall = { metadata: {}, promptExtra: "" };
  const extra: Record<string, JSONValue> = { ...call.providerOptions?.[model.provider] };
  const notes: ChatNote[] = [];
  const switchThinkingOff = (code: ChatNote["code"]) => {
    delete extra.thinking_budget;
    delete extra.reasoning_effort;
    // Nothing changes, and nothing is said, when the user had switched thinking off already.
    if (input.thinking === false) return;
    extra.enable_thinking = false;
    if (!notes.some((n) => n.code === code)) notes.push({ code });
  };

  const rounds = toolRounds(input.messages.at(-1) ?? { role: "user", parts: [] });
  if (rounds > MAX_TOOL_ROUNDS) {
    throw refuse("messages", { key: "playground.refusal.toolRounds", vars: { rounds, max: MAX_TOOL_ROUNDS } });
  }

  if (input.tools) {
    const refusal = toolsRefusal(model);
    if (refusal) throw refuse("tools", refusal, model.provider);
    const problem = checkToolDefinitions(input.tools.definitions).find((issue) => issue.severity === "error");
    if (problem) throw refuse(`tools.definitions${problem.pointer.replace(/\//g, ".")}`, problem.message);
    const definitions = input.tools.definitions;
    const choice = input.tools.choice;
    const names = definitions.map((d) => d.function.name);
    const choiceRefusal = toolChoiceRefusal(model, choice, names);
    if (choiceRefusal) throw refuse("tools.choice", choiceRefusal, model.provider);
    out.promptExtra += JSON.stringify(definitions);
    // GLM takes `auto` only: "none" there means the tools are not sent (../support.ts).
    const sendTools = !(model.provider === "glm" && toolChoiceMode(choice) === "none");
    if (sendTools) {
      out.tools = Object.fromEntries(
        definitions.map((d) => [
          d.function.name,
          dynamicTool({
            description: d.function.description,
            inputSchema: jsonSchema(d.function.parameters ?? { type: "object", properties: {} }),
            ...(d.function.strict !== undefined ? { strict: d.function.strict } : {}),
          } as Parameters<typeof dynamicTool>[0]),
        ]),
      );
      out.toolChoice =
        choice === undefined
          ? "auto"
          : typeof choice === "string"
            ? choice
            : { type: "tool", toolName: choice.function.name };
      if (toolsNeedThinkingOff(model)) switchThinkingOff("thinking_off_for_tools");
    }
  }

  if (input.jsonMode) {
    const refusal = jsonModeRefusal(model);
    if (refusal) throw refuse("jsonMode", refusal, model.provider);
    const schema = input.jsonMode.schema;
    const problem = schema ? checkJsonSchema(schema).find((issue) => issue.severity === "error") : undefined;
    if (problem) throw refuse(`jsonMode.schema${problem.pointer.replace(/\//g, ".")}`, problem.message);
    extra.response_format = { type: "json_object" };
    const instruction = jsonModeInstruction(schema);
    call.instructions = call.instructions ? `${call.instructions}\n\n${instruction}` : instruction;
    out.promptExtra += instruction;
    out.metadata.responseFormat = "json";
  }

  if (input.prefix !== undefined) {
    const refusal = prefixRefusal(model);
    if (refusal) throw refuse("prefix", refusal, model.provider);
    if (input.continue) {
      throw refuse("prefix", { key: "playground.refusal.prefixAndContinue" });
    }
    if (input.messages.at(-1)?.role !== "user") {
      throw refuse("prefix", { key: "playground.refusal.prefixNeedsUser" });
    }
    if (prefixSupport(model) === "thinking-off") switchThinkingOff("thinking_off_for_prefix");
    extra.prefix = input.prefix;
    out.prefix = input.prefix;
    out.promptExtra += input.prefix;
    out.metadata.prefixLength = input.prefix.length;
  }

  if (notes.length > 0) out.metadata.notes = notes;
  if (Object.keys(extra).length > 0) call.providerOptions = { ...call.providerOptions, [model.provider]: extra };
  return out;
}

/**
 * Prefix completion: the provider streams only the continuation, so the prefix is written into the reply
 * first (right after its first text-start), making the stored reply the whole text. A reply that ends or
 * fails before any text still gets the prefix, so what the user wrote is never lost.
 */
export function withPrefix<T>(toChunks: (value: T) => UIMessageChunk[], prefix: string | undefined) {
  if (prefix === undefined) return toChunks;
  let written = false;
  return (value: T): UIMessageChunk[] => {
    const out: UIMessageChunk[] = [];
    for (const chunk of toChunks(value)) {
      if (!written && (chunk.type === "finish-step" || chunk.type === "finish" || chunk.type === "error")) {
        written = true;
        out.push(
          { type: "text-start", id: "prefix" },
          { type: "text-delta", id: "prefix", delta: prefix },
          { type: "text-end", id: "prefix" },
        );
      }
      out.push(chunk);
      if (!written && chunk.type === "text-start") {
        written = true;
        out.push({ type: "text-delta", id: chunk.id, delta: prefix });
      }
    }
    return out;
  };
}
