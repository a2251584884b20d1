import "server-only";
import { AppError } from "@/lib/errors";
import { isUploadUrl } from "@/lib/uploads/publish";

// A file part's URL is fetched by whoever receives it. An https link in a chat request would go to
// the provider, which downloads it: the deployment's account fetching any address a client names
// (and paying for it). The browser attaches images as data: URLs (lib/chat/client/convert.ts);
// the only links that go upstream are the ones this server published itself for a URL-only model
// (lib/uploads/publish.ts). Anything else is refused before a byte goes upstream.

interface PartLike {
  type: string;
  url?: unknown;
}

export function refuseForeignFileUrls(
  messages: readonly { parts: readonly PartLike[] }[],
  publicBaseUrl: string | undefined,
): void {
  for (const message of messages) {
    for (const part of message.parts) {
      if (part.type !== "file") continue;
      const url = typeof part.url === "string" ? part.url : "";
      if (url.startsWith("data:") || isUploadUrl(url, publicBaseUrl)) continue;
      throw new AppError("bad_request", {
        detail: "messages: file part URL is not data: or a link this server published",
        key: "error.chat.imagesAsFiles",
      });
    }
  }
}
