import { PromptsPage } from "@/components/organize/prompts-page";

// Saved prompts live in the browser's IndexedDB: the server renders only the frame.
export default function Prompts() {
  return <PromptsPage />;
}
