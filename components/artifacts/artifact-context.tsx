"use client";

import { createContext, type ReactNode, useContext } from "react";
import { CitationProvider } from "@/components/search/citation-context";
import type { WebSearchSource } from "@/lib/search/sources";

/** The reply a code block belongs to, so its Preview button can address the artifact (and its versions). */
const ArtifactMessageContext = createContext<string | null>(null);

export function useArtifactMessageId(): string | null {
  return useContext(ArtifactMessageContext);
}

/** What the Markdown of one reply needs to know about the reply: its id (artifacts) and its sources (citations). */
export function ReplyContext({
  messageId,
  sources,
  children,
}: {
  messageId: string;
  sources: readonly WebSearchSource[];
  children: ReactNode;
}) {
  return (
    <ArtifactMessageContext.Provider value={messageId}>
      <CitationProvider sources={sources}>{children}</CitationProvider>
    </ArtifactMessageContext.Provider>
  );
}
