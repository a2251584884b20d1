import { AssistantsPage } from "@/components/organize/assistants-page";

// Assistants live in the browser's IndexedDB: the server renders only the frame.
export default function Assistants() {
  return <AssistantsPage />;
}
