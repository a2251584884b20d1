// Playback while audio is still arriving. MP3 frames decode on their own, so where the browser's
// MediaSource takes `audio/mpeg` the bytes are appended as they come and the audio element plays the
// first second while the rest is synthesised. Other formats (Ogg/Opus, WAV, raw PCM) cannot be
// appended that way and play once downloaded. Either way the caller gets every byte for the Blob.

const STREAM_MIME = "audio/mpeg";

export function canStreamMp3(): boolean {
  return typeof MediaSource !== "undefined" && MediaSource.isTypeSupported(STREAM_MIME);
}

/** Feeds chunks into a MediaSource; `url` goes into an <audio> element's src. */
export class LiveAudio {
  readonly url: string;
  private readonly source = new MediaSource();
  private buffer: SourceBuffer | null = null;
  private queue: Uint8Array<ArrayBuffer>[] = [];
  private ended = false;
  private broken = false;
  private opened = false;

  constructor(private readonly mime = STREAM_MIME) {
    this.url = URL.createObjectURL(this.source);
    // `sourceopen` fires only once an element uses the URL; until then chunks wait in the queue.
    this.source.addEventListener(
      "sourceopen",
      () => {
        this.opened = true;
        // The element holds the MediaSource now; the URL is no longer needed and would leak.
        URL.revokeObjectURL(this.url);
        try {
          this.buffer = this.source.addSourceBuffer(this.mime);
          // Sequence mode lays frames end to end regardless of timestamps (MP3 has none).
          this.buffer.mode = "sequence";
          this.buffer.addEventListener("updateend", () => this.pump());
        } catch {
          this.broken = true;
        }
        this.pump();
      },
      { once: true },
    );
  }

  push(chunk: Uint8Array<ArrayBuffer>): void {
    this.queue.push(chunk);
    this.pump();
  }

  end(): void {
    this.ended = true;
    this.pump();
  }

  /** Whether playback from the stream failed (the caller then falls back to the finished Blob). */
  get failed(): boolean {
    return this.broken;
  }

  /** Drops the buffered chunks and the URL; after a failure, or when no element ever attached it. */
  dispose(): void {
    this.queue = [];
    if (!this.opened) URL.revokeObjectURL(this.url);
  }

  /** After a finished download: frees memory if nobody listened (the page was left mid-generation). */
  releaseIfUnused(): void {
    if (!this.opened) this.dispose();
  }

  private pump(): void {
    const buffer = this.buffer;
    if (!buffer || buffer.updating || this.broken || this.source.readyState !== "open") return;
    const next = this.queue.shift();
    if (next) {
      try {
        buffer.appendBuffer(next);
      } catch {
        // QuotaExceeded or a detached element: stop feeding, the Blob still completes.
        this.broken = true;
      }
      return;
    }
    if (this.ended) {
      try {
        this.source.endOfStream();
      } catch {
        this.broken = true;
      }
    }
  }
}

/**
 * Reads a response body to the end, handing each chunk to `onChunk`, and returns the whole as a Blob.
 * A body that breaks off throws, so a cut stream is never saved as a finished clip.
 */
export async function collectBody(
  res: Response,
  mime: string,
  onChunk?: (chunk: Uint8Array<ArrayBuffer>) => void,
): Promise<Blob> {
  if (!res.body) return new Blob([await res.arrayBuffer()], { type: mime });
  const reader = res.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = new Uint8Array(value);
    parts.push(chunk);
    onChunk?.(chunk);
  }
  return new Blob(parts, { type: mime });
}
