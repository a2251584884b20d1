import { apiHandler, readJson } from "@/lib/http/handler";
import { redactText } from "@/lib/security/redact";
import { videoStatusSchema } from "@/lib/video/contract";
import { videoStatus } from "@/lib/video/server";

export const dynamic = "force-dynamic";

/** `{provider?, requestId}` → `{status, position?, reason?, seed?, inferenceSeconds?, cover?}`; result URLs stay here. */
export const POST = apiHandler(
  async (request) => {
    const { provider, requestId } = await readJson(request, videoStatusSchema, 4096);
    const reply = await videoStatus(provider, requestId, request.signal);
    // A failed job's reason is the provider's own text: it loses secrets and internal addresses first.
    if (reply.reason !== undefined) reply.reason = redactText(reply.reason);
    return Response.json(reply, { headers: { "cache-control": "no-store" } });
  },
  { body: "json" },
);
