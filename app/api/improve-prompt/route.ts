import { apiHandler, readJson } from "@/lib/http/handler";
import { IMPROVE_BODY_MAX_BYTES, improveRequestSchema } from "@/lib/prompt-helper/contract";
import { improvePrompt } from "@/lib/prompt-helper/server/improve";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** POST /api/improve-prompt: a suggested rewrite of an image or video prompt (lib/prompt-helper/contract.ts). */
export const POST = apiHandler(
  async (request) => {
    const body = await readJson(request, improveRequestSchema, IMPROVE_BODY_MAX_BYTES);
    const result = await improvePrompt(body, request.signal);
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
  { rateLimit: true, body: "json", maxBodyBytes: IMPROVE_BODY_MAX_BYTES },
);
