import type { Message } from "@/lib/chat/client/db";

// Its own module so message-row (which lazy-loads live-assistant) and live-assistant (which takes
// the same props) both import it, instead of importing each other.
export interface MessageRowProps {
  message: Message;
  versionIndex: number;
  versionCount: number;
  busy: boolean;
  isLast: boolean;
  onStep: (messageId: string, delta: number) => void;
  /**
   * Set when this row is the reply this tab's session streams (or just streamed): the conversation
   * whose Chat (lib/chat/client/runtime.ts) the row follows. An id, not the Chat: the runtime object
   * is looked up where it is subscribed to, never during render.
   */
  liveConversationId?: string;
}
