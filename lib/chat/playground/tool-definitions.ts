import { bilingual, type MessageKey, type MessageVars } from "@/lib/i18n";
import { type Located, locate, parseJsonWithPositions, type TextPosition, toPointer } from "@/lib/json/positions";
import { checkJsonSchema, type SchemaIssue, type Severity } from "@/lib/json/schema-check";
// Values from the zod-free bounds, types from the contract: the browser runs this file, and zod stays out of it.
import { MAX_TOOLS, TOOL_DEFINITIONS_MAX_CHARS, TOOL_DESCRIPTION_MAX, TOOL_NAME_PATTERN } from "./bounds";
import type { FunctionTool } from "./contract";

// The "Tool definitions" editor's checks, as the user types: an array of OpenAI-format function tools
// whose `parameters` are JSON Schemas. Errors block sending; warnings do not (providers accept them).
// Every issue has a JSON Pointer and, for text, the line and column, so the editor can mark the line.
// The server runs checkToolDefinitions on the request too. Pure, browser-safe.

export interface ToolIssue extends SchemaIssue {
  /** Where to show it in the text (parseToolDefinitions only). */
  at?: TextPosition;
  end?: TextPosition;
}

interface ParsedTools {
  /** The tools, when there is no error (warnings allowed). */
  tools?: FunctionTool[];
  issues: ToolIssue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every problem with a parsed definitions value (the request's `tools.definitions`, or the editor's JSON). */
export function checkToolDefinitions(value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const add = (path: (string | number)[], severity: Severity, key: MessageKey, vars?: MessageVars) =>
    issues.push({ pointer: toPointer(path), severity, message: bilingual({ key, vars }) });

  if (!Array.isArray(value)) {
    if (isRecord(value) && ("function" in value || "name" in value)) {
      add([], "error", "json.tool.notInList");
    } else {
      add([], "error", "json.tool.notArray");
    }
    return issues;
  }
  if (value.length > MAX_TOOLS) {
    add([], "error", "json.tool.tooMany", { max: MAX_TOOLS });
  }
  const names = new Map<string, number>();
  value.forEach((tool, i) => {
    if (!isRecord(tool)) {
      add([i], "error", "json.tool.notObject");
      return;
    }
    if (tool.type !== "function") {
      add([i, "type"], "error", "json.tool.notFunction");
    }
    const fn = tool.function;
    if (!isRecord(fn)) {
      add([i], "error", "json.tool.noFunction");
      return;
    }
    const name = fn.name;
    if (typeof name !== "string" || name === "") {
      add([i, "function"], "error", "json.tool.noName");
    } else if (!TOOL_NAME_PATTERN.test(name)) {
      add([i, "function", "name"], "error", "json.tool.badName", { name });
    } else if (names.has(name)) {
      add([i, "function", "name"], "error", "json.tool.twice", { name });
    } else {
      names.set(name, i);
    }
    if (fn.description === undefined) {
      add([i, "function"], "warning", "json.tool.noDescription");
    } else if (typeof fn.description !== "string") {
      add([i, "function", "description"], "error", "json.tool.descriptionNotString");
    } else if (fn.description.length > TOOL_DESCRIPTION_MAX) {
      add([i, "function", "description"], "error", "json.tool.descriptionTooLong", { max: TOOL_DESCRIPTION_MAX });
    }
    if ("strict" in fn && typeof fn.strict !== "boolean") {
      add([i, "function", "strict"], "error", "json.tool.strictNotBoolean");
    }
    if (!("parameters" in fn)) return;
    const params = fn.parameters;
    const at = [i, "function", "parameters"];
    if (!isRecord(params)) {
      add(at, "error", "json.tool.parametersNotObject");
      return;
    }
    const schemaIssues = checkJsonSchema(params, at);
    if (params.type === undefined) {
      add(at, "warning", "json.tool.parametersUntyped");
    } else if (params.type !== "object") {
      // One message for the top-level type, not this one and the schema check's.
      const typeAt = toPointer([...at, "type"]);
      schemaIssues.splice(0, schemaIssues.length, ...schemaIssues.filter((issue) => issue.pointer !== typeAt));
      add([...at, "type"], "error", "json.tool.parametersNotObjectType");
    }
    issues.push(...schemaIssues);
  });
  return issues;
}

/** The editor's text → the tools, or the issues with their lines. */
export function parseToolDefinitions(text: string): ParsedTools {
  if (text.length > TOOL_DEFINITIONS_MAX_CHARS) {
    return {
      issues: [
        {
          pointer: "",
          severity: "error",
          message: bilingual({ key: "json.toolsTooLong", vars: { max: TOOL_DEFINITIONS_MAX_CHARS } }),
        },
      ],
    };
  }
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) {
    return { issues: [{ pointer: "", severity: "error", message: parsed.error.message, at: parsed.error.at }] };
  }
  const issues: ToolIssue[] = checkToolDefinitions(parsed.value).map((issue) => withPosition(issue, parsed.locations));
  issues.sort((a, b) => (a.at?.offset ?? 0) - (b.at?.offset ?? 0));
  const blocked = issues.some((issue) => issue.severity === "error");
  return blocked ? { issues } : { tools: parsed.value as FunctionTool[], issues };
}

function withPosition(issue: SchemaIssue, locations: Map<string, Located>): ToolIssue {
  const where = locate(locations, issue.pointer);
  if (!where) return issue;
  return { ...issue, at: where.key ?? where.start, end: where.end };
}
