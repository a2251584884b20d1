import { apiHandler, readJson } from "@/lib/http/handler";
import { videoContentSchema } from "@/lib/video/contract";
import { openVideoContent } from "@/lib/video/server";

export const dynamic = "force-dynamic";
// A large clip over a slow link can take minutes to pass through.
export const maxDuration = 300;

/**
 * Streams the finished video's bytes (or GLM's cover image with `part: "cover"`). The URL comes from
 * the provider's status answer, fetched here; the browser stores the bytes because the link expires.
 */
export const POST = apiHandler(
  async (request) => {
    const { provider, requestId, part } = await readJson(request, videoContentSchema, 4096);
    const download = await openVideoContent(provider, requestId, part, request.signal);
    const cover = part === "cover";
    // The providers' storage sometimes says application/octet-stream; the clip is MP4 either way.
    const type = cover ? "image/" : "video/";
    const headers = new Headers({
      "content-type": download.contentType.startsWith(type) ? download.contentType : cover ? "image/png" : "video/mp4",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
      "content-disposition": `inline; filename="video-${requestId.slice(0, 40)}${cover ? "-cover.png" : ".mp4"}"`,
    });
    if (download.contentLength !== undefined) headers.set("content-length", String(download.contentLength));
    return new Response(download.body, { status: 200, headers });
  },
  { body: "json" },
);
