import { COMPLETE_BODY_MAX_BYTES, completeRequestSchema } from "@/lib/complete/contract";
import { completeMiddle } from "@/lib/complete/server/complete";
import { apiHandler, readJson } from "@/lib/http/handler";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

/** POST /api/complete: fill-in-the-middle, streamed as NDJSON (lib/complete/contract.ts). */
export const POST = apiHandler(
  async (request) => {
    const body = await readJson(request, completeRequestSchema, COMPLETE_BODY_MAX_BYTES);
    return completeMiddle(body, request.signal);
  },
  { rateLimit: true, body: "json", maxBodyBytes: COMPLETE_BODY_MAX_BYTES },
);
