import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "SiliconPlay — SiliconFlow & GLM playground",
    short_name: "SiliconPlay",
    description: "Chat, vision, images, video and speech for SiliconFlow and Zhipu GLM",
    start_url: "/chat",
    scope: "/",
    display: "standalone",
    background_color: "#09090b",
    theme_color: "#6d28d9",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
