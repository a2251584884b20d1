"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { PencilIcon as EditIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n/client";
import { downloadName } from "@/lib/images/client/api";
import type { ImageRecord } from "@/lib/images/client/db";
import { selectCanEdit, selectCanReference } from "@/lib/images/client/selectors";
import { referenceIds, useImageStore } from "@/lib/images/client/store";
import { DownloadIcon, ExpandIcon, FilmIcon, ReferenceIcon, ReuseIcon, TrashIcon } from "./icons";

/** The video page reads this query parameter and loads the start image from IndexedDB by id. */
function animateHref(imageId: string): string {
  return `/video?startImage=${encodeURIComponent(imageId)}`;
}

const compactClass =
  "inline-flex size-7 shrink-0 items-center justify-center rounded-md bg-white/90 text-zinc-800 shadow-sm ring-1 ring-black/5 backdrop-blur hover:bg-white focus-visible:bg-white disabled:opacity-40 dark:bg-zinc-900/90 dark:text-zinc-100 dark:ring-white/10 dark:hover:bg-zinc-800";
const fullClass =
  "inline-flex items-center gap-2 rounded-lg border border-zinc-200 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800";

function Action({
  label,
  icon,
  compact,
  onClick,
  disabled,
  danger,
}: {
  label: string;
  icon: ReactNode;
  compact: boolean;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
}) {
  const tone = danger ? " hover:text-red-600 dark:hover:text-red-400" : "";
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={compact ? label : undefined}
      title={compact ? label : undefined}
      className={(compact ? compactClass : fullClass) + tone}
    >
      {icon}
      {!compact && <span>{label}</span>}
    </button>
  );
}

/** Brings the changed form field into view: inside the form panel, or the page on narrow screens. */
function reveal(target: string): void {
  requestAnimationFrame(() =>
    document.getElementById(target)?.scrollIntoView({ block: "nearest", behavior: "smooth" }),
  );
}

/**
 * What can be done with a stored image. `compact` is the icon row on a thumbnail (names via
 * aria-label, shown as tooltips) with Delete set apart on the other corner; the viewer shows
 * the same actions with words.
 */
export function ImageActions({
  record,
  url,
  compact = false,
  withOpen = false,
}: {
  record: ImageRecord;
  url: string | undefined;
  compact?: boolean;
  withOpen?: boolean;
}) {
  const t = useT();
  const canReference = useImageStore(selectCanReference);
  const canEdit = useImageStore(selectCanEdit);
  // Actions never change: taken from the store, not subscribed to.
  const { reuseSettings: reuse, referenceFrom, removeImage: remove, view, editFrom } = useImageStore.getState();
  // An edit's result offers to go on editing it; any other image to start.
  const editLabel = t(referenceIds(record).length > 0 ? "images.action.editAgain" : "images.action.edit");
  const linkClass = compact ? compactClass : fullClass;
  const linkLabel = (label: string) => (compact ? { "aria-label": label, title: label } : {});

  const main = (
    <>
      {withOpen && (
        <Action
          compact={compact}
          label={t("images.action.open")}
          icon={<ExpandIcon />}
          onClick={() => view(record.id)}
        />
      )}
      <Action
        compact={compact}
        label={t("images.action.reuse")}
        icon={<ReuseIcon />}
        onClick={() => {
          void reuse(record);
          view(null);
          reveal("image-prompt");
        }}
      />
      <Action
        compact={compact}
        label={editLabel}
        icon={<EditIcon />}
        disabled={!canEdit}
        onClick={() => {
          void editFrom(record);
          view(null);
          reveal("image-prompt");
          document.getElementById("image-prompt")?.focus();
        }}
      />
      <Action
        compact={compact}
        label={t("images.action.reference")}
        icon={<ReferenceIcon />}
        disabled={!canReference}
        onClick={() => {
          void referenceFrom(record);
          view(null);
          reveal("image-reference");
        }}
      />
      <Link
        href={animateHref(record.id)}
        onClick={() => view(null)}
        className={linkClass}
        {...linkLabel(t("images.action.animate"))}
      >
        <FilmIcon />
        {!compact && <span>{t("images.action.animate")}</span>}
      </Link>
      <a href={url} download={downloadName(record)} className={linkClass} {...linkLabel(t("images.action.download"))}>
        <DownloadIcon />
        {!compact && <span>{t("images.action.download")}</span>}
      </a>
    </>
  );
  const del = (
    <Action
      compact={compact}
      danger
      label={t("images.action.delete")}
      icon={<TrashIcon />}
      onClick={() => void remove(record)}
    />
  );

  if (!compact) {
    return (
      <div className="flex flex-wrap gap-2">
        {main}
        {del}
      </div>
    );
  }
  return (
    <div className="flex w-full items-start justify-between gap-1">
      {del}
      <div className="flex gap-1">{main}</div>
    </div>
  );
}
