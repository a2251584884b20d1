// The playground's bounds and part-type test without zod: the browser's first load imports these
// (chat settings, tool calls, the message converter), and zod's ~37 KB gzip stays out of it.
// contract.ts re-exports everything here for the route and the schemas.

/** OpenAI's rule for function names: letters, digits, underscores and dashes, at most 64. */
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** SiliconFlow takes at most 128 tools (upstream-contract.md, POST /chat/completions). */
export const MAX_TOOLS = 128;
export const TOOL_DESCRIPTION_MAX = 4000;
/** The tool definitions as text in the editor, and the JSON Schema of JSON mode, at most this long. */
export const TOOL_DEFINITIONS_MAX_CHARS = 100_000;
export const JSON_SCHEMA_MAX_CHARS = 50_000;
/** The reply's prefix (prefix completion): an edited reply, so as long as a long answer. */
export const PREFIX_MAX_CHARS = 50_000;
/** Rounds of tool calls the browser runs on its own before it stops and asks (auto mode). */
export const DEFAULT_MAX_TOOL_ROUNDS = 5;
/** The server refuses a reply whose tool rounds went past this, whatever the browser allowed. */
export const MAX_TOOL_ROUNDS = 20;

export function isToolPartType(type: string): boolean {
  return type === "dynamic-tool" || type.startsWith("tool-");
}
