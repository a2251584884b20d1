import { apiHandler, readJson } from "@/lib/http/handler";
import { videoStatus } from "@/lib/video/server";
import { statusSchema } from "./schema";

export const dynamic = "force-dynamic";

/** `{requestId}` → `{status, position?, reason?, seed?, inferenceSeconds?}`; the result URL stays on the server. */
export const POST = apiHandler(async (request) => {
  const { requestId } = await readJson(request, statusSchema, 4096);
  return Response.json(await videoStatus(requestId, request.signal), { headers: { "cache-control": "no-store" } });
});
