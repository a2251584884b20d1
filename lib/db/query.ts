// The index lookups a search query turns into. Apart from tokenize.ts (what is stored) because
// these can change without touching a stored row: the seeded benchmark profiles are keyed by the
// sources that shape the rows, and this is not one of them.

import { CJK_CHAR, chunks, MAX_TOKEN_LENGTH, normalizeForSearch, words } from "./tokenize";

export interface QueryTerm {
  term: string;
  /** Match index keys starting with `term` rather than equal to it. */
  prefix: boolean;
}

const MAX_QUERY_TERMS = 8;

/**
 * The index lookups that answer a query. Every term must match (AND). The last word is a prefix
 * (search as you type) when it has at least two characters; a one-letter prefix would match most of
 * the index. A lone CJK character is a prefix too (tokenize.ts explains why that finds it).
 */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const parts = chunks(normalizeForSearch(query));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (i % 2 === 1) {
      const chars = Array.from(part);
      if (chars.length === 1) terms.push({ term: part, prefix: true });
      for (let j = 0; j + 1 < chars.length; j++) terms.push({ term: `${chars[j]}${chars[j + 1]}`, prefix: false });
    } else if (part.trim()) {
      for (const w of words(part)) {
        if (w.length <= MAX_TOKEN_LENGTH) terms.push({ term: w, prefix: false });
      }
    }
  }
  const last = terms[terms.length - 1];
  const trailingSpace = /\s$/u.test(query);
  if (last && !trailingSpace && !last.prefix && Array.from(last.term).length >= 2 && !isCjkBigram(last.term)) {
    last.prefix = true;
  }
  const seen = new Set<string>();
  return terms
    .filter((t) => {
      const k = `${t.prefix ? "p" : "e"}:${t.term}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .slice(0, MAX_QUERY_TERMS);
}

const CJK_ONLY = new RegExp(`^[${CJK_CHAR}]+$`, "u");

function isCjkBigram(term: string): boolean {
  return CJK_ONLY.test(term);
}

/** Whether a row's tokens satisfy one query term (used to check candidates in memory). */
export function tokensMatch(tokens: readonly string[], t: QueryTerm): boolean {
  return t.prefix ? tokens.some((w) => w.startsWith(t.term)) : tokens.includes(t.term);
}
