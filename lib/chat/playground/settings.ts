import type { ModelInfo } from "@/lib/providers/catalog";
import type { JsonModeRequest, ToolChoice, ToolsRequest } from "./contract";
import { parseSchemaText } from "./schema-text";
import { jsonModeRefusal, toolChoiceModes, toolsRefusal } from "./support";
import { parseToolDefinitions } from "./tool-definitions";

// A conversation's playground settings as the chat settings panel keeps them (the editors' text, so
// nothing typed is lost while it does not parse yet), and what of them a request sends. Pure,
// browser-safe; the route checks the same things again (server.ts).

export interface PlaygroundSettings {
  /** The "Tool definitions" editor's text; empty or blank = no tools. */
  toolsText?: string;
  /** "auto" | "none" | "required", or the name of the one function the model must call. */
  toolChoice?: string;
  /** manual: the user types every result; auto: the built-in example tools run in the browser. */
  toolMode?: "manual" | "auto";
  /** Auto mode stops after this many rounds in one reply. */
  maxRounds?: number;
  jsonMode?: boolean;
  /** The optional JSON Schema of JSON mode, as typed. */
  jsonSchemaText?: string;
}

export interface PlaygroundRequest {
  tools?: ToolsRequest;
  jsonMode?: JsonModeRequest;
}

function toolChoiceOf(value: string | undefined): ToolChoice | undefined {
  if (!value || value === "auto") return undefined;
  if (value === "none" || value === "required") return value;
  return { type: "function", function: { name: value } };
}

/**
 * The request fields for these settings on `model`: tools only when the model takes them and the
 * definitions parse without error; JSON mode only on models that take it. Settings that do not apply
 * are left out rather than refused, as the panel shows why beside them.
 */
export function playgroundRequest(model: ModelInfo, settings: PlaygroundSettings | undefined): PlaygroundRequest {
  const out: PlaygroundRequest = {};
  if (!settings) return out;
  if (settings.toolsText?.trim() && !toolsRefusal(model)) {
    const parsed = parseToolDefinitions(settings.toolsText);
    if (parsed.tools && parsed.tools.length > 0) {
      let choice = toolChoiceOf(settings.toolChoice);
      const mode = choice === undefined ? "auto" : typeof choice === "string" ? choice : "function";
      if (!toolChoiceModes(model).includes(mode)) choice = undefined;
      const named = typeof choice === "object" ? choice.function.name : undefined;
      if (named !== undefined && !parsed.tools.some((t) => t.function.name === named)) choice = undefined;
      out.tools = { definitions: parsed.tools, ...(choice ? { choice } : {}) };
    }
  }
  if (settings.jsonMode && !jsonModeRefusal(model)) {
    const schema = parseSchemaText(settings.jsonSchemaText ?? "").schema;
    out.jsonMode = schema ? { schema } : {};
  }
  return out;
}

/** The JSON-mode schema the reply is checked against, when one parses. */
export function jsonModeSchema(settings: PlaygroundSettings | undefined): Record<string, unknown> | undefined {
  if (!settings?.jsonMode || !settings.jsonSchemaText?.trim()) return undefined;
  return parseSchemaText(settings.jsonSchemaText).schema;
}
