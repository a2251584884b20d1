// Incremental top-level block splitter for streamed markdown.
//
// A streamed reply only ever grows, so every block that ends before the last confirmed boundary is
// final: its text (and so its parse and its React output) never changes again. Each update scans
// only the lines added since the previous update, which keeps the cost per token independent of
// the reply's length (re-lexing the whole message per token is quadratic over a stream).
//
// A boundary is a blank line followed by a complete line that cannot continue the block above it.
// When in doubt the splitter merges: parsing two blocks as one is always correct, only slower,
// while splitting in the wrong place (inside a fence, a `$$` math block, a list) would change the
// rendering.

/** Finished blocks are grouped so that a render touches O(blocks / SEGMENT) frozen groups. */
export const SEGMENT = 32;

interface SplitResult {
  /**
   * Finished blocks in groups of SEGMENT; full groups keep their array identity forever. The last
   * group is never full (it may be empty) and the tail, if any, follows its blocks.
   */
  segments: readonly (readonly string[])[];
  /** Number of finished blocks (the tail, if any, has this index). */
  finished: number;
  /** The unfinished last block, or null when the text ends exactly at a boundary (or is empty). */
  tail: string | null;
  /** Link reference definitions seen so far: `[x]: url` resolves across blocks. */
  defs: string;
}

interface Fence {
  char: string;
  size: number;
}

interface State {
  text: string;
  /** Start of the first line not scanned yet (lines are scanned only once they are complete). */
  pos: number;
  blockStart: number;
  fence: Fence | null;
  /** Inside a `$$` math block: its fence length. */
  math: number;
  sawBlank: boolean;
  blockHasContent: boolean;
  blockHasList: boolean;
  segments: string[][];
  finished: number;
  defs: string[];
  result: SplitResult | null;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const MATH_OPEN = /^[ \t]*(\${2,})[^$]*$/;
const LIST_ITEM = /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLANK = /^[ \t\r]*$/;
const INDENTED = /^[ \t]/;
const DEFINITION = /^ {0,3}\[(?!\^)[^\]]+\]:\s*\S/;

function fresh(): State {
  return {
    text: "",
    pos: 0,
    blockStart: 0,
    fence: null,
    math: 0,
    sawBlank: false,
    blockHasContent: false,
    blockHasList: false,
    segments: [[]],
    finished: 0,
    defs: [],
    result: null,
  };
}

function isClosingFence(line: string, fence: Fence): boolean {
  const trimmed = line.trim();
  if (trimmed.length < fence.size) return false;
  for (const ch of trimmed) if (ch !== fence.char) return false;
  return true;
}

function isClosingMath(line: string, size: number): boolean {
  const trimmed = line.trim();
  return trimmed.length >= size && /^\$+$/.test(trimmed);
}

function pushBlock(s: State, block: string): void {
  const open = s.segments[s.segments.length - 1]!;
  // Replace (not mutate) the open group so React.memo sees the change; full groups stay frozen.
  s.segments[s.segments.length - 1] = [...open, block];
  // The last group is never full, so the tail always belongs to it.
  if (open.length + 1 === SEGMENT) s.segments.push([]);
  s.finished++;
}

/** Processes one complete line (without its "\n") that starts at `start`. */
function scanLine(s: State, line: string, start: number): void {
  if (s.fence) {
    if (isClosingFence(line, s.fence)) s.fence = null;
    return;
  }
  if (s.math) {
    if (isClosingMath(line, s.math)) s.math = 0;
    return;
  }
  if (BLANK.test(line)) {
    if (s.blockHasContent) s.sawBlank = true;
    return;
  }
  const listItem = LIST_ITEM.test(line);
  if (s.sawBlank && !INDENTED.test(line) && !(listItem && s.blockHasList)) {
    pushBlock(s, s.text.slice(s.blockStart, start));
    s.blockStart = start;
    s.blockHasList = false;
  }
  s.sawBlank = false;
  s.blockHasContent = true;
  if (listItem) s.blockHasList = true;
  if (DEFINITION.test(line)) s.defs.push(line.trim());
  const fence = FENCE.exec(line);
  // A backtick fence's info string cannot contain a backtick (that is inline code instead).
  if (fence && (fence[1]![0] === "~" || !fence[2]!.includes("`"))) {
    s.fence = { char: fence[1]![0]!, size: fence[1]!.length };
    return;
  }
  const math = MATH_OPEN.exec(line);
  if (math) s.math = math[1]!.length;
}

export interface Splitter {
  split(text: string): SplitResult;
}

/** One splitter per rendered message: it remembers where the previous update stopped scanning. */
export function createSplitter(): Splitter {
  let s = fresh();
  return {
    split(text) {
      if (s.result && text === s.text) return s.result;
      // Anything but an append (a regenerated or edited message) starts over.
      if (!text.startsWith(s.text)) s = fresh();
      s.text = text;
      const defsBefore = s.defs.length;
      const finishedBefore = s.finished;
      let nl = text.indexOf("\n", s.pos);
      while (nl !== -1) {
        const end = nl > s.pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        scanLine(s, text.slice(s.pos, end), s.pos);
        s.pos = nl + 1;
        nl = text.indexOf("\n", s.pos);
      }
      const tail = s.blockStart < text.length ? text.slice(s.blockStart) : null;
      const prev = s.result;
      s.result = {
        segments: prev && s.finished === finishedBefore ? prev.segments : [...s.segments],
        finished: s.finished,
        tail: tail !== null && BLANK.test(tail) ? null : tail,
        defs: prev && s.defs.length === defsBefore ? prev.defs : s.defs.join("\n"),
      };
      return s.result;
    },
  };
}

/** All blocks of a text, finished and tail, in order (for tests and static use). */
export function splitBlocks(text: string): string[] {
  const r = createSplitter().split(text);
  const blocks = r.segments.flat();
  if (r.tail !== null) blocks.push(r.tail);
  return blocks;
}
