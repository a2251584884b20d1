import type { AppErrorJSON, Provider } from "@/lib/errors";
import type { ImageRequestEcho } from "./contract";

export type { ImageRequest } from "./contract";

/** One generated image as the route returns it: the bytes themselves, never the provider's link. */
export interface GeneratedImage {
  /** Base64 of the file. */
  data: string;
  /** Sniffed from the bytes (png, jpeg, webp, gif), not taken from the provider's header. */
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

/** 200 body of POST /api/images. */
export interface ImageResponse extends ImageRequestEcho {
  model: { provider: Provider; id: string };
  /** The seed the provider reports (or the one sent); null for models without seeds (CogView). */
  seed: number | null;
  timings: {
    /** The provider's own inference time, when it reports one. */
    inferenceMs?: number;
    /** Our call to the provider, until its JSON arrived. */
    upstreamMs: number;
    /** Downloading every result (in parallel). */
    downloadMs: number;
  };
  images: GeneratedImage[];
  /**
   * Results the provider made but the server could not download while others succeeded (an
   * expired link, a refused address). When every download fails the route answers with an error.
   */
  failed: AppErrorJSON[];
}
