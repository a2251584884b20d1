import "server-only";

// JSON mode's request half. The server asks for `response_format: {type: "json_object"}` — the only JSON
// type SiliconFlow's and GLM's chat APIs document (upstream-contract.md: `response_format: {type: "text" |
// "json_object"}`; seed 003 "JSON 模式") — and puts the schema, when there is one, in the system prompt,
// since neither provider documents OpenAI's `json_schema` type. The browser reads the reply against the
// same schema (client/json-reply.ts).

/** Appended to the system prompt in JSON mode (English: every model reads it). */
export function jsonModeInstruction(schema?: Record<string, unknown>): string {
  const base = "Reply with one JSON object and nothing else: no Markdown code fence, no text before or after it.";
  if (!schema) return base;
  return `${base}\nThe object must conform to this JSON Schema:\n\`\`\`json\n${JSON.stringify(schema, null, 2)}\n\`\`\``;
}
