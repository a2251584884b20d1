import { apiHandler, readJson } from "@/lib/http/handler";
import { videoStatusSchema } from "@/lib/video/contract";
import { videoStatus } from "@/lib/video/server";

export const dynamic = "force-dynamic";

/** `{provider?, requestId}` → `{status, position?, reason?, seed?, inferenceSeconds?, cover?}`; result URLs stay here. */
export const POST = apiHandler(async (request) => {
  const { provider, requestId } = await readJson(request, videoStatusSchema, 4096);
  return Response.json(await videoStatus(provider, requestId, request.signal), {
    headers: { "cache-control": "no-store" },
  });
});
