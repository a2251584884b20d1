// The shapes shared by the live check (scripts/check-live.ts), its recorder and the replay tests
// (tests/unit/live-replay.test.ts). A fixture under tests/fixtures/live/ is a `LiveFixture`.

export type Provider = "siliconflow" | "glm";

/** One request as the app sends it (the key is added by the app's upstream client, never stored). */
export interface RequestSpec {
  provider: Provider;
  method: "GET" | "POST";
  path: string;
  json?: unknown;
  /** multipart/form-data: text fields and one file, whose bytes are supplied when sending. */
  form?: { fields: Record<string, string>; file: { field: string; filename: string; contentType: string } };
}

export interface RecordedResponse {
  /** The provider's HTTP status; 0 when no answer came (network failure). */
  status: number;
  contentType: string;
  /** Length of the body in bytes. */
  bytes: number;
  /** The whole body, for text, JSON and event streams. */
  text?: string;
  /** The first bytes of a binary body (hex), enough to tell its format. */
  head?: string;
  /** The app's reading of a failure (AppError code and detail). */
  error?: { code: string; detail?: string };
}

export interface Exchange {
  request: RequestSpec & { fileBytes?: number };
  response: RecordedResponse;
}

export interface Verdict {
  ok: boolean;
  /** What came back, in a few words. */
  got: string;
  /** Result links to download afterwards (images, videos). */
  mediaUrls?: string[];
}

export interface LiveFixture {
  format: 1;
  capability: string;
  /** "recorded" by `check:live --record`, or "reconstructed" by hand from public captures and docs. */
  origin: "recorded" | "reconstructed";
  recordedAt?: string;
  /** Where a reconstructed fixture's bytes come from. */
  sources?: string[];
  note?: string;
  exchanges: Exchange[];
}
