"use client";

import { useEffect, useRef, useState } from "react";
import { REMOTE_IMAGE_FRAME } from "@/lib/security/headers";

interface FrameMessage {
  source: "siliconplay-remote-image";
  ok: boolean;
  width?: number;
  height?: number;
}

const isFrameMessage = (data: unknown): data is FrameMessage =>
  typeof data === "object" && data !== null && (data as FrameMessage).source === "siliconplay-remote-image";

/**
 * A remote image the user asked for. The page's CSP loads no remote image, so it is shown by a
 * sandboxed frame of this app (public/remote-image.*) that may: the URL travels in the fragment,
 * the frame has an opaque origin (no access to this app's storage or cookies) and sends no
 * Referer. The frame reports the image's size, or its failure, by postMessage.
 */
export function RemoteImage({ url, title, onFailed }: { url: string; title: string; onFailed: () => void }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const failed = useRef(onFailed);
  failed.current = onFailed;
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.current?.contentWindow || !isFrameMessage(e.data)) return;
      const { ok, width, height } = e.data;
      if (ok && typeof width === "number" && typeof height === "number" && width > 0 && height > 0) {
        setSize({ width, height });
      } else failed.current();
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);
  return (
    <iframe
      ref={frame}
      data-testid="remote-image"
      title={title}
      src={`${REMOTE_IMAGE_FRAME}#${encodeURIComponent(url)}`}
      sandbox="allow-scripts"
      referrerPolicy="no-referrer"
      style={
        size
          ? { width: size.width, aspectRatio: `${size.width} / ${size.height}`, height: "auto" }
          : { width: 240, height: 160 }
      }
      className="my-2 inline-block max-w-full rounded-lg border border-zinc-200 align-middle dark:border-zinc-800"
    />
  );
}
