"use client";

import { MarkdownBoundary } from "@/components/chat/markdown/boundary";
import { Markdown } from "@/components/chat/markdown/markdown";

// The one place the chat renders message text: the shared, incremental <Markdown> (finished blocks
// are not parsed again per token; a finished message renders statically), inside a boundary that
// keeps a failure to this one message.
export function MessageText(props: { text: string; streaming?: boolean; className?: string }) {
  return (
    <MarkdownBoundary text={props.text}>
      <Markdown {...props} />
    </MarkdownBoundary>
  );
}
