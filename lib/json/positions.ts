// A strict JSON parser (RFC 8259) that also records where each value and key sits in the text, so an
// editor can put an error on the line it belongs to: a JSON.parse error message carries a position in
// V8 only, in its own words, and never says where a value that parsed but is wrong (a bad schema
// keyword, a missing tool name) came from. Pure, usable in the browser; the words are json.parse.* in
// lib/i18n/messages/json.ts.

import { bilingual, type MessageKey, type MessageRef } from "@/lib/i18n";

/** A place in the text: offset in UTF-16 code units, line and column counted from 1. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

export interface Located {
  /** Where the value starts. */
  start: TextPosition;
  /** Just past the value's end. */
  end: TextPosition;
  /** For object members: where the member's key starts. */
  key?: TextPosition;
}

export interface JsonParseError {
  /** English, like the engine's own messages; `zh` for the Chinese UI. */
  message: { en: string; zh: string };
  at: TextPosition;
}

type ParsedJson = { ok: true; value: unknown; locations: Map<string, Located> } | { ok: false; error: JsonParseError };

/** JSON Pointer (RFC 6901) of a path: `["a", 0, "b/c"]` → `/a/0/b~1c`; the root is "". */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The segments of a JSON Pointer; "" is the root. */
export function fromPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * The nearest recorded location for `pointer`: the value itself, else its closest recorded parent
 * (a missing property is reported where its object is).
 */
export function locate(locations: Map<string, Located>, pointer: string): Located | undefined {
  let segments = fromPointer(pointer);
  for (;;) {
    const found = locations.get(toPointer(segments));
    if (found || segments.length === 0) return found;
    segments = segments.slice(0, -1);
  }
}

class Failure extends Error {
  constructor(
    readonly ref: MessageRef,
    readonly offset: number,
  ) {
    super(ref.key);
  }
}

const fail = (key: MessageKey, offset: number) => new Failure({ key }, offset);

const MAX_DEPTH = 200;

export function parseJsonWithPositions(text: string): ParsedJson {
  const locations = new Map<string, Located>();
  let i = 0;
  // Line starts, so each position is a binary search rather than a scan from the top.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const pos = (offset: number): TextPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };

  // The character as JSON would escape it (a line break reads \n), inside the language's quotes.
  const found = (at: number): MessageRef =>
    at >= text.length
      ? { key: "json.parse.endOfText" }
      : { key: "json.parse.char", vars: { char: JSON.stringify(text[at]).slice(1, -1) } };
  const unexpected = (at: number, expected: MessageKey) =>
    new Failure({ key: "json.parse.expected", vars: { expected: { key: expected }, found: found(at) } }, at);

  const skip = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = "";
    for (;;) {
      if (i >= text.length) throw fail("json.parse.unterminated", start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return out;
      }
      if (c < 32) {
        throw fail("json.parse.control", i);
      }
      if (c === 92) {
        const e = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          "\\": "\\",
          "/": "/",
          b: "\b",
          f: "\f",
          n: "\n",
          r: "\r",
          t: "\t",
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
          continue;
        }
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        throw fail("json.parse.escape", i);
      }
      out += text[i];
      i++;
    }
  };

  const parseNumber = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) throw unexpected(i, "json.parse.value");
    i += m[0].length;
    return Number(m[0]);
  };

  const parseValue = (path: (string | number)[], depth: number, keyAt?: number): unknown => {
    if (depth > MAX_DEPTH) throw fail("json.parse.tooDeep", i);
    skip();
    const start = i;
    const c = text[i];
    let value: unknown;
    if (c === "{") value = parseObject(path, depth);
    else if (c === "[") value = parseArray(path, depth);
    else if (c === '"') value = parseString();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) value = parseNumber();
    else if (text.startsWith("true", i)) {
      i += 4;
      value = true;
    } else if (text.startsWith("false", i)) {
      i += 5;
      value = false;
    } else if (text.startsWith("null", i)) {
      i += 4;
      value = null;
    } else if (c === "'") {
      throw fail("json.parse.singleQuotes", i);
    } else {
      throw unexpected(i, "json.parse.value");
    }
    const located: Located = { start: pos(start), end: pos(i) };
    if (keyAt !== undefined) located.key = pos(keyAt);
    locations.set(toPointer(path), located);
    return value;
  };

  const parseObject = (path: (string | number)[], depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    i++;
    skip();
    if (text[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      skip();
      if (text[i] !== '"') {
        if (text[i] === "}") throw fail("json.parse.trailingBrace", i);
        throw unexpected(i, "json.parse.propertyName");
      }
      const keyAt = i;
      const key = parseString();
      skip();
      if (text[i] !== ":") throw unexpected(i, "json.parse.colon");
      i++;
      // Own property, never the prototype: a key named __proto__ stays data.
      Object.defineProperty(out, key, {
        value: parseValue([...path, key], depth + 1, keyAt),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skip();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return out;
      }
      throw unexpected(i, "json.parse.commaOrBrace");
    }
  };

  const parseArray = (path: (string | number)[], depth: number): unknown[] => {
    const out: unknown[] = [];
    i++;
    skip();
    if (text[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      skip();
      if (text[i] === "]") throw fail("json.parse.trailingBracket", i);
      out.push(parseValue([...path, out.length], depth + 1));
      skip();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return out;
      }
      throw unexpected(i, "json.parse.commaOrBracket");
    }
  };

  try {
    skip();
    if (i >= text.length) throw fail("json.parse.empty", i);
    const value = parseValue([], 0);
    skip();
    if (i < text.length) throw fail("json.parse.extra", i);
    return { ok: true, value, locations };
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    return { ok: false, error: { message: bilingual(err.ref), at: pos(err.offset) } };
  }
}
