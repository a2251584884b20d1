"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import { sourcesOf, type WebSearchSource } from "@/lib/search/sources";

// A reply's web search sources, for the Markdown renderer's text runs (citation markers become links)
// and the sources list under the reply. Replies without sources provide the same empty array, so the
// renderer's memoised blocks are not drawn again.

const NONE: readonly WebSearchSource[] = [];
const CitationContext = createContext<readonly WebSearchSource[]>(NONE);

export function useCitationSources(): readonly WebSearchSource[] {
  return useContext(CitationContext);
}

/** The sources of `parts`, stable while they do not change (a streaming reply hands new parts per update). */
export function useSourcesOf(parts: readonly unknown[]): readonly WebSearchSource[] {
  const found = sourcesOf(parts);
  const key = found.map((s) => `${s.n}\u0000${s.url}\u0000${s.title}`).join("\u0001");
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the sources' contents
  return useMemo(() => (found.length > 0 ? found : NONE), [key]);
}

export function CitationProvider({ sources, children }: { sources: readonly WebSearchSource[]; children: ReactNode }) {
  return <CitationContext.Provider value={sources}>{children}</CitationContext.Provider>;
}
