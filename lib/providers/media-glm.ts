import { MEDIA_REVIEWED } from "./media-siliconflow";
import type { MediaRow, SizeRule } from "./media-types";

// Zhipu GLM's image and video models: what each one takes. Checked on MEDIA_REVIEWED against:
// - COGVIEW: the image API reference (docs.bigmodel.cn/api-reference/模型-api/图像生成, docs.z.ai/
//   api-reference/image/generate-image): `model`, `prompt`, `quality` (hd | standard, "only supported
//   for cogview-4-250304"), `size` (recommended 1024x1024, 768x1344, 864x1152, 1344x768, 1152x864,
//   1440x720, 720x1440; custom sides 512–2048, divisible by 16, at most 2^21 pixels), `user_id`;
//   answer `{created, data: [{url}], content_filter}`. No seed, negative prompt or batch.
// - COGVIDEO: the video API reference (docs.bigmodel.cn/api-reference/模型-api/生成视频异步, docs.z.ai/
//   api-reference/video/generate-video): cogvideox-3 with `prompt` (at most 512 characters; prompt or
//   image_url or both), `quality` speed | quality (default speed), `with_audio`, `image_url` (URL or
//   base64; png, jpeg, jpg; at most 5 MB; two images = first and last frame, "first and last frame
//   mode only supports speed mode"), `size` (1280x720, 720x1280, 1024x1024, 1920x1080, 1080x1920,
//   2048x1080, 3840x2160), `fps` 30 | 60, `duration` 5 | 10, `request_id`, `user_id`.
// - CONTRACT: /work/shared/upstream-contract.md, late 2026 (cogview-4, cogview-3-flash free; cogvideox-3).
// CogView-3-Flash and CogVideoX-Flash are the free models: the same endpoints, without
// CogView-4-250304's quality and without CogVideoX-3's first-and-last-frame mode.

const COGVIEW_SIZES: SizeRule = {
  options: ["1024x1024", "768x1344", "864x1152", "1344x768", "1152x864", "1440x720", "720x1440"],
  custom: { min: 512, max: 2048, multipleOf: 16, maxPixels: 2 ** 21 },
};

const COGVIDEO_SIZES: SizeRule = {
  options: ["1920x1080", "1280x720", "720x1280", "1024x1024", "1080x1920", "2048x1080", "3840x2160"],
};

const GLM_FRAME_MIMES = ["image/png", "image/jpeg"] as const;

const cogview = (source: string, quality: boolean): MediaRow => ({
  kind: "image",
  reviewed: MEDIA_REVIEWED,
  source,
  // The endpoint documents no prompt limit; the app's cap, as for SiliconFlow.
  promptMax: 4000,
  sizes: COGVIEW_SIZES,
  ...(quality ? { quality: { options: ["standard", "hd"], default: "standard" } } : {}),
});

const cogvideo = (source: string, twoFrames: boolean): MediaRow => ({
  kind: "video",
  reviewed: MEDIA_REVIEWED,
  source,
  promptMax: 512,
  promptRequired: false,
  sizes: COGVIDEO_SIZES,
  frames: { min: 0, max: twoFrames ? 2 : 1, mimes: GLM_FRAME_MIMES, maxBytes: 5 * 1024 * 1024 },
  quality: { options: ["speed", "quality"], default: "speed" },
  ...(twoFrames ? { twoFramesQuality: "speed" } : {}),
  audio: true,
  fps: { options: [30, 60], default: 30 },
  duration: { options: [5, 10], default: 5 },
});

export const GLM_MEDIA: Record<string, MediaRow> = {
  "cogview-3-flash": cogview("COGVIEW; CONTRACT (free)", false),
  "cogview-4": cogview("COGVIEW; CONTRACT", false),
  "cogview-4-250304": cogview("COGVIEW (quality hd | standard)", true),
  "cogvideox-3": cogvideo("COGVIDEO; CONTRACT", true),
  "cogvideox-flash": cogvideo("COGVIDEO (shared fields; one image); free", false),
};
