import { Suspense } from "react";
import { VideoStudio } from "@/components/video/video-studio";

export default function Page() {
  // useSearchParams (the gallery's ?startImage=<id>) needs a Suspense boundary.
  return (
    <Suspense>
      <VideoStudio />
    </Suspense>
  );
}
