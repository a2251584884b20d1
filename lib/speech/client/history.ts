"use client";

// The stored speech clips (the results list), for components, which never import lib/db. New clips
// are written by jobs.ts; here they are listed, live across tabs, and deleted.

import { useLiveQuery } from "dexie-react-hooks";
import { getDB } from "@/lib/db";
import { deleteSpeechClip, getMediaBlob, listSpeechClips } from "@/lib/db/media";
import type { SpeechClip } from "@/lib/db/schema";

export type { SpeechClip };

/** The newest stored clips, newest first. */
export function useSpeechClips(limit: number): SpeechClip[] | undefined {
  return useLiveQuery(() => listSpeechClips(getDB(), { limit }), [limit]);
}

/** A clip's audio (read when it is shown, not with the list). */
export function loadClipBlob(clip: Pick<SpeechClip, "blobId">): Promise<Blob | undefined> {
  return getMediaBlob(getDB(), clip.blobId);
}

export function removeSpeechClip(id: string): Promise<void> {
  return deleteSpeechClip(getDB(), id);
}
