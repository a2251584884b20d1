import { apiHandler, readJson } from "@/lib/http/handler";
import { submitVideo } from "@/lib/video/server";
import { MAX_IMAGE_DATA_URI } from "@/lib/video/types";
import { submitSchema } from "./schema";

export const dynamic = "force-dynamic";

/** Starts a generation and answers `{requestId}`; the browser stores the job at once and polls. */
export const POST = apiHandler(
  async (request) => {
    // Room for the start image data URI plus the text fields.
    const input = await readJson(request, submitSchema, MAX_IMAGE_DATA_URI + 64 * 1024);
    return Response.json(await submitVideo(input), { headers: { "cache-control": "no-store" } });
  },
  { rateLimit: true, body: "json" },
);
