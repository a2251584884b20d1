import { SpeechStudio } from "@/components/speech/speech-studio";

export default function SpeechPage() {
  return <SpeechStudio />;
}
