import { ChatView } from "@/components/chat/chat-view";
import { pageTitle } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("nav.chat");

// `/chat` starts a new conversation, `/chat/<id>` opens one. The view reads the id from the path
// (a new chat takes its id with history.replaceState, without a navigation), and all data lives
// in the browser's IndexedDB, so the server renders only the frame.
export default function ChatPage() {
  return <ChatView />;
}
