import { AssistantsPage } from "@/components/organize/assistants-page";
import { pageTitle } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("nav.assistants");

// Assistants live in the browser's IndexedDB: the server renders only the frame.
export default function Assistants() {
  return <AssistantsPage />;
}
