// Stored media bytes for components, which never import lib/db: a row (image, video job, speech
// clip, attachment) names its bytes by a `mediaBlobs` id, and whoever shows or sends them reads
// them here. Reading rows never loads bytes; this is the one place the bytes are read for the page.

import { getDB } from "@/lib/db";
import { getMediaBlob } from "@/lib/db/media";

/** The stored Blob with this id, or undefined (deleted, or never stored). */
export function loadMediaBlob(id: string | undefined): Promise<Blob | undefined> {
  return getMediaBlob(getDB(), id);
}
