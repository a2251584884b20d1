import type { ReactNode } from "react";
import { ChatShell } from "@/components/chat/chat-shell";

// The sidebar lives in the layout so it keeps its scroll and search while the conversation changes.
export default function ChatLayout({ children }: { children: ReactNode }) {
  return <ChatShell>{children}</ChatShell>;
}
