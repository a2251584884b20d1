import { bilingual } from "@/lib/i18n";
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

export interface ParsedTools {
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
  const add = (path: (string | number)[], severity: Severity, en: string, zh: string) =>
    issues.push({ pointer: toPointer(path), severity, message: { en, zh } });

  if (!Array.isArray(value)) {
    if (isRecord(value) && ("function" in value || "name" in value)) {
      add([], "error", "Put the tool inside a list: [ { … } ].", "请把工具放在列表中：[ { … } ]。");
    } else {
      add([], "error", "Tool definitions must be a JSON array of tools.", "工具定义必须是由工具组成的 JSON 数组。");
    }
    return issues;
  }
  if (value.length > MAX_TOOLS) {
    add([], "error", `At most ${MAX_TOOLS} tools can be sent.`, `最多只能发送 ${MAX_TOOLS} 个工具。`);
  }
  const names = new Map<string, number>();
  value.forEach((tool, i) => {
    if (!isRecord(tool)) {
      add([i], "error", "Each tool must be an object.", "每个工具必须是一个对象。");
      return;
    }
    if (tool.type !== "function") {
      add(
        [i, "type"],
        "error",
        'Each tool needs "type": "function" (the only type providers take).',
        '每个工具都需要 "type": "function"（服务商只支持这一种）。',
      );
    }
    const fn = tool.function;
    if (!isRecord(fn)) {
      add(
        [i],
        "error",
        'Each tool needs a "function" object with a name.',
        "每个工具都需要一个带名称的“function”对象。",
      );
      return;
    }
    const name = fn.name;
    if (typeof name !== "string" || name === "") {
      add([i, "function"], "error", 'The function needs a "name".', "函数需要“name”。");
    } else if (!TOOL_NAME_PATTERN.test(name)) {
      add(
        [i, "function", "name"],
        "error",
        `"${name}": a name has letters, digits, _ and - only, at most 64 characters.`,
        `“${name}”：名称只能包含字母、数字、_ 和 -，最多 64 个字符。`,
      );
    } else if (names.has(name)) {
      add([i, "function", "name"], "error", `"${name}" is defined twice.`, `“${name}”重复定义。`);
    } else {
      names.set(name, i);
    }
    if (fn.description === undefined) {
      add(
        [i, "function"],
        "warning",
        "Add a description: the model chooses tools by what it says.",
        "请添加描述：模型根据描述来选择工具。",
      );
    } else if (typeof fn.description !== "string") {
      add([i, "function", "description"], "error", '"description" must be a string.', "“description”必须是字符串。");
    } else if (fn.description.length > TOOL_DESCRIPTION_MAX) {
      add(
        [i, "function", "description"],
        "error",
        `The description is longer than ${TOOL_DESCRIPTION_MAX} characters.`,
        `描述超过 ${TOOL_DESCRIPTION_MAX} 个字符。`,
      );
    }
    if ("strict" in fn && typeof fn.strict !== "boolean") {
      add([i, "function", "strict"], "error", '"strict" must be true or false.', "“strict”必须是 true 或 false。");
    }
    if (!("parameters" in fn)) return;
    const params = fn.parameters;
    const at = [i, "function", "parameters"];
    if (!isRecord(params)) {
      add(at, "error", '"parameters" must be a JSON Schema object.', "“parameters”必须是 JSON Schema 对象。");
      return;
    }
    const schemaIssues = checkJsonSchema(params, at);
    if (params.type === undefined) {
      add(at, "warning", 'Parameters are usually { "type": "object", … }.', '参数通常写作 { "type": "object", … }。');
    } else if (params.type !== "object") {
      // One message for the top-level type, not this one and the schema check's.
      const typeAt = toPointer([...at, "type"]);
      schemaIssues.splice(0, schemaIssues.length, ...schemaIssues.filter((issue) => issue.pointer !== typeAt));
      add(
        [...at, "type"],
        "error",
        'Function parameters must be an object schema: "type": "object".',
        '函数参数必须是对象类型的 schema："type": "object"。',
      );
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
