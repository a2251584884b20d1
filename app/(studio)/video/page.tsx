import { Suspense } from "react";
import { VideoStudio } from "@/components/video/video-studio";
import { pageTitle } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("nav.video");

export default function Page() {
  // useSearchParams (the gallery's ?startImage=<id>) needs a Suspense boundary.
  return (
    <Suspense>
      <VideoStudio />
    </Suspense>
  );
}
