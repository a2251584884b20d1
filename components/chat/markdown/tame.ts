// Bounds the work one block of model output can cause before it reaches the parser.
//
// micromark is correct on every input but not linear on all of them: containers nested by line
// prefixes (`>>>>…`, `- - - …`, lists indented one more level per line) cost time per line in
// proportion to their depth, and long runs of emphasis delimiters or unclosed `[` / `![` make the
// inline resolver quadratic or worse. A few kilobytes of such text blocked the page for tens of
// seconds or overflowed the stack. This pass rewrites only what is past a generous limit, so any
// reply a person would write renders exactly as before; past the limit the text stays readable
// (excess markers dropped, excess delimiters escaped so they show as the characters they are).
// The tree that comes out is also flattened past MAX_DEPTH (flatten.ts), so rendering it cannot
// recurse deeply either.

/** Container markers (`>`, list bullets) kept at the start of one line. */
export const MAX_LINE_MARKERS = 32;
/** Columns of indentation kept before a container marker: 48 levels of a two-space list. */
const MAX_PREFIX_COLUMNS = 96;
/** Consecutive `*` / `_` characters that may act as delimiters; the rest are escaped. */
const MAX_DELIMITER_RUN = 32;
/** `*` / `_` delimiter characters per block (about 500 bold spans); the rest are escaped. */
const MAX_DELIMITERS = 2000;
/** Unescaped `[` per block (links, footnotes, task boxes); the rest are escaped. */
const MAX_BRACKETS = 1000;
/** `![` image openers per block: the costliest construct for the inline resolver. */
const MAX_IMAGE_OPENERS = 100;

interface Prefix {
  /** Index in the line where the prefix ends. */
  end: number;
  markers: number;
  columns: number;
  /** The prefix rewritten within the limits, or null when it was within them already. */
  tamed: string | null;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t";

/** Reads `[whitespace] (> | - | + | * | 1. | 1))` repeated at the start of a line. */
function readPrefix(line: string): Prefix {
  let i = 0;
  let markers = 0;
  let columns = 0;
  let over = false;
  let kept = "";
  while (i < line.length) {
    const wsStart = i;
    let ws = 0;
    while (isSpace(line[i])) {
      ws += line[i] === "\t" ? 4 : 1;
      i++;
    }
    let markerEnd = -1;
    const c = line[i];
    if (c === ">") markerEnd = i + 1;
    else if ((c === "-" || c === "+" || c === "*") && (i + 1 === line.length || isSpace(line[i + 1])))
      markerEnd = i + 1;
    else {
      let j = i;
      while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j > i && (line[j] === "." || line[j] === ")") && (j + 1 === line.length || isSpace(line[j + 1]))) {
        markerEnd = j + 1;
      }
    }
    if (markerEnd < 0) {
      // Indentation before ordinary text is content (or an indented code block), not nesting.
      return { end: wsStart, markers, columns, tamed: over ? kept : null };
    }
    markers++;
    columns += ws + (markerEnd - i);
    if (markers > MAX_LINE_MARKERS || columns > MAX_PREFIX_COLUMNS) over = true;
    else kept += line.slice(wsStart, markerEnd);
    i = markerEnd;
  }
  return { end: line.length, markers, columns, tamed: over ? kept : null };
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const THEMATIC_BREAK = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/;

interface InlineBudget {
  delimiters: number;
  brackets: number;
  images: number;
}

/** Escapes delimiters past the per-run and per-block limits in one line of inline text. */
function tameInline(text: string, budget: InlineBudget): string {
  // Fast path: most lines hold no character this function acts on.
  if (!/[*_[]/.test(text)) return text;
  // Built only from the first character that must change; until then the line is unchanged.
  let out: string | null = null;
  const put = (i: number, piece: string, changed: boolean) => {
    if (out !== null) out += piece;
    else if (changed) out = text.slice(0, i) + piece;
  };
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") {
      // An escape (or a backslash before an ordinary character) stays as it is.
      put(i, text.slice(i, i + 2), false);
      i++;
      run = 0;
    } else if (c === "*" || c === "_") {
      run++;
      budget.delimiters++;
      const over = run > MAX_DELIMITER_RUN || budget.delimiters > MAX_DELIMITERS;
      put(i, over ? `\\${c}` : c, over);
    } else {
      run = 0;
      if (c === "[") {
        budget.brackets++;
        const image = text[i - 1] === "!";
        if (image) budget.images++;
        const over = budget.brackets > MAX_BRACKETS || (image && budget.images > MAX_IMAGE_OPENERS);
        put(i, over ? "\\[" : c, over);
      } else put(i, c, false);
    }
  }
  return out ?? text;
}

const MATH_FENCE = /^(\${2,})[^$]*$/;
const HTML_START = /^<[A-Za-z/!?]/;

interface Skip {
  kind: "code" | "math" | "html";
  char: string;
  size: number;
  indent: number;
}

/** Whether `line` (inside `skip`) ends it; a closing fence line is still part of the block. */
function closes(skip: Skip, rest: string): boolean {
  if (skip.kind === "html") return rest.length === 0;
  const trimmed = rest.trimEnd();
  if (trimmed.length < skip.size) return false;
  for (const ch of trimmed) if (ch !== skip.char) return false;
  return true;
}

/**
 * The block with container nesting and inline delimiters held within the limits above. Returns
 * the same string when nothing is past a limit (the usual case), so parse caches keep working.
 */
export function tameMarkdown(text: string): string {
  const lines = text.split("\n");
  const budget: InlineBudget = { delimiters: 0, brackets: 0, images: 0 };
  // Code and math blocks opened by a line with no container marker are left alone (a line of
  // forty `*` is a comment banner there; TeX is full of `_`): such a block ends at its closing
  // fence, or at a line indented less than its opening line (which ends the list item it may
  // belong to). Lines inside an HTML block cannot open a fence (the parser reads them as HTML up
  // to the next blank line). Container prefixes are limited on every line: a parser that reads a
  // line differently from this pass must still meet a bounded nesting depth.
  let skip: Skip | null = null;
  let changed = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const prefix = readPrefix(line);
    const rest = line.trimStart();
    const indent = line.length - rest.length;
    let body = line.slice(prefix.end);
    if (skip && skip.kind !== "html") {
      if (rest.length > 0 && indent < skip.indent) skip = null;
      else if (closes(skip, rest)) skip = null;
      else if (prefix.tamed === null) continue;
      else {
        // Still code: only its prefix is cut back.
        lines[n] = prefix.tamed + body;
        changed = true;
        continue;
      }
    } else if (skip?.kind === "html" && closes(skip, rest)) skip = null;

    if (prefix.markers === 0 && !skip) {
      const fence = FENCE.exec(rest);
      const math = MATH_FENCE.exec(rest.trimEnd());
      if (fence && (fence[1]![0] === "~" || !fence[2]!.includes("`"))) {
        skip = { kind: "code", char: fence[1]![0]!, size: fence[1]!.length, indent };
      } else if (math) {
        skip = { kind: "math", char: "$", size: math[1]!.length, indent };
      } else if (indent < 4 && HTML_START.test(rest)) {
        skip = { kind: "html", char: "", size: 0, indent };
      }
    }
    if (!skip || skip.kind === "html") {
      if (!THEMATIC_BREAK.test(body)) body = tameInline(body, budget);
    }
    const next = (prefix.tamed ?? line.slice(0, prefix.end)) + body;
    if (next !== line) {
      lines[n] = next;
      changed = true;
    }
  }
  return changed ? lines.join("\n") : text;
}
