import { ComingSoon } from "@/components/ui/empty-state";

export default function Page() {
  return <ComingSoon titleKey="nav.video" detailKey="empty.soon.video" />;
}
