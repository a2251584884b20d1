import type { AppErrorJSON } from "@/lib/errors";
import type { ModelRef } from "@/lib/providers/catalog-types";
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
  /** Its place in the provider's list (a failed download leaves a gap). */
  index: number;
  /** This image's own seed, when the provider reports one per image (SiliconFlow reports one per request). */
  seed?: number;
}

/** 200 body of POST /api/images. */
export interface ImageResponse extends ImageRequestEcho {
  model: ModelRef;
  /**
   * The seed the provider reports for the request (or the one sent); null for models without seeds
   * (CogView). For a batch it is the batch's seed: the images of a batch differ, so it reproduces the
   * whole batch, not one image of it on its own.
   */
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
