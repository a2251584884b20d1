import { bilingual, type MessageKey, type MessageVars } from "@/lib/i18n";
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
  const add: Add = (at, severity, key, vars) =>
    issues.push({ pointer: toPointer(at), severity, message: bilingual({ key, vars }) });
  if (typeof schema === "boolean") return;
  if (!isRecord(schema)) {
    add(path, "error", "json.schema.notSchema");
    return;
  }
  if (depth > MAX_DEPTH) {
    add(path, "error", "json.schema.tooDeep");
    return;
  }

  if ("type" in schema) checkType(schema.type, [...path, "type"], add);

  for (const key of STRING_KEYS) {
    if (key in schema && typeof schema[key] !== "string") {
      add([...path, key], "error", "json.schema.notString", { key });
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
      add([...path, key], "error", "json.schema.notSchemaList", { key });
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
      add([...path, key], "error", "json.schema.notSchemaMap", { key });
      continue;
    }
    for (const [name, sub] of Object.entries(map)) {
      if (key === "patternProperties" && !validRegex(name)) {
        add([...path, key, name], "error", "json.schema.badRegex", { pattern: name });
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
      add([...path, "dependentRequired"], "error", "json.schema.dependentRequired");
    }
  }
  if ("enum" in schema) {
    if (!Array.isArray(schema.enum)) {
      add([...path, "enum"], "error", "json.schema.enumNotArray");
    } else if (schema.enum.length === 0) {
      add([...path, "enum"], "warning", "json.schema.enumEmpty");
    }
  }
  if ("examples" in schema && !Array.isArray(schema.examples)) {
    add([...path, "examples"], "error", "json.schema.examplesNotArray");
  }
  if ("pattern" in schema && typeof schema.pattern === "string" && !validRegex(schema.pattern)) {
    add([...path, "pattern"], "error", "json.schema.badRegex", { pattern: schema.pattern });
  } else if ("pattern" in schema && typeof schema.pattern !== "string") {
    add([...path, "pattern"], "error", "json.schema.patternNotString");
  }
  for (const key of NON_NEGATIVE_INTS) {
    if (!(key in schema)) continue;
    const v = schema[key];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      add([...path, key], "error", "json.schema.notCount", { key });
    }
  }
  for (const key of ["minimum", "maximum"] as const) {
    if (key in schema && (typeof schema[key] !== "number" || !Number.isFinite(schema[key]))) {
      add([...path, key], "error", "json.schema.notNumber", { key });
    }
  }
  for (const key of ["exclusiveMinimum", "exclusiveMaximum"] as const) {
    const v = schema[key];
    // A number since draft 6; a boolean modifier in draft 4.
    if (key in schema && typeof v !== "boolean" && (typeof v !== "number" || !Number.isFinite(v))) {
      add([...path, key], "error", "json.schema.notNumber", { key });
    }
  }
  if ("multipleOf" in schema) {
    const v = schema.multipleOf;
    if (typeof v !== "number" || !(v > 0)) {
      add([...path, "multipleOf"], "error", "json.schema.multipleOf");
    }
  }
  for (const [min, max] of RANGES) {
    const lo = schema[min];
    const hi = schema[max];
    if (typeof lo === "number" && typeof hi === "number" && lo > hi) {
      add([...path, min], "error", "json.schema.range", { min, lo, max, hi });
    }
  }
}

type Add = (at: (string | number)[], severity: Severity, key: MessageKey, vars?: MessageVars) => void;

function checkType(type: unknown, at: (string | number)[], add: Add): void {
  const names = Array.isArray(type) ? type : [type];
  if (names.length === 0) {
    add(at, "error", "json.schema.typeEmpty");
    return;
  }
  names.forEach((name, i) => {
    const where = Array.isArray(type) ? [...at, i] : at;
    if (typeof name !== "string") {
      add(where, "error", "json.schema.typeNotName");
    } else if (TYPE_ALIASES[name]) {
      add(where, "warning", "json.schema.typeAlias", { name, use: TYPE_ALIASES[name] ?? name });
    } else if (!TYPES.has(name)) {
      add(where, "error", "json.schema.typeUnknown", { name });
    }
  });
}

function checkRequired(schema: Record<string, unknown>, path: (string | number)[], add: Add): void {
  const required = schema.required;
  const at = [...path, "required"];
  if (typeof required === "boolean") {
    add(at, "error", "json.schema.requiredBoolean");
    return;
  }
  if (!Array.isArray(required) || !required.every((r) => typeof r === "string")) {
    add(at, "error", "json.schema.requiredNotArray");
    return;
  }
  const seen = new Set<string>();
  required.forEach((name, i) => {
    if (seen.has(name)) add([...at, i], "warning", "json.schema.requiredTwice", { name });
    seen.add(name);
  });
  const props = schema.properties;
  if (isRecord(props) && !("patternProperties" in schema) && schema.additionalProperties !== true) {
    required.forEach((name, i) => {
      if (!Object.hasOwn(props, name)) {
        add([...at, i], "warning", "json.schema.requiredUndescribed", { name });
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
