import { describe, expect, it } from "vitest";
import { readJsonReply, retryWithErrorsMessage } from "@/lib/chat/playground/client/json-reply";
import { parseSchemaText } from "@/lib/chat/playground/schema-text";
import { validateAgainstSchema } from "@/lib/json/validate";
import { jsonModeReply } from "@/lib/simulator/json-replies";

// JSON mode: reading a reply, checking it against the schema with each problem at its path and line,
// and the message "Retry with the errors" sends. Also the simulator's JSON-mode replies.

const schema = {
  type: "object",
  properties: {
    name: { type: "string" },
    age: { type: "integer", minimum: 0 },
    tags: { type: "array", items: { type: "string" } },
  },
  required: ["name", "age"],
  additionalProperties: false,
};

describe("readJsonReply", () => {
  it("reads a conforming reply, also inside a Markdown fence", () => {
    expect(readJsonReply('{"name":"Ada","age":36}', schema)).toMatchObject({ kind: "json", issues: [], fenced: false });
    const fenced = readJsonReply('```json\n{"name":"Ada","age":36}\n```', schema);
    expect(fenced).toMatchObject({ kind: "json", issues: [], fenced: true });
  });

  it("points each violation at its path and line", () => {
    const reply = readJsonReply('{\n  "name": 5,\n  "age": -1,\n  "tags": ["a", 2],\n  "extra": true\n}', schema);
    expect(reply.kind).toBe("json");
    if (reply.kind !== "json") return;
    expect(reply.issues.map((i) => [i.pointer, i.at?.line])).toEqual(
      expect.arrayContaining([
        ["/name", 2],
        ["/age", 3],
        ["/tags/1", 4],
      ]),
    );
    expect(reply.issues.some((i) => i.keyword === "additionalProperties" || i.pointer === "/extra")).toBe(true);
    for (const issue of reply.issues) expect(issue.message.zh).toBeTruthy();
  });

  it("shows invalid JSON as text with where parsing stopped, and an empty reply as empty", () => {
    const reply = readJsonReply('{\n  "name": "Ad', schema);
    expect(reply.kind).toBe("invalid");
    if (reply.kind === "invalid") expect(reply.error.at.line).toBe(2);
    expect(readJsonReply("   ").kind).toBe("empty");
  });

  it("Retry with the errors lists the problems in the conversation's language", () => {
    const reply = readJsonReply('{"age": 3}', schema);
    expect(retryWithErrorsMessage(reply, "en")).toMatch(/required JSON Schema[\s\S]*name/);
    expect(retryWithErrorsMessage(reply, "zh")).toContain("JSON Schema");
    expect(retryWithErrorsMessage(readJsonReply('{"name":"a","age":1}', schema), "en")).toBeUndefined();
    expect(retryWithErrorsMessage(readJsonReply("{oops"), "en")).toContain("not valid JSON");
  });
});

describe("parseSchemaText", () => {
  it("takes an empty text as no schema and points a bad keyword at its line", () => {
    expect(parseSchemaText("")).toEqual({ issues: [] });
    const parsed = parseSchemaText('{\n  "type": "object",\n  "required": "name"\n}');
    expect(parsed.schema).toBeUndefined();
    expect(parsed.issues[0]?.at?.line).toBe(3);
    expect(parseSchemaText("[1]").issues[0]?.message.en).toContain("object");
  });
});

describe("validateAgainstSchema", () => {
  it("supports draft 2020-12 keywords and never throws on a broken schema", () => {
    expect(
      validateAgainstSchema([1, "a"], { type: "array", prefixItems: [{ type: "integer" }, { type: "string" }] }),
    ).toEqual([]);
    expect(() => validateAgainstSchema({}, { $ref: "#/nowhere" })).not.toThrow();
  });
});

describe("the simulator's JSON mode", () => {
  const instruction = `Reply with JSON.\nThe object must conform to this JSON Schema:\n\`\`\`json\n${JSON.stringify(schema)}\n\`\`\``;
  const body = { messages: [{ role: "system", content: instruction }], response_format: { type: "json_object" } };
  const fallback = () => '{"answer":"x"}';

  it("answers with an object that conforms to the schema in the system prompt", () => {
    const reply = readJsonReply(jsonModeReply(body, "a person", fallback), schema);
    expect(reply).toMatchObject({ kind: "json", issues: [] });
  });

  it("breaks the schema or the syntax on cue", () => {
    const violated = readJsonReply(jsonModeReply(body, "[[json:violate]]", fallback), schema);
    expect(violated.kind === "json" && violated.issues.length).toBeGreaterThan(0);
    expect(readJsonReply(jsonModeReply(body, "[[json:invalid]]", fallback)).kind).toBe("invalid");
  });
});
