import { type Locale, translator } from "@/lib/i18n";
import { type JsonParseError, locate, parseJsonWithPositions, type TextPosition } from "@/lib/json/positions";
import { type ValueIssue, validateAgainstSchema } from "@/lib/json/validate";

// JSON mode's browser half: the reply is read — parsed, checked against the schema with each problem
// at its path and line — and "Retry with the errors" sends the problems back. (The request half, the
// instruction added to the system prompt, is server/json-mode.ts.) Nothing here throws on bad input.

interface LocatedIssue extends ValueIssue {
  at?: TextPosition;
}

type JsonReply =
  | { kind: "empty" }
  /** Not JSON: show the text as it is, with where parsing stopped. */
  | { kind: "invalid"; error: JsonParseError }
  /** JSON; `issues` is empty when it conforms (or when there is no schema). */
  | { kind: "json"; value: unknown; issues: LocatedIssue[]; fenced: boolean };

const FENCE = /^(\s*)```[A-Za-z]*[ \t]*\n([\s\S]*?)\n```\s*$/;

/**
 * Reads a JSON-mode reply. A reply wrapped in one Markdown code fence (some models add one even in JSON
 * mode) is read inside it; positions always refer to the reply's own text.
 */
export function readJsonReply(text: string, schema?: unknown): JsonReply {
  if (text.trim() === "") return { kind: "empty" };
  const fence = FENCE.exec(text);
  // Blank out the fence lines instead of cutting them, so lines and columns stay those of the reply.
  const source = fence
    ? text
        .replace(/```[A-Za-z]*[ \t]*\n/, (m) => `${" ".repeat(m.length - 1)}\n`)
        .replace(/\n```(\s*)$/, (m) => `\n${" ".repeat(m.length - 1)}`)
    : text;
  const parsed = parseJsonWithPositions(source);
  if (!parsed.ok) return { kind: "invalid", error: parsed.error };
  const issues: LocatedIssue[] =
    schema === undefined
      ? []
      : validateAgainstSchema(parsed.value, schema).map((issue) => {
          const where = locate(parsed.locations, issue.pointer);
          return where ? { ...issue, at: where.key ?? where.start } : issue;
        });
  return { kind: "json", value: parsed.value, issues, fenced: fence !== null };
}

const MAX_LISTED = 20;

/**
 * The follow-up message of "Retry with the errors": what was wrong, in the conversation's language, and
 * the request for a corrected object. Undefined when the reply was fine.
 */
export function retryWithErrorsMessage(reply: JsonReply, locale: Locale): string | undefined {
  const t = translator(locale);
  if (reply.kind === "empty") return t("json.retry.empty");
  if (reply.kind === "invalid") {
    const { line, column } = reply.error.at;
    return t("json.retry.invalid", { line, column, error: reply.error.message[locale] });
  }
  if (reply.issues.length === 0) return undefined;
  const lines = reply.issues.slice(0, MAX_LISTED).map((issue) => `- ${issue.pointer || "/"}: ${issue.message[locale]}`);
  if (reply.issues.length > MAX_LISTED) lines.push(t("json.retry.more", { more: reply.issues.length - MAX_LISTED }));
  return t("json.retry.schema", { lines: lines.join("\n") });
}
