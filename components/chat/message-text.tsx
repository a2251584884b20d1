"use client";

import { Markdown } from "@/components/chat/markdown/markdown";

// The one place the chat renders message text: the shared, incremental <Markdown> (finished blocks
// are not parsed again per token; a finished message renders statically).
export const MessageText = Markdown;
