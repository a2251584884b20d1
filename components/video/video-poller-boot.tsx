"use client";

import { useEffect } from "react";
import { startVideoPoller } from "@/lib/video/client/poller";

/**
 * Mount once in the studio layout so stored video jobs resume after a reload on any page, not only
 * on /video. Renders nothing; the poller itself is a module and outlives page changes.
 */
export function VideoPollerBoot() {
  useEffect(() => {
    startVideoPoller();
  }, []);
  return null;
}
