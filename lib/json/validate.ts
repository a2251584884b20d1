import { type OutputUnit, type Schema, type SchemaDraft, Validator } from "@cfworker/json-schema";
import { fromPointer, toPointer } from "./positions";

// Does a value conform to a JSON Schema? @cfworker/json-schema does the validating: it interprets the
// schema instead of compiling it to a function (as ajv does), so it runs under the app's CSP, which has
// no 'unsafe-eval' in production (lib/security/headers.ts), has no dependencies, and supports drafts 4,
// 7, 2019-09 and 2020-12. Its findings are turned into one message per problem, in English and Chinese,
// at the value's JSON Pointer, with the summaries ("a subschema had errors") left out. Browser-safe.

export interface ValueIssue {
  /** JSON Pointer of the offending value in the instance ("" = the whole value). */
  pointer: string;
  keyword: string;
  message: { en: string; zh: string };
}

/** Keywords whose error only says that something below failed; the failure below is reported instead. */
const SUMMARIES = new Set([
  "properties",
  "patternProperties",
  "items",
  "prefixItems",
  "additionalItems",
  "$ref",
  "$recursiveRef",
  "allOf",
  "unevaluatedProperties",
  "unevaluatedItems",
  "dependentSchemas",
  "dependencies",
  "then",
  "else",
]);

function draftOf(schema: unknown): SchemaDraft {
  const uri = typeof schema === "object" && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined;
  if (typeof uri === "string") {
    if (uri.includes("draft-04")) return "4";
    if (uri.includes("draft-07") || uri.includes("draft-06")) return "7";
    if (uri.includes("2019-09")) return "2019-09";
  }
  return "2020-12";
}

/** cfworker's `#/a%20b/0` → the RFC 6901 pointer `/a b/0`. */
function pointerOf(instanceLocation: string): string {
  const raw = instanceLocation.startsWith("#") ? instanceLocation.slice(1) : instanceLocation;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function valueAt(instance: unknown, pointer: string): unknown {
  let current = instance;
  for (const key of fromPointer(pointer)) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const quoted = (text: string) => /"([^"]*)"/.exec(text)?.[1];
const numbers = (text: string) => (text.match(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi) ?? []).map(Number);

function describeUnit(unit: OutputUnit, instance: unknown): { en: string; zh: string } {
  const pointer = pointerOf(unit.instanceLocation);
  const value = valueAt(instance, pointer);
  const text = unit.error;
  switch (unit.keyword) {
    case "type": {
      const expected = /Expected "(.*)"/.exec(text)?.[1]?.split('", "').join(" or ") ?? "another type";
      return {
        en: `Expected ${expected}, got ${typeName(value)}.`,
        zh: `应为 ${expected}，实际是 ${typeName(value)}。`,
      };
    }
    case "required": {
      const key = quoted(text) ?? "?";
      return { en: `Missing required property "${key}".`, zh: `缺少必填属性“${key}”。` };
    }
    case "additionalProperties": {
      const key = quoted(text) ?? "?";
      return { en: `Property "${key}" is not allowed here.`, zh: `此处不允许属性“${key}”。` };
    }
    case "enum":
    case "const": {
      const allowed = text.replace(/^Instance does not match (any of )?/, "").replace(/\.$/, "");
      return { en: `Must be one of ${allowed}.`, zh: `必须是以下之一：${allowed}。` };
    }
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum": {
      const bound = numbers(text).at(-1);
      const min = unit.keyword.includes("inimum");
      const strict = unit.keyword.startsWith("exclusive") || text.includes("or equal");
      const en = `Must be ${min ? (strict ? ">" : "≥") : strict ? "<" : "≤"} ${bound}.`;
      return { en, zh: `必须${min ? (strict ? "大于" : "大于等于") : strict ? "小于" : "小于等于"} ${bound}。` };
    }
    case "minLength":
    case "maxLength": {
      const bound = numbers(text).at(-1);
      return unit.keyword === "minLength"
        ? { en: `Must be at least ${bound} characters long.`, zh: `长度至少为 ${bound} 个字符。` }
        : { en: `Must be at most ${bound} characters long.`, zh: `长度最多为 ${bound} 个字符。` };
    }
    case "minItems":
    case "maxItems": {
      const bound = numbers(text).at(-1);
      return unit.keyword === "minItems"
        ? { en: `Must have at least ${bound} items.`, zh: `至少需要 ${bound} 项。` }
        : { en: `Must have at most ${bound} items.`, zh: `最多只能有 ${bound} 项。` };
    }
    case "pattern":
      return { en: "Does not match the required pattern.", zh: "不符合要求的格式（pattern）。" };
    case "format": {
      const format = quoted(text) ?? "?";
      return { en: `Is not a valid "${format}".`, zh: `不是有效的“${format}”格式。` };
    }
    case "uniqueItems":
      return { en: `Items must be unique (${text.replace(/\.$/, "")}).`, zh: "数组中的项不能重复。" };
    case "multipleOf": {
      const bound = numbers(text).at(-1);
      return { en: `Must be a multiple of ${bound}.`, zh: `必须是 ${bound} 的倍数。` };
    }
    case "false":
      return { en: "No value is allowed here.", zh: "此处不允许任何值。" };
    default:
      return { en: text, zh: `不符合 schema（${unit.keyword}）：${text}` };
  }
}

/**
 * The problems of `instance` against `schema`, most specific first; empty when it conforms. A schema
 * that cannot be used (an unresolvable `$ref`) is one issue at the root.
 */
export function validateAgainstSchema(instance: unknown, schema: unknown): ValueIssue[] {
  let units: OutputUnit[];
  try {
    const validator = new Validator(schema as Schema | boolean, draftOf(schema), false);
    units = validator.validate(instance).errors;
  } catch (err) {
    const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
    return [
      {
        pointer: "",
        keyword: "schema",
        message: { en: `The schema cannot be used: ${why}`, zh: `Schema 无法使用：${why}` },
      },
    ];
  }
  const located = units.map((unit) => ({ unit, pointer: pointerOf(unit.instanceLocation) }));
  const specific = located.filter(({ unit, pointer }) => {
    if (!SUMMARIES.has(unit.keyword)) return true;
    // A summary is kept only when nothing more specific was reported at or under its value.
    return !located.some(
      (other) =>
        other.unit !== unit &&
        !SUMMARIES.has(other.unit.keyword) &&
        (other.pointer === pointer || other.pointer.startsWith(`${pointer}/`)),
    );
  });
  // additionalProperties: false reports the property twice (the property and its `false` schema).
  const seen = new Set<string>();
  const out: ValueIssue[] = [];
  for (const { unit, pointer } of specific) {
    if (unit.keyword === "false" && located.some((o) => o.unit.keyword === "additionalProperties")) continue;
    const issue: ValueIssue = {
      pointer:
        unit.keyword === "additionalProperties"
          ? toPointer([...fromPointer(pointer), quoted(unit.error) ?? ""])
          : pointer,
      keyword: unit.keyword,
      message: describeUnit(unit, instance),
    };
    const key = `${issue.pointer}\u0000${issue.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}
