import { type OutputUnit, type Schema, type SchemaDraft, Validator } from "@cfworker/json-schema";
import { bilingual, type MessageKey, type MessageVars } from "@/lib/i18n";
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

// The words are in lib/i18n/messages/json.ts; an issue keeps them in both languages because the
// editors and the retry prompt (json-reply.ts) read them that way.
function describeUnit(unit: OutputUnit, instance: unknown): { en: string; zh: string } {
  const pointer = pointerOf(unit.instanceLocation);
  const value = valueAt(instance, pointer);
  const text = unit.error;
  const say = (key: MessageKey, vars?: MessageVars) => bilingual(vars ? { key, vars } : { key });
  switch (unit.keyword) {
    case "type": {
      const expected = /Expected "(.*)"/.exec(text)?.[1]?.split('", "').join(" or ") ?? "another type";
      return say("json.type", { expected, actual: typeName(value) });
    }
    case "required":
      return say("json.required", { name: quoted(text) ?? "?" });
    case "additionalProperties":
      return say("json.additional", { name: quoted(text) ?? "?" });
    case "enum":
    case "const":
      return say("json.enum", { allowed: text.replace(/^Instance does not match (any of )?/, "").replace(/\.$/, "") });
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum": {
      const bound = String(numbers(text).at(-1));
      const min = unit.keyword.includes("inimum");
      const strict = unit.keyword.startsWith("exclusive") || text.includes("or equal");
      return say(min ? (strict ? "json.gt" : "json.ge") : strict ? "json.lt" : "json.le", { bound });
    }
    case "minLength":
    case "maxLength":
      return say(unit.keyword === "minLength" ? "json.minLength" : "json.maxLength", {
        bound: String(numbers(text).at(-1)),
      });
    case "minItems":
    case "maxItems":
      return say(unit.keyword === "minItems" ? "json.minItems" : "json.maxItems", {
        bound: String(numbers(text).at(-1)),
      });
    case "pattern":
      return say("json.pattern");
    case "format":
      return say("json.format", { format: quoted(text) ?? "?" });
    case "uniqueItems":
      return say("json.unique", { detail: text.replace(/\.$/, "") });
    case "multipleOf":
      return say("json.multipleOf", { bound: String(numbers(text).at(-1)) });
    case "false":
      return say("json.false");
    default:
      return say("json.other", { detail: text, keyword: unit.keyword });
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
        message: bilingual({ key: "json.schemaUnusable", vars: { why: why ?? "" } }),
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
