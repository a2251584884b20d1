"use client";

import { useEffect, useRef, useState } from "react";
import { loadMediaBlob } from "@/lib/media/stored";

/**
 * An object URL for a stored Blob, revoked when the component unmounts or shows another one: the one
 * hook the studios draw stored pictures, videos and uploads with.
 *
 * Give `key` (the record's id) for anything read from IndexedDB: every re-read of a live query hands
 * back a new Blob object for the same bytes, and a new URL each time makes a picture flicker and
 * restarts a playing video. Without a key the Blob object itself is the key (a file just picked).
 */
export function useObjectUrl(blob: Blob | undefined | null, key?: string): string | undefined {
  const [url, setUrl] = useState<string>();
  const blobRef = useRef(blob);
  blobRef.current = blob;
  const identity: unknown = key ?? blob;
  const present = Boolean(blob);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on purpose (see above)
  useEffect(() => {
    const current = blobRef.current;
    if (!current) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(current);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [identity, present]);
  return url;
}

/**
 * An object URL for stored bytes, by their `mediaBlobs` id (a row's `blobId`, `startImageId`, …): the
 * bytes are read only here, when something is shown, never with the rows of a list. Keyed by the blob
 * id, so live-query re-reads of the row keep the same URL; revoked on change and unmount.
 */
export function useMediaUrl(blobId: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    setUrl(undefined);
    if (!blobId) return;
    let live = true;
    let made: string | undefined;
    loadMediaBlob(blobId).then(
      (blob) => {
        if (!live || !blob) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => {}, // a database that cannot be read shows no picture, like a deleted one
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [blobId]);
  return url;
}
