import { ComingSoon } from "@/components/ui/empty-state";

export default function Page() {
  return <ComingSoon titleKey="nav.chat" detailKey="empty.soon.chat" />;
}
