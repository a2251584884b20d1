import { ImagesStudio } from "@/components/images/images-studio";
import { pageTitle } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("nav.images");

export default function Page() {
  return <ImagesStudio />;
}
