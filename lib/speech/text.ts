// Text work for speech: CosyVoice2's instruction prefix and tags, and turning a Markdown chat answer
// into short spoken chunks (so read-aloud starts after the first sentence, not the whole answer).

/** CosyVoice2 speaks only what follows this marker; what precedes it is a style instruction. */
export const INSTRUCTION_MARK = "<|endofprompt|>";

/**
 * Ready-made instructions. CosyVoice2 was tuned on Chinese instructions (the provider's own example is
 * 你能用高兴的情感说吗？), so they are sent in Chinese whatever the UI language.
 */
export const INSTRUCTION_PRESETS = {
  happy: "你能用高兴的情感说吗？",
  sad: "你能用悲伤的情感说吗？",
  angry: "你能用愤怒的情感说吗？",
  excited: "你能用兴奋的情感说吗？",
  whisper: "请用轻声细语的方式说。",
  cantonese: "请问你能模仿粤语的口音吗？",
  sichuan: "请问你能模仿四川话的口音吗？",
} as const;
export type InstructionPreset = keyof typeof INSTRUCTION_PRESETS;

/** Fine-grained control tags: point tags are inserted, span tags wrap the selection. */
export const POINT_TAGS = ["[laughter]", "[breath]", "[sigh]", "[cough]"] as const;
export const SPAN_TAGS = ["strong", "laughter"] as const;

export function isInstructionPreset(value: unknown): value is InstructionPreset {
  return typeof value === "string" && Object.hasOwn(INSTRUCTION_PRESETS, value);
}

/**
 * What is sent as `input`: the text as typed, with the chosen style's instruction put before the
 * marker only now. The style lives beside the text (a chip in the form, a field of the stored
 * clip), so the user's text and the history never show the raw instruction.
 */
export function speechInput(text: string, style?: InstructionPreset | null): string {
  return style ? withInstruction(text, INSTRUCTION_PRESETS[style]) : text;
}

export function splitInstruction(text: string): { instruction: string; body: string } {
  const at = text.indexOf(INSTRUCTION_MARK);
  if (at < 0) return { instruction: "", body: text };
  return { instruction: text.slice(0, at), body: text.slice(at + INSTRUCTION_MARK.length) };
}

/** Sets (or with "" removes) the instruction prefix, keeping the spoken body. */
export function withInstruction(text: string, instruction: string): string {
  const { body } = splitInstruction(text);
  const clean = instruction.replaceAll(INSTRUCTION_MARK, "").trim();
  return clean ? `${clean}${INSTRUCTION_MARK}${body}` : body;
}

export interface Edit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/**
 * Inserts a point tag at the caret, with spaces so words stay apart. A selection is kept, never
 * replaced: the tag goes right after it (a sound after the selected words).
 */
export function insertTag(text: string, _start: number, end: number, tag: string): Edit {
  const before = text.slice(0, end);
  const after = text.slice(end);
  const lead = before && !/\s$/.test(before) ? " " : "";
  const trail = after && !/^\s/.test(after) ? " " : "";
  const inserted = `${lead}${tag}${trail}`;
  const caret = before.length + inserted.length;
  return { text: before + inserted + after, selectionStart: caret, selectionEnd: caret };
}

/** Wraps the selection in `<name>…</name>`; with no selection the caret lands between the tags. */
export function wrapTag(text: string, start: number, end: number, name: string): Edit {
  const open = `<${name}>`;
  const inner = text.slice(start, end);
  const next = `${text.slice(0, start)}${open}${inner}</${name}>${text.slice(end)}`;
  return { text: next, selectionStart: start + open.length, selectionEnd: start + open.length + inner.length };
}

/** Plain spoken text from a Markdown answer: no code blocks, markup, links' URLs or leaked <think>. */
export function speakableText(markdown: string): string {
  return (
    markdown
      .replace(/<think>[\s\S]*?(<\/think>|$)/gi, " ")
      // Reading code aloud is noise; the answer's prose around it carries the meaning.
      .replace(/```[\s\S]*?(```|$)/g, " ")
      .replace(/~~~[\s\S]*?(~~~|$)/g, " ")
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/<\/?[a-z][^>]*>/gi, " ")
      .replace(/`([^`]*)`/g, "$1")
      .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, "")
      .replace(/^\s*\|?\s*:?-{3,}.*$/gm, "")
      .replace(/\|/g, " ")
      .replace(/(\*\*|__|~~|\*|_)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/^\s*([-*_]\s*){3,}$/gm, "")
      .replace(/[ \t]+/g, " ")
      .replace(/\s*\n\s*/g, "\n")
      .trim()
  );
}

// A sentence ends at Chinese or Latin terminal punctuation (keeping closing quotes) or a line break.
const SENTENCE = /[^。！？!?；;\n]*(?:[。！？!?；;]+["'”’」』)]*|\n|$)|[^\n]+/g;

function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    // Latin full stops only end a sentence before whitespace, so 3.14 and e.g. stay whole.
    for (const part of line.replace(/([.])(\s+)/g, "$1\u0000").split("\u0000")) {
      for (const m of part.match(SENTENCE) ?? []) if (m.trim()) out.push(m.trim());
    }
  }
  return out;
}

/** Cuts a run longer than `limit` at a comma or space near the end, else hard. */
function hardSplit(sentence: string, limit: number): string[] {
  const out: string[] = [];
  let rest = sentence;
  while ([...rest].length > limit) {
    const head = [...rest].slice(0, limit).join("");
    const cut = Math.max(head.lastIndexOf("，"), head.lastIndexOf(","), head.lastIndexOf("、"), head.lastIndexOf(" "));
    const at = cut > limit / 3 ? cut + 1 : head.length;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

interface SplitOptions {
  /** Target size of the first chunk: small, so the first audio arrives fast. */
  first?: number;
  /** Largest later chunk; fewer, longer requests sound more natural. */
  rest?: number;
}

/** Spoken chunks in order: sentences packed up to the limits, the first one short. */
export function splitForSpeech(text: string, { first = 80, rest = 300 }: SplitOptions = {}): string[] {
  const chunks: string[] = [];
  let current = "";
  const limit = () => (chunks.length === 0 ? first : rest);
  for (const sentence of sentences(text)) {
    for (const piece of hardSplit(sentence, rest)) {
      const joined = current ? `${current}${/[\u3000-\u9fff\uff00-\uffef]$/.test(current) ? "" : " "}${piece}` : piece;
      if (current && [...joined].length > limit()) {
        chunks.push(current);
        current = piece;
      } else {
        current = joined;
      }
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
