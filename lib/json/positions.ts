// A strict JSON parser (RFC 8259) that also records where each value and key sits in the text, so an
// editor can put an error on the line it belongs to: a JSON.parse error message carries a position in
// V8 only, in its own words, and never says where a value that parsed but is wrong (a bad schema
// keyword, a missing tool name) came from. Pure, no dependencies, usable in the browser.

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

export type ParsedJson =
  | { ok: true; value: unknown; locations: Map<string, Located> }
  | { ok: false; error: JsonParseError };

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

/** The position of `offset` in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: end - lineStart + 1 };
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
    readonly en: string,
    readonly zh: string,
    readonly offset: number,
  ) {
    super(en);
  }
}

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

  const describeAt = (at: number): string => (at >= text.length ? "the end of the text" : JSON.stringify(text[at]));
  const describeZh = (at: number): string => (at >= text.length ? "文本末尾" : `“${text[at]}”`);
  const unexpected = (at: number, expected: string, expectedZh: string) =>
    new Failure(`Expected ${expected} but found ${describeAt(at)}`, `此处应为${expectedZh}，却是${describeZh(at)}`, at);

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
      if (i >= text.length) throw new Failure("Unterminated string", "字符串没有结束引号", start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return out;
      }
      if (c < 32) {
        throw new Failure(
          "Control character in a string (write \\n for a line break)",
          "字符串中有控制字符（换行请写作 \\n）",
          i,
        );
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
        throw new Failure("Invalid escape in a string", "字符串中的转义无效", i);
      }
      out += text[i];
      i++;
    }
  };

  const parseNumber = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) throw unexpected(i, "a value", "一个值");
    i += m[0].length;
    return Number(m[0]);
  };

  const parseValue = (path: (string | number)[], depth: number, keyAt?: number): unknown => {
    if (depth > MAX_DEPTH) throw new Failure("Nested too deeply", "嵌套层数过多", i);
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
      throw new Failure("Strings need double quotes in JSON", "JSON 中的字符串必须使用双引号", i);
    } else {
      throw unexpected(i, "a value", "一个值");
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
        if (text[i] === "}") throw new Failure("Trailing comma before }", "} 前多了一个逗号", i);
        throw unexpected(i, "a property name in double quotes", "带双引号的属性名");
      }
      const keyAt = i;
      const key = parseString();
      skip();
      if (text[i] !== ":") throw unexpected(i, '":"', "“:”");
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
      throw unexpected(i, '"," or "}"', "“,”或“}”");
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
      if (text[i] === "]") throw new Failure("Trailing comma before ]", "] 前多了一个逗号", i);
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
      throw unexpected(i, '"," or "]"', "“,”或“]”");
    }
  };

  try {
    skip();
    if (i >= text.length) throw new Failure("The text is empty", "内容为空", i);
    const value = parseValue([], 0);
    skip();
    if (i < text.length) throw new Failure("Unexpected text after the JSON value", "JSON 值之后还有多余内容", i);
    return { ok: true, value, locations };
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    return { ok: false, error: { message: { en: err.en, zh: err.zh }, at: pos(err.offset) } };
  }
}
