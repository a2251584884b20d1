import { CompleteStudio } from "@/components/complete/complete-studio";
import { pageTitle } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("nav.complete");

export default function Page() {
  return <CompleteStudio />;
}
