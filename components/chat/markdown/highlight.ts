import type { HighlightRequest, HighlightResponse, Token } from "./highlight-types";

// Main-thread side of the highlighter: one lazily created worker, results cached by language and
// code so a remounted message (virtualized list, reopened conversation) shows colors at once.

const MAX_CODE = 100_000;
const CACHE_LIMIT = 300;
const cache = new Map<string, Token[][] | null>();
// Requests in flight by key: compare's columns often finish the same block at the same moment, and
// tokenizing it once per column kept the worker busy on a core the page needed.
const inflight = new Map<string, Promise<Token[][] | null>>();
const pending = new Map<number, (tokens: Token[][] | null) => void>();
let worker: Worker | null | undefined;
let nextId = 1;

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL("./highlight.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<HighlightResponse>) => {
      pending.get(event.data.id)?.(event.data.tokens);
      pending.delete(event.data.id);
    };
    worker.onerror = (event) => {
      // A failed worker (blocked by CSP, or offline with its chunks never loaded) leaves code
      // blocks plain rather than broken, and is not an error of the page.
      event.preventDefault();
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** A language name as shiki knows it: fences say `TS`, `c++`, `shell` … */
export function normalizeLang(lang: string): string {
  const l = lang.trim().toLowerCase();
  return l === "c++" ? "cpp" : l === "c#" ? "csharp" : l;
}

export function cachedTokens(code: string, lang: string): Token[][] | null | undefined {
  return cache.get(`${lang}\u0000${code}`);
}

/** Highlighted tokens, or null when the language is unknown or no worker can run here. */
export function highlight(code: string, lang: string): Promise<Token[][] | null> {
  const key = `${lang}\u0000${code}`;
  const hit = cache.get(key);
  if (hit !== undefined) return Promise.resolve(hit);
  const running = inflight.get(key);
  if (running) return running;
  const w = lang && code.length <= MAX_CODE && typeof Worker !== "undefined" ? getWorker() : null;
  if (!w) return Promise.resolve(null);
  const id = nextId++;
  const result = new Promise<Token[][] | null>((resolve) => {
    pending.set(id, (tokens) => {
      inflight.delete(key);
      cache.set(key, tokens);
      if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      resolve(tokens);
    });
    w.postMessage({ id, code, lang } satisfies HighlightRequest);
  });
  inflight.set(key, result);
  return result;
}
