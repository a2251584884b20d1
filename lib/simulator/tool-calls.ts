import { isChinese, splitChunks } from "./text";
import { randomId, record } from "./values";

// What a simulated model does with `tools`: which functions it calls, with what arguments, and how it
// answers once the `tool` messages come back. Deterministic, driven by the prompt:
// - `[[call:NAME {"json":"args"}]]` (any number: parallel calls, in order) calls NAME with those arguments;
// - otherwise a named `tool_choice` is called, else every tool whose name the user's message mentions
//   (parallel when several), else the first tool, with arguments made from its parameter schema;
// - `[[rounds:N]]` makes the model call again after results until N rounds have been answered.
// `tool_choice: "none"` never calls. Wire framing per provider: siliconflow-chat.ts and glm.ts.

export interface ToolCallPlan {
  id: string;
  name: string;
  arguments: string;
  argPieces: string[];
}

interface Cue {
  name: string;
  args?: string;
}

/** The `[[call:NAME {…}]]` cues of a prompt, braces matched so the arguments may hold any JSON. */
function readCallCues(text: string): Cue[] {
  const cues: Cue[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf("[[call:", from);
    if (start < 0) return cues;
    const name = /^[A-Za-z0-9_-]{1,64}/.exec(text.slice(start + 7))?.[0];
    if (!name) {
      from = start + 7;
      continue;
    }
    let i = start + 7 + name.length;
    while (text[i] === " ") i++;
    let args: string | undefined;
    if (text[i] === "{") {
      const end = matchBrace(text, i);
      if (end < 0) return cues;
      args = text.slice(i, end + 1);
      i = end + 1;
    }
    while (text[i] === " ") i++;
    if (text.startsWith("]]", i)) cues.push({ name, args });
    from = i;
  }
}

function matchBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

const nameOf = (tool: unknown) => record(record(tool).function).name;

/** Tool rounds already answered in this turn: assistant messages with tool_calls after the last user message. */
function answeredRounds(messages: unknown[]): number {
  let rounds = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = record(messages[i]);
    if (m.role === "user") break;
    if (m.role === "assistant" && Array.isArray(m.tool_calls) && m.tool_calls.length > 0) rounds++;
  }
  return rounds;
}

export function planToolCalls(
  body: Record<string, unknown>,
  userText: string,
  lastRole: string,
  chunkSize?: number,
): ToolCallPlan[] {
  // Only function tools are called; GLM's built-in web_search tool is answered by web-search.ts.
  const tools = (Array.isArray(body.tools) ? body.tools : []).filter((t) => record(t).type !== "web_search");
  if (tools.length === 0 || body.tool_choice === "none") return [];
  const messages = Array.isArray(body.messages) ? body.messages : [];
  if (lastRole === "tool") {
    const wanted = Number(/\[\[rounds:(\d+)\]\]/.exec(userText)?.[1] ?? 1);
    if (answeredRounds(messages) >= wanted) return [];
  }
  const cues = readCallCues(userText);
  let calls: Cue[];
  const named = record(record(body.tool_choice).function).name;
  if (cues.length > 0) calls = cues;
  else if (typeof named === "string") calls = [{ name: named }];
  else {
    const mentioned = tools
      .map((tool) => ({ name: String(nameOf(tool) ?? ""), at: userText.indexOf(String(nameOf(tool) ?? "")) }))
      .filter((t) => t.name !== "" && t.at >= 0)
      .sort((a, b) => a.at - b.at);
    calls =
      mentioned.length > 0 ? mentioned.map((t) => ({ name: t.name })) : [{ name: String(nameOf(tools[0]) ?? "tool") }];
  }
  return calls.map((cue) => {
    const tool = tools.find((t) => nameOf(t) === cue.name);
    const args = cue.args ?? JSON.stringify(exampleArgs(record(record(tool).function).parameters));
    return {
      id: `call_${randomId(24)}`,
      name: cue.name,
      arguments: args,
      argPieces: splitChunks(args, chunkSize ?? Math.max(4, Math.ceil(args.length / 4))),
    };
  });
}

/** Arguments that satisfy a JSON-schema `parameters` object: defaults and examples where given. */
function exampleArgs(schema: unknown): Record<string, unknown> {
  const value = exampleValue({ type: "object", ...record(schema) });
  return record(value);
}

/** A value that conforms to `schema` (the keywords function parameters and JSON-mode schemas use). */
export function exampleValue(schema: unknown, depth = 0): unknown {
  const s = record(schema);
  if (depth > 20) return null;
  if ("const" in s) return s.const;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const list = s[key];
    if (Array.isArray(list) && list.length > 0) return exampleValue({ ...list[0], ...omit(s, key) }, depth + 1);
  }
  const type = Array.isArray(s.type) ? s.type[0] : (s.type ?? (s.properties ? "object" : undefined));
  switch (type) {
    case "number":
    case "integer":
    case "int":
    case "float": {
      const min =
        typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum + 1 : 1;
      const max = typeof s.maximum === "number" ? s.maximum : Number.POSITIVE_INFINITY;
      return Math.min(Math.max(1, Math.ceil(min)), max);
    }
    case "boolean":
    case "bool":
      return true;
    case "null":
      return null;
    case "array":
    case "list": {
      const count = Math.max(1, typeof s.minItems === "number" ? s.minItems : 1);
      return Array.from({ length: count }, () => exampleValue(s.items, depth + 1));
    }
    case "object":
    case "dict": {
      const props = record(s.properties);
      const out: Record<string, unknown> = {};
      // Every described property, the required ones included, so a schema check finds nothing missing.
      for (const [name, sub] of Object.entries(props)) out[name] = exampleValue(sub, depth + 1);
      if (Array.isArray(s.required)) {
        for (const name of s.required) if (typeof name === "string" && !(name in out)) out[name] = "example";
      }
      return out;
    }
    default: {
      if (s.format === "date") return "2026-01-01";
      if (s.format === "date-time") return "2026-01-01T00:00:00Z";
      if (s.format === "email") return "demo@example.com";
      if (s.format === "uri" || s.format === "url") return "https://example.com/";
      const min = typeof s.minLength === "number" ? s.minLength : 0;
      return "example".padEnd(min, "x");
    }
  }
}

function omit(s: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = s;
  return rest;
}

/**
 * The reply after tool results: each result quoted under its function's name, matched by tool_call_id to
 * the assistant message that made the calls.
 */
export function toolResultAnswer(messages: unknown[]): string {
  const results: { name: string; content: string }[] = [];
  let i = messages.length - 1;
  while (i >= 0 && record(messages[i]).role === "tool") i--;
  const calls = Array.isArray(record(messages[i]).tool_calls) ? (record(messages[i]).tool_calls as unknown[]) : [];
  for (const message of messages.slice(i + 1)) {
    const m = record(message);
    const call = calls.find((c) => record(c).id === m.tool_call_id);
    const content = typeof m.content === "string" ? m.content : JSON.stringify(m.content ?? "");
    results.push({ name: String(record(record(call).function).name ?? "tool"), content });
  }
  const zh = results.some((r) => isChinese(r.content));
  const quote = (content: string) => {
    const short = content.length > 200 ? `${content.slice(0, 199)}…` : content;
    return `\`\`\`\n${short}\n\`\`\``;
  };
  const blocks = results.map((r) =>
    zh
      ? `工具 \`${r.name}\` 返回了结果：\n\n${quote(r.content)}`
      : `The tool \`${r.name}\` returned:\n\n${quote(r.content)}`,
  );
  return `${blocks.join("\n\n")}\n\n${zh ? "根据这些结果，回答已经完成。" : "Based on these results, the answer is complete."}`;
}

/**
 * Tool messages must answer the calls of the assistant message before them, and every call must be
 * answered before the conversation moves on. The wording is OpenAI's for the same refusals (providers
 * that follow its format refuse these requests; SiliconFlow's own wording is not documented: assumed).
 */
export function toolMessageProblem(messages: unknown[]): string | null {
  let open: string[] = [];
  let known = new Set<string>();
  for (const message of messages) {
    const m = record(message);
    if (m.role === "tool") {
      const id = m.tool_call_id;
      if (typeof id !== "string" || !known.has(id)) {
        return "Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls'.";
      }
      open = open.filter((o) => o !== id);
      continue;
    }
    if (open.length > 0) {
      return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${open.join(", ")}`;
    }
    const calls = m.role === "assistant" && Array.isArray(m.tool_calls) ? m.tool_calls : [];
    known = new Set(calls.map((c) => String(record(c).id)));
    open = [...known];
  }
  return open.length > 0
    ? `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${open.join(", ")}`
    : null;
}
