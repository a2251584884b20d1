import { create } from "zustand";

// Which artifact the preview panel shows. An artifact is addressed by its reply and its position among
// the reply's previewable blocks (lib/artifacts/extract.ts); `code` is what the Preview button saw, used
// to find that position and as a fallback while the thread is loading. Nothing here runs anything:
// the panel only exists after the user pressed Preview.

interface OpenArtifact {
  messageId: string;
  /** Position in the reply's artifacts, once known. */
  index?: number;
  code: string;
  kind: "html" | "svg" | "mermaid";
}

interface ArtifactState {
  open: OpenArtifact | null;
  show: (artifact: OpenArtifact) => void;
  close: () => void;
}

export const useArtifacts = create<ArtifactState>()((set) => ({
  open: null,
  show: (open) => set({ open }),
  close: () => set({ open: null }),
}));
