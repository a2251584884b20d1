import { apiHandler, readJson } from "@/lib/http/handler";
import { IMAGE_BODY_MAX_BYTES, imageRequestSchema } from "@/lib/images/contract";
import { generateImages } from "@/lib/images/server/generate";

export const dynamic = "force-dynamic";
// Slow models (Qwen-Image at 50 steps, a batch of four) plus downloading every result.
export const maxDuration = 120;

/**
 * POST /api/images: one generation. Answers `ImageResponse` (lib/images/contract.ts) with every
 * result's bytes as base64 — at most 4 × 8 MB — or the app's JSON error body.
 */
export const POST = apiHandler(
  async (request) => {
    const body = await readJson(request, imageRequestSchema, IMAGE_BODY_MAX_BYTES);
    // The browser's abort (Cancel, closing the tab) reaches the provider call and the downloads.
    const result = await generateImages(body, { signal: request.signal });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
  { rateLimit: true, body: "json", maxBodyBytes: IMAGE_BODY_MAX_BYTES },
);
