import type { Metadata } from "next";
import { CompleteStudio } from "@/components/complete/complete-studio";

export const metadata: Metadata = { title: "Complete · SiliconPlay" };

export default function Page() {
  return <CompleteStudio />;
}
