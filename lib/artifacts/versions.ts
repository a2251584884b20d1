import { nameOf } from "./document";
import { type Artifact, type ArtifactKind, extractArtifacts } from "./extract";

// "The same artifact, revised later in the thread": the panel offers an artifact's versions. Models do
// not label their revisions, so versions are recognised the way a reader would: a later block of the
// same kind with the same name (fence file name or <title>), or, without names, a later block that
// mostly keeps the earlier one's words. Two blocks in one message are never versions of each other.
// Pure and browser-safe.

export interface ThreadMessage {
  id: string;
  role: string;
  /** The message's answer text (reasoning excluded). */
  text: string;
}

interface ArtifactRef {
  messageId: string;
  artifact: Artifact;
}

interface ArtifactGroup {
  /** `${messageId}:${index}` of the first version: stable while the thread grows. */
  id: string;
  kind: ArtifactKind;
  name?: string;
  /** Oldest first. */
  versions: ArtifactRef[];
}

/** Share of distinct words two blocks have in common (Jaccard), from 0 to 1. */
export function similarity(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}_#.-]+/gu) ?? []);
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Unnamed blocks this alike are one artifact revised; a different page shares far less than this. */
const REVISION_SIMILARITY = 0.5;

/** The thread's artifacts grouped into versions, in order of first appearance. */
export function groupArtifacts(messages: readonly ThreadMessage[]): ArtifactGroup[] {
  const groups: ArtifactGroup[] = [];
  for (const message of messages) {
    if (message.role !== "assistant") continue;
    const artifacts = extractArtifacts(message.text);
    const joined = new Set<ArtifactGroup>();
    for (const artifact of artifacts) {
      const name = nameOf(artifact)?.toLowerCase();
      const candidates = groups.filter(
        (g) => g.kind === artifact.kind && !joined.has(g) && g.versions.at(-1)?.messageId !== message.id,
      );
      let group: ArtifactGroup | undefined;
      if (name) group = candidates.findLast((g) => g.name === name);
      if (!group) {
        // The most alike earlier block, when alike enough; a named group only takes unnamed revisions.
        let best = REVISION_SIMILARITY;
        for (const g of candidates) {
          const last = g.versions.at(-1) as ArtifactRef;
          if (name && g.name) continue;
          const score = similarity(last.artifact.code, artifact.code);
          if (score >= best) {
            best = score;
            group = g;
          }
        }
      }
      const ref = { messageId: message.id, artifact };
      if (group) {
        group.versions.push(ref);
        group.name ??= name;
        joined.add(group);
      } else {
        const created: ArtifactGroup = { id: `${message.id}:${artifact.index}`, kind: artifact.kind, versions: [ref] };
        if (name) created.name = name;
        groups.push(created);
        joined.add(created);
      }
    }
  }
  return groups;
}

/** The versions of the artifact at (messageId, index), and which one it is (0-based). */
export function versionsOf(
  groups: readonly ArtifactGroup[],
  messageId: string,
  index: number,
): { group: ArtifactGroup; position: number } | undefined {
  for (const group of groups) {
    const position = group.versions.findIndex((v) => v.messageId === messageId && v.artifact.index === index);
    if (position >= 0) return { group, position };
  }
  return undefined;
}
