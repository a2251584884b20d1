import type { PlaygroundMetadata } from "../contract";

/** The playground's fields of a reply's metadata, as the stored row keeps them; undefined when none. */
export function playgroundMetadataOf(meta: PlaygroundMetadata): PlaygroundMetadata | undefined {
  const out: PlaygroundMetadata = {};
  if (meta.notes?.length) out.notes = meta.notes;
  if (meta.prefixLength !== undefined) out.prefixLength = meta.prefixLength;
  if (meta.responseFormat) out.responseFormat = meta.responseFormat;
  return Object.keys(out).length > 0 ? out : undefined;
}
