import { apiHandler } from "@/lib/http/handler";
import { webSearchStatus } from "@/lib/search/server/status";

export const dynamic = "force-dynamic";

/** GET /api/search: whether web search works on this server (`WebSearchStatus`, lib/search/contract.ts). */
export const GET = apiHandler(async () =>
  Response.json(webSearchStatus(), { headers: { "cache-control": "no-store" } }),
);
