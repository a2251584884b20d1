import { bilingual } from "@/lib/i18n";
import { locate, parseJsonWithPositions, type TextPosition } from "@/lib/json/positions";
import { checkJsonSchema, type SchemaIssue } from "@/lib/json/schema-check";
// From the zod-free bounds, not the contract: the browser runs this file.
import { JSON_SCHEMA_MAX_CHARS } from "./bounds";

// The JSON-mode schema editor's text read as a schema. Apart from json-reply.ts (which checks replies
// against the schema with a JSON Schema validator) because every send reads the schema text: the chat
// page loads this up front, and the validator only with a reply's JSON view.

interface ParsedSchema {
  /** The schema, when it has no error (warnings allowed). */
  schema?: Record<string, unknown>;
  issues: (SchemaIssue & { at?: TextPosition })[];
}

/** The JSON-mode schema editor's text → the schema, or its issues with their lines. Empty text = no schema. */
export function parseSchemaText(text: string): ParsedSchema {
  if (text.trim() === "") return { issues: [] };
  if (text.length > JSON_SCHEMA_MAX_CHARS) {
    return {
      issues: [
        {
          pointer: "",
          severity: "error",
          message: bilingual({ key: "json.schemaTooLong", vars: { max: JSON_SCHEMA_MAX_CHARS } }),
        },
      ],
    };
  }
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok)
    return { issues: [{ pointer: "", severity: "error", message: parsed.error.message, at: parsed.error.at }] };
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      issues: [
        {
          pointer: "",
          severity: "error",
          message: bilingual({ key: "json.schemaNotObject" }),
          at: parsed.locations.get("")?.start,
        },
      ],
    };
  }
  const issues = checkJsonSchema(value).map((issue) => {
    const where = locate(parsed.locations, issue.pointer);
    return where ? { ...issue, at: where.key ?? where.start } : issue;
  });
  const blocked = issues.some((issue) => issue.severity === "error");
  return blocked ? { issues } : { schema: value as Record<string, unknown>, issues };
}
