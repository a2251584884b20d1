import { exampleValue } from "./tool-calls";
import { record } from "./values";

// What a simulated model writes in JSON mode (`response_format: {type: "json_object"}`, the form both
// providers document — seeds 003/004, upstream-contract.md). Like a real model it reads the wanted
// schema from the prompt: the app puts it in the system prompt as a ```json block after "conform to
// this JSON Schema" (lib/chat/playground/server/json-mode.ts); `response_format.json_schema.schema` is read too.
// The reply conforms to that schema. Cues for tests:
// - `[[json:invalid]]`: not JSON at all (an object cut off mid-string, as when max_tokens ends it —
//   the docs warn that clients must handle that: "你的应用必须检测并处理可能导致模型输出不完整JSON对象的边缘案例");
// - `[[json:violate]]`: valid JSON that breaks the schema (a required property missing or a wrong type).

function schemaFromRequest(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const format = record(body.response_format);
  const direct = record(record(format.json_schema).schema);
  if (Object.keys(direct).length > 0) return direct;
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const message of messages) {
    const m = record(message);
    if (m.role !== "system" && m.role !== "user") continue;
    const text =
      typeof m.content === "string"
        ? m.content
        : Array.isArray(m.content)
          ? m.content.map((p) => String(record(p).text ?? "")).join("\n")
          : "";
    const at = text.indexOf("JSON Schema:");
    if (at < 0) continue;
    const block = /```json\n([\s\S]*?)\n```/.exec(text.slice(at))?.[1];
    if (!block) continue;
    try {
      const schema: unknown = JSON.parse(block);
      if (typeof schema === "object" && schema !== null && !Array.isArray(schema))
        return schema as Record<string, unknown>;
    } catch {
      // not a schema: answer without one
    }
  }
  return undefined;
}

/** The JSON-mode reply for this request; `fallback` is the schema-less object. */
export function jsonModeReply(body: Record<string, unknown>, userText: string, fallback: () => string): string {
  const schema = schemaFromRequest(body);
  const cue = /\[\[json:(invalid|violate)\]\]/.exec(userText)?.[1];
  if (cue === "invalid") {
    const whole = schema ? JSON.stringify(exampleValue(schema), null, 2) : fallback();
    // Cut inside the first string value: an unterminated string, as a reply stopped by max_tokens ends.
    const quote = whole.indexOf(': "');
    return quote > 0 ? whole.slice(0, quote + 6) : `${whole.slice(0, Math.ceil(whole.length / 2))}`;
  }
  if (!schema) return cue === "violate" ? JSON.stringify(["not", "an", "object"]) : fallback();
  const value = exampleValue(schema);
  return JSON.stringify(cue === "violate" ? violate(value, schema) : value, null, 2);
}

/** `value` made to break `schema`: a required property removed, else a property of the wrong type. */
function violate(value: unknown, schema: Record<string, unknown>): unknown {
  const object = record(value);
  const required = Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === "string") : [];
  if (required.length > 0) {
    const { [required[0] as string]: _removed, ...rest } = object;
    return rest;
  }
  const props = Object.entries(record(schema.properties));
  const typed = props.find(([, sub]) => typeof record(sub).type === "string");
  if (typed) {
    const [name, sub] = typed;
    return { ...object, [name]: record(sub).type === "string" ? 12345 : "not the right type" };
  }
  return ["not", "an", "object"];
}
