import { toPointer } from "./positions";

// Is this a JSON Schema? A structural check of the keywords that function parameters and JSON-mode
// schemas use (drafts 7 and 2020-12, whose keyword sets this covers), with a message per problem at the
// keyword's JSON Pointer so an editor can mark the line. Hand-written rather than a meta-schema run
// because a meta-schema answers "does not match anyOf" where a person needs "'int' is not a JSON Schema
// type: use integer". Unknown keywords are allowed, as the specification says. Pure, browser-safe.

export type Severity = "error" | "warning";

export interface SchemaIssue {
  /** JSON Pointer inside the schema, e.g. `/properties/city/type`. */
  pointer: string;
  severity: Severity;
  message: { en: string; zh: string };
}

const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

/**
 * Python-flavoured names that SiliconFlow's own function-calling example uses (seed 004: `'type': 'int'`,
 * `'str'`, `'float'`). Providers pass them on, so they are warnings, with the standard name to use.
 */
const TYPE_ALIASES: Record<string, string> = {
  int: "integer",
  float: "number",
  double: "number",
  str: "string",
  bool: "boolean",
  dict: "object",
  list: "array",
};

const SCHEMA_KEYS = [
  "additionalProperties",
  "additionalItems",
  "contains",
  "not",
  "if",
  "then",
  "else",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
] as const;
const SCHEMA_ARRAY_KEYS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;
const SCHEMA_MAP_KEYS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"] as const;
const NON_NEGATIVE_INTS = [
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "minContains",
  "maxContains",
] as const;
const RANGES: [string, string][] = [
  ["minLength", "maxLength"],
  ["minItems", "maxItems"],
  ["minProperties", "maxProperties"],
  ["minimum", "maximum"],
];
const STRING_KEYS = ["title", "description", "$comment", "format", "$ref", "$id", "$schema", "$anchor"] as const;

const MAX_DEPTH = 64;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every problem found in `schema`; pointers are relative to it, prefixed with `base` when given. */
export function checkJsonSchema(schema: unknown, base: (string | number)[] = []): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  walk(schema, base, 0, issues);
  return issues;
}

function walk(schema: unknown, path: (string | number)[], depth: number, issues: SchemaIssue[]): void {
  const add = (at: (string | number)[], severity: Severity, en: string, zh: string) =>
    issues.push({ pointer: toPointer(at), severity, message: { en, zh } });
  if (typeof schema === "boolean") return;
  if (!isRecord(schema)) {
    add(path, "error", "A schema must be an object (or true/false).", "Schema 必须是对象（或 true/false）。");
    return;
  }
  if (depth > MAX_DEPTH) {
    add(path, "error", "The schema is nested too deeply.", "Schema 嵌套层数过多。");
    return;
  }

  if ("type" in schema) checkType(schema.type, [...path, "type"], add);

  for (const key of STRING_KEYS) {
    if (key in schema && typeof schema[key] !== "string") {
      add([...path, key], "error", `"${key}" must be a string.`, `“${key}”必须是字符串。`);
    }
  }

  for (const key of SCHEMA_KEYS) {
    if (key in schema) walk(schema[key], [...path, key], depth + 1, issues);
  }
  if ("items" in schema) {
    const items = schema.items;
    if (Array.isArray(items)) {
      items.forEach((s, i) => {
        walk(s, [...path, "items", i], depth + 1, issues);
      });
    } else walk(items, [...path, "items"], depth + 1, issues);
  }
  for (const key of SCHEMA_ARRAY_KEYS) {
    if (!(key in schema)) continue;
    const list = schema[key];
    if (!Array.isArray(list) || list.length === 0) {
      add(
        [...path, key],
        "error",
        `"${key}" must be a non-empty array of schemas.`,
        `“${key}”必须是非空的 schema 数组。`,
      );
      continue;
    }
    list.forEach((s, i) => {
      walk(s, [...path, key, i], depth + 1, issues);
    });
  }
  for (const key of SCHEMA_MAP_KEYS) {
    if (!(key in schema)) continue;
    const map = schema[key];
    if (!isRecord(map)) {
      add([...path, key], "error", `"${key}" must be an object of schemas.`, `“${key}”必须是由 schema 组成的对象。`);
      continue;
    }
    for (const [name, sub] of Object.entries(map)) {
      if (key === "patternProperties" && !validRegex(name)) {
        add(
          [...path, key, name],
          "error",
          `"${name}" is not a valid regular expression.`,
          `“${name}”不是有效的正则表达式。`,
        );
      }
      walk(sub, [...path, key, name], depth + 1, issues);
    }
  }

  if ("required" in schema) checkRequired(schema, path, add);
  if ("dependentRequired" in schema) {
    const deps = schema.dependentRequired;
    if (
      !isRecord(deps) ||
      !Object.values(deps).every((v) => Array.isArray(v) && v.every((s) => typeof s === "string"))
    ) {
      add(
        [...path, "dependentRequired"],
        "error",
        '"dependentRequired" maps property names to arrays of property names.',
        "“dependentRequired”应把属性名映射到属性名数组。",
      );
    }
  }
  if ("enum" in schema) {
    if (!Array.isArray(schema.enum)) {
      add([...path, "enum"], "error", '"enum" must be an array of allowed values.', "“enum”必须是允许值组成的数组。");
    } else if (schema.enum.length === 0) {
      add([...path, "enum"], "warning", '"enum" is empty: no value can match.', "“enum”为空：任何值都无法匹配。");
    }
  }
  if ("examples" in schema && !Array.isArray(schema.examples)) {
    add([...path, "examples"], "error", '"examples" must be an array.', "“examples”必须是数组。");
  }
  if ("pattern" in schema && typeof schema.pattern === "string" && !validRegex(schema.pattern)) {
    add(
      [...path, "pattern"],
      "error",
      `"${schema.pattern}" is not a valid regular expression.`,
      `“${schema.pattern}”不是有效的正则表达式。`,
    );
  } else if ("pattern" in schema && typeof schema.pattern !== "string") {
    add([...path, "pattern"], "error", '"pattern" must be a string.', "“pattern”必须是字符串。");
  }
  for (const key of NON_NEGATIVE_INTS) {
    if (!(key in schema)) continue;
    const v = schema[key];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      add([...path, key], "error", `"${key}" must be a whole number ≥ 0.`, `“${key}”必须是大于等于 0 的整数。`);
    }
  }
  for (const key of ["minimum", "maximum"] as const) {
    if (key in schema && (typeof schema[key] !== "number" || !Number.isFinite(schema[key]))) {
      add([...path, key], "error", `"${key}" must be a number.`, `“${key}”必须是数字。`);
    }
  }
  for (const key of ["exclusiveMinimum", "exclusiveMaximum"] as const) {
    const v = schema[key];
    // A number since draft 6; a boolean modifier in draft 4.
    if (key in schema && typeof v !== "boolean" && (typeof v !== "number" || !Number.isFinite(v))) {
      add([...path, key], "error", `"${key}" must be a number.`, `“${key}”必须是数字。`);
    }
  }
  if ("multipleOf" in schema) {
    const v = schema.multipleOf;
    if (typeof v !== "number" || !(v > 0)) {
      add([...path, "multipleOf"], "error", '"multipleOf" must be a number > 0.', "“multipleOf”必须是大于 0 的数字。");
    }
  }
  for (const [min, max] of RANGES) {
    const lo = schema[min];
    const hi = schema[max];
    if (typeof lo === "number" && typeof hi === "number" && lo > hi) {
      add(
        [...path, min],
        "error",
        `"${min}" (${lo}) is larger than "${max}" (${hi}).`,
        `“${min}”（${lo}）大于“${max}”（${hi}）。`,
      );
    }
  }
}

type Add = (at: (string | number)[], severity: Severity, en: string, zh: string) => void;

function checkType(type: unknown, at: (string | number)[], add: Add): void {
  const names = Array.isArray(type) ? type : [type];
  if (names.length === 0) {
    add(at, "error", '"type" is an empty list.', "“type”是空列表。");
    return;
  }
  names.forEach((name, i) => {
    const where = Array.isArray(type) ? [...at, i] : at;
    if (typeof name !== "string") {
      add(where, "error", '"type" must be a type name or a list of them.', "“type”必须是类型名或类型名列表。");
    } else if (TYPE_ALIASES[name]) {
      add(
        where,
        "warning",
        `"${name}" is not a JSON Schema type: use "${TYPE_ALIASES[name]}".`,
        `“${name}”不是 JSON Schema 类型：请改用“${TYPE_ALIASES[name]}”。`,
      );
    } else if (!TYPES.has(name)) {
      add(
        where,
        "error",
        `"${name}" is not a JSON Schema type. Use one of: string, number, integer, boolean, object, array, null.`,
        `“${name}”不是 JSON Schema 类型。可用：string、number、integer、boolean、object、array、null。`,
      );
    }
  });
}

function checkRequired(schema: Record<string, unknown>, path: (string | number)[], add: Add): void {
  const required = schema.required;
  const at = [...path, "required"];
  if (typeof required === "boolean") {
    add(
      at,
      "error",
      '"required" is a list of property names on the parent object, not true/false on a property.',
      "“required”应写在父对象上，是属性名列表，而不是属性上的 true/false。",
    );
    return;
  }
  if (!Array.isArray(required) || !required.every((r) => typeof r === "string")) {
    add(at, "error", '"required" must be an array of property names.', "“required”必须是属性名数组。");
    return;
  }
  const seen = new Set<string>();
  required.forEach((name, i) => {
    if (seen.has(name)) add([...at, i], "warning", `"${name}" is listed twice.`, `“${name}”重复列出。`);
    seen.add(name);
  });
  const props = schema.properties;
  if (isRecord(props) && !("patternProperties" in schema) && schema.additionalProperties !== true) {
    required.forEach((name, i) => {
      if (!Object.hasOwn(props, name)) {
        add(
          [...at, i],
          "warning",
          `"${name}" is required but not described under "properties".`,
          `“${name}”被列为必填，但没有在“properties”中定义。`,
        );
      }
    });
  }
}

function validRegex(source: string): boolean {
  try {
    new RegExp(source, "u");
    return true;
  } catch {
    return false;
  }
}
