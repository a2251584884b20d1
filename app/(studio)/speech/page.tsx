import { ComingSoon } from "@/components/ui/empty-state";

export default function Page() {
  return <ComingSoon titleKey="nav.speech" detailKey="empty.soon.speech" />;
}
