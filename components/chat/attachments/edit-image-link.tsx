"use client";

import Link from "next/link";
import { PencilIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n/client";
import { editImageHref } from "@/lib/images/client/chat-handoff";

/** "Edit image" on a picture the user sent: opens the image studio with it as an edit model's reference. */
export function EditImageLink({ attachmentId }: { attachmentId: string }) {
  const t = useT();
  return (
    <Link
      href={editImageHref(attachmentId)}
      className="absolute right-1 bottom-1 inline-flex items-center gap-1 rounded-md bg-zinc-900/75 px-1.5 py-0.5 text-xs font-medium text-white opacity-0 transition group-hover/image:opacity-100 focus-visible:opacity-100 pointer-coarse:opacity-100"
    >
      <PencilIcon width={12} height={12} aria-hidden="true" />
      {t("images.fromChat.action")}
    </Link>
  );
}
