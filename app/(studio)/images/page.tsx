import type { Metadata } from "next";
import { ImagesStudio } from "@/components/images/images-studio";

export const metadata: Metadata = { title: "Images · SiliconPlay" };

export default function Page() {
  return <ImagesStudio />;
}
