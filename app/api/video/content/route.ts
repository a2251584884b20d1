import { apiHandler, readJson } from "@/lib/http/handler";
import { openVideoContent } from "@/lib/video/server";
import { contentSchema } from "./schema";

export const dynamic = "force-dynamic";
// A large clip over a slow link can take minutes to pass through.
export const maxDuration = 300;

/**
 * Streams the finished video's bytes. The URL comes from the provider's status answer, fetched
 * here; the browser stores the bytes as a Blob because the link itself expires within minutes.
 */
export const POST = apiHandler(
  async (request) => {
    const { requestId } = await readJson(request, contentSchema, 4096);
    const download = await openVideoContent(requestId, request.signal);
    const headers = new Headers({
      // The provider's OSS links sometimes say application/octet-stream; the clip is MP4 either way.
      "content-type": download.contentType.startsWith("video/") ? download.contentType : "video/mp4",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
      "content-disposition": `inline; filename="video-${requestId.slice(0, 40)}.mp4"`,
    });
    if (download.contentLength !== undefined) headers.set("content-length", String(download.contentLength));
    return new Response(download.body, { status: 200, headers });
  },
  { body: "json" },
);
