import { PromptsPage } from "@/components/organize/prompts-page";
import { pageTitle } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("prompts.title");

// Saved prompts live in the browser's IndexedDB: the server renders only the frame.
export default function Prompts() {
  return <PromptsPage />;
}
