"use client";

import { useEffect, useRef, useState } from "react";

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
