import type { MediaStyle } from "./media-hosts";

interface StoredFile {
  /** Dropped once expired: only the expiry is kept, to answer 403 rather than 404. */
  body: Buffer | null;
  contentType: string;
  expiresAt: number;
}

// Expired entries are forgotten entirely after a day, so a long benchmark run cannot grow the map forever.
const FORGET_AFTER_MS = 86_400_000;

/** Generated media served under /files, each with a hard expiry like the provider's signed OSS links. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();

  put(path: string, body: Buffer, contentType: string, ttlMs: number): void {
    this.sweep();
    this.files.set(path, { body, contentType, expiresAt: Date.now() + ttlMs });
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get(path: string): StoredFile | undefined {
    return this.files.get(path);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [path, file] of this.files) {
      if (file.expiresAt < now - FORGET_AFTER_MS) this.files.delete(path);
      else if (file.expiresAt < now) file.body = null;
    }
  }
}

/** Where a stored result lives, and whether its link names a provider's media host. */
export interface StoredResult {
  style: MediaStyle;
  path: string;
  onProviderHost: boolean;
}
