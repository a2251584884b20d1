import { createHmac, randomUUID } from "node:crypto";
import { randomId } from "./values";

// Where the real providers serve generated files, and what their links look like. In "provider"
// media mode the simulator hands out links on these hosts and answers them itself over HTTPS (see
// tls.ts); the app reaches them through its injected media network, never through real DNS.
//
// Sources (public captures quoted in other projects' code and issues):
// - SiliconFlow images: https://sc-maas.oss-cn-shanghai.aliyuncs.com/outputs%2F20250919%2Fvvaqcpzqw0.png
//   ?Expires=…&OSSAccessKeyId=…&Signature=… (the path keeps its %2F; the older form is
//   /outputs/<uuid>_0.png?OSSAccessKeyId=…&Expires=…&Signature=…). Signed for one hour.
// - GLM CogView: https://maas-watermark-prod.cn-wlcb.ufileos.com/1758083981914_watermark.png
//   ?UCloudPublicKey=TOKEN_<uuid>&Signature=…&Expires=… (2025-09 onward; CogVideoX too), and the
//   older https://aigc-files.bigmodel.cn/api/cogview/20241230215915cfa22f46425e4cb0_0.png.
// - SiliconFlow video links are not in any capture found; they are assumed to share the image bucket.

const SF_MEDIA_HOST = "sc-maas.oss-cn-shanghai.aliyuncs.com";
const GLM_MEDIA_HOST = "maas-watermark-prod.cn-wlcb.ufileos.com";
const GLM_LEGACY_MEDIA_HOST = "aigc-files.bigmodel.cn";
export const SIMULATED_MEDIA_HOSTS = [SF_MEDIA_HOST, GLM_MEDIA_HOST, GLM_LEGACY_MEDIA_HOST] as const;

/**
 * What the simulated DNS answers for the media hosts: a public address (Alibaba Cloud's range), so
 * the app's private-address rule runs and passes as it would for the real host. Nothing ever dials
 * it: the app's test network routes every address it resolved this way to the simulator.
 */
export const SIMULATED_CDN_ADDRESS = "47.100.18.9";

export type MediaStyle = "siliconflow" | "glm" | "glm-legacy";

export function isSimulatedMediaHost(host: string): boolean {
  const name = host.toLowerCase().replace(/:\d+$/, "");
  return (SIMULATED_MEDIA_HOSTS as readonly string[]).includes(name);
}

const stamp = (d: Date) => d.toISOString().replace(/\D/g, "").slice(0, 14);

/** The object path a provider would give this file, e.g. `/outputs%2F20261203%2Fab12cd34ef.png`. */
export function providerMediaPath(style: MediaStyle, ext: string): string {
  const now = new Date();
  if (style === "siliconflow") return `/outputs%2F${stamp(now).slice(0, 8)}%2F${randomId(10)}.${ext}`;
  if (style === "glm") return `/${now.getTime()}_watermark.${ext}`;
  const kind = ext === "mp4" ? "cogvideo" : "cogview";
  return `/api/${kind}/${stamp(now)}${randomId(18, "0123456789abcdef")}_0.${ext}`;
}

function mediaHost(style: MediaStyle): string {
  return style === "siliconflow" ? SF_MEDIA_HOST : style === "glm" ? GLM_MEDIA_HOST : GLM_LEGACY_MEDIA_HOST;
}

/** The full signed https link, with the query each provider's storage puts on it. */
export function providerMediaUrl(style: MediaStyle, path: string, ttlMs: number): string {
  const expires = String(Math.floor((Date.now() + ttlMs) / 1000));
  const signature = createHmac("sha1", "simulator").update(`${path}${expires}`).digest("base64");
  let query: URLSearchParams | null = null;
  if (style === "siliconflow") {
    query = new URLSearchParams({ Expires: expires, OSSAccessKeyId: "LTAI5tSimulatorKey", Signature: signature });
  } else if (style === "glm") {
    query = new URLSearchParams({ UCloudPublicKey: `TOKEN_${randomUUID()}`, Signature: signature, Expires: expires });
  }
  return `https://${mediaHost(style)}${path}${query ? `?${query.toString()}` : ""}`;
}
