import { CompareView } from "@/components/compare/compare-view";
import { pageTitle } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("nav.compare");

// `/compare` starts a comparison, `/compare/<id>` opens one. Like chat, everything lives in the
// browser's IndexedDB: the server renders only the frame.
export default function ComparePage() {
  return <CompareView />;
}
