import { apiHandler, readJson } from "@/lib/http/handler";
import { VIDEO_SUBMIT_MAX_BYTES, videoSubmitSchema } from "@/lib/video/contract";
import { submitVideo } from "@/lib/video/server";

export const dynamic = "force-dynamic";

/** Starts a generation and answers `{provider, requestId}`; the browser fills in its job row and polls. */
export const POST = apiHandler(
  async (request) => {
    const input = await readJson(request, videoSubmitSchema, VIDEO_SUBMIT_MAX_BYTES);
    return Response.json(await submitVideo(input), { headers: { "cache-control": "no-store" } });
  },
  { rateLimit: true, body: "json", maxBodyBytes: VIDEO_SUBMIT_MAX_BYTES },
);
