import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/handler";
import { MODEL_TYPES, type ModelType } from "@/lib/providers/catalog";
import { listModels } from "@/lib/providers/models";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async (request) => {
  const type = new URL(request.url).searchParams.get("type") ?? "chat";
  if (!MODEL_TYPES.includes(type as ModelType)) {
    throw new AppError("bad_request", {
      detail: `type must be one of ${MODEL_TYPES.join(", ")}`,
      key: "error.models.unknownType",
      vars: { type: type.slice(0, 40), types: MODEL_TYPES.join(", ") },
    });
  }
  return Response.json(await listModels(type as ModelType), { headers: { "cache-control": "no-store" } });
});
