import { SpeechStudio } from "@/components/speech/speech-studio";
import { pageTitle } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("nav.speech");

export default function SpeechPage() {
  return <SpeechStudio />;
}
