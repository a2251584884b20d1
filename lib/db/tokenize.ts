// Search tokens for the multiEntry `words` indexes.
//
// Latin, Cyrillic, Korean, … : Intl.Segmenter word segments (isWordLike), NFKC + lower case.
// Han / Hiragana / Katakana runs: overlapping character bigrams plus the run's last character.
// Why not the Segmenter's Chinese words: its dictionary split depends on context ("深度求索" →
// 深度|求|索, while the query "求索" alone stays one word), so a query segmented on its own often
// disagrees with the document. Bigrams are context-free: any Chinese substring of length ≥ 2 of
// the text is found by requiring all of its bigrams, and a single character is found by a prefix
// query, because every character of a run starts a bigram or is the run's last character.

export const CJK_CHAR = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc";
const CJK_SPLIT = new RegExp(`([${CJK_CHAR}]+)`, "u");

/** Tokens longer than this (base64, hashes, URLs without spaces) are noise in an index. */
export const MAX_TOKEN_LENGTH = 48;

const DEFAULT_MAX_TOKENS = 2_000;

type Segmenter = { segment(input: string): Iterable<{ segment: string; isWordLike?: boolean }> };

let segmenter: Segmenter | null | undefined;

function getSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const Ctor = (Intl as unknown as { Segmenter?: new (l?: string, o?: object) => Segmenter }).Segmenter;
    segmenter = Ctor ? new Ctor(undefined, { granularity: "word" }) : null;
  }
  return segmenter;
}

export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Non-CJK words of a chunk, in order. */
export function words(chunk: string): string[] {
  const seg = getSegmenter();
  if (!seg) return chunk.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  const out: string[] = [];
  for (const s of seg.segment(chunk)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Splits normalized text into alternating [other, cjkRun, other, cjkRun, …] chunks, in order. */
export function chunks(normalized: string): string[] {
  return normalized.split(CJK_SPLIT);
}

/** The distinct search tokens of a text, in text order, at most `maxTokens` of them. */
export function tokenize(text: string, maxTokens = DEFAULT_MAX_TOKENS): string[] {
  if (!text) return [];
  const out = new Set<string>();
  const add = (t: string) => {
    if (t.length <= MAX_TOKEN_LENGTH) out.add(t);
  };
  const parts = chunks(normalizeForSearch(text));
  for (let i = 0; i < parts.length && out.size < maxTokens; i++) {
    const part = parts[i] ?? "";
    if (i % 2 === 1) {
      const chars = Array.from(part);
      for (let j = 0; j + 1 < chars.length; j++) add(`${chars[j]}${chars[j + 1]}`);
      add(chars[chars.length - 1] ?? "");
    } else if (part.trim()) {
      for (const w of words(part)) add(w);
    }
  }
  return out.size > maxTokens ? [...out].slice(0, maxTokens) : [...out];
}

/**
 * tokenize() for a long text without one long task: newline-aligned pieces (a word or a CJK run
 * never spans a newline, so the tokens are the same) with a yield to the event loop between them.
 * A 100 KB reply takes ~40 ms to tokenize in one go on a slow machine.
 */
export async function tokenizeInSlices(
  text: string,
  maxTokens = DEFAULT_MAX_TOKENS,
  sliceChars = 8_000,
): Promise<string[]> {
  if (text.length <= sliceChars) return tokenize(text, maxTokens);
  const out = new Set<string>();
  let start = 0;
  while (start < text.length && out.size < maxTokens) {
    let end = Math.min(text.length, start + sliceChars);
    if (end < text.length) {
      const newline = text.lastIndexOf("\n", end);
      if (newline > start) end = newline + 1;
    }
    for (const t of tokenize(text.slice(start, end), maxTokens)) out.add(t);
    start = end;
    if (start < text.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return out.size > maxTokens ? [...out].slice(0, maxTokens) : [...out];
}
