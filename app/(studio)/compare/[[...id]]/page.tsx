import { CompareView } from "@/components/compare/compare-view";

// `/compare` starts a comparison, `/compare/<id>` opens one. Like chat, everything lives in the
// browser's IndexedDB: the server renders only the frame.
export default function ComparePage() {
  return <CompareView />;
}
