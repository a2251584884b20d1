import { apiHandler, readJson } from "@/lib/http/handler";
import { redactText } from "@/lib/security/redact";
import { videoStatus } from "@/lib/video/server";
import { statusSchema } from "./schema";

export const dynamic = "force-dynamic";

/** `{requestId}` → `{status, position?, reason?, seed?, inferenceSeconds?}`; the result URL stays on the server. */
export const POST = apiHandler(
  async (request) => {
    const { requestId } = await readJson(request, statusSchema, 4096);
    const reply = await videoStatus(requestId, request.signal);
    // A failed job's reason is the provider's own text: it loses secrets and internal addresses first.
    if (reply.reason !== undefined) reply.reason = redactText(reply.reason);
    return Response.json(reply, { headers: { "cache-control": "no-store" } });
  },
  { body: "json" },
);
