import { FRAME_HEADERS, FRAME_HTML } from "@/lib/artifacts/frame";
import { apiHandler } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

/** GET /api/artifacts/frame: the sandboxed runner page artifact previews load (lib/artifacts/frame.ts). */
export const GET = apiHandler(async () => new Response(FRAME_HTML, { headers: FRAME_HEADERS }));
