import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/handler";
import { tokenOfName } from "@/lib/uploads/publish";
import { uploadStore } from "@/lib/uploads/store";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/uploads/<token>.<jpg|png> — an image published for a URL-only vision model (see
 * lib/uploads/publish.ts). Public: the provider fetches it without our session cookie; the
 * 256-bit token is the credential and it expires after UPLOAD_URL_TTL_SECONDS. Only verified
 * JPEG/PNG bytes are ever stored, and the headers keep a browser from reading them as anything else.
 */
export const GET = apiHandler(
  async (_request, { params, session }) => {
    const { name } = await params;
    const upload = typeof name === "string" ? await uploadStore(getEnv().redisUrl).get(tokenOfName(name)) : null;
    // With ACCESS_CODE set, a request without a session gets in with a live token only; anything
    // else answers 401 like every other route, so the route says nothing to a stranger.
    if (!upload && session.sid === "public") throw new AppError("unauthorized");
    if (!upload) {
      throw new AppError("not_found", {
        detail: "upload: unknown or expired token",
        key: "error.uploads.linkGone",
      });
    }
    return new Response(new Uint8Array(upload.bytes), {
      status: 200,
      headers: {
        "content-type": upload.mediaType,
        "content-length": String(upload.bytes.byteLength),
        "content-disposition": "inline",
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
        // Opened in a browser tab it is a picture and nothing more: no scripts, no plugins, no frames.
        "content-security-policy": "default-src 'none'; img-src 'self'; sandbox",
      },
    });
  },
  { public: true },
);

export const HEAD = GET;
