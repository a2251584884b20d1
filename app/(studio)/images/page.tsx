import { ComingSoon } from "@/components/ui/empty-state";

export default function Page() {
  return <ComingSoon titleKey="nav.images" detailKey="empty.soon.images" />;
}
