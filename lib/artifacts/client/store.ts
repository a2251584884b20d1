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
}

interface ArtifactActions {
  show: (artifact: OpenArtifact) => void;
  close: () => void;
}

const initialArtifactState: ArtifactState = { open: null };

export const useArtifacts = create<ArtifactState & ArtifactActions>()((set) => ({
  ...initialArtifactState,
  show: (open) => set({ open }),
  close: () => set({ open: null }),
}));

export const selectOpenArtifact = (s: ArtifactState) => s.open;
export const selectArtifactIsOpen = (s: ArtifactState) => s.open !== null;
