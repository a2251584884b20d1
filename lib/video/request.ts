import type { MessageKey } from "@/lib/i18n";
import {
  checkChoice,
  checkPrompt,
  checkRange,
  checkSize,
  dataUriBytes,
  type Issue,
  issue,
  megabytes,
  notTaken,
  parseDataUri,
} from "@/lib/media/checks";
import type { ModelRef } from "@/lib/providers/catalog-types";
import type { VideoSpec } from "@/lib/providers/media";
import type { VideoSubmitRequest } from "./contract";

// The video submission for one model, as plain functions the form and the server share (the image
// twin is lib/images/request.ts): build with only the fields the model takes, check against its spec,
// and turn into the provider's body. The server refuses a field the model does not take.

type VideoField = "negativePrompt" | "size" | "seed" | "frames" | "quality" | "withAudio" | "fps" | "duration";

// The field as a phrase ("does not take a seed") and as its name ("Seed must be …"), in lib/i18n/messages/checks.ts.
const LABELS: Record<VideoField, MessageKey> = {
  negativePrompt: "label.video.negativePrompt",
  size: "label.video.size",
  seed: "label.video.seed",
  frames: "label.video.frames",
  quality: "label.video.quality",
  withAudio: "label.video.withAudio",
  fps: "label.video.fps",
  duration: "label.video.duration",
};

const NAMES = {
  seed: "name.video.seed",
  quality: "name.video.quality",
  fps: "name.video.fps",
  duration: "name.video.duration",
} as const satisfies Record<string, MessageKey>;

/** The request fields `spec` takes, besides model and prompt. */
function videoFields(spec: VideoSpec): VideoField[] {
  const fields: VideoField[] = ["size"];
  if (spec.negativePrompt) fields.push("negativePrompt");
  if (spec.seed) fields.push("seed");
  if (spec.frames) fields.push("frames");
  if (spec.quality) fields.push("quality");
  if (spec.audio) fields.push("withAudio");
  if (spec.fps) fields.push("fps");
  if (spec.duration) fields.push("duration");
  return fields;
}

interface VideoDraft {
  prompt: string;
  negativePrompt?: string;
  size?: string;
  seed?: number;
  /** Start image, then last frame; as data URIs. */
  frames?: readonly string[];
  quality?: string;
  withAudio?: boolean;
  fps?: number;
  duration?: number;
  jobId?: string;
}

/**
 * The submission for `model` with only the fields `spec` takes. Without a size in the draft, a model
 * that requires one (Wan) gets the spec's default, and one that does not (CogVideoX, which then
 * follows the start image's proportions) gets none. Values are not clamped: checkVideoRequest says
 * what is out of range.
 */
export function buildVideoRequest(model: ModelRef, spec: VideoSpec, draft: VideoDraft): VideoSubmitRequest {
  const taken = new Set(videoFields(spec));
  const req: VideoSubmitRequest = {
    provider: model.provider,
    model: model.id,
    prompt: draft.prompt.trim(),
  };
  const size = draft.size || (spec.sizes.required ? spec.sizes.options[0] : undefined);
  if (size) req.size = size;
  const negative = draft.negativePrompt?.trim();
  if (taken.has("negativePrompt") && negative) req.negativePrompt = negative;
  if (taken.has("seed") && draft.seed !== undefined) req.seed = draft.seed;
  if (taken.has("frames") && draft.frames?.length) req.frames = [...draft.frames];
  if (taken.has("quality") && draft.quality) req.quality = draft.quality as VideoSubmitRequest["quality"];
  if (taken.has("withAudio") && draft.withAudio !== undefined) req.withAudio = draft.withAudio;
  if (taken.has("fps") && draft.fps !== undefined) req.fps = draft.fps;
  if (taken.has("duration") && draft.duration !== undefined) req.duration = draft.duration;
  if (draft.jobId) req.jobId = draft.jobId;
  return req;
}

function checkFrames(req: VideoSubmitRequest, spec: VideoSpec): Issue | null {
  const name = req.model;
  const frames = req.frames ?? [];
  const rule = spec.frames;
  if (!rule) return null;
  if (frames.length < rule.min) {
    return issue("frames", "check.needsStartImage", { model: name });
  }
  if (frames.length > rule.max) {
    return rule.max === 1
      ? issue("frames", "check.noLastFrame", { model: name })
      : issue("frames", "check.maxFrames", { model: name, max: rule.max });
  }
  for (const [index, frame] of frames.entries()) {
    const mime = parseDataUri(frame)?.mime ?? "";
    if (!rule.mimes.includes(mime)) {
      const list = rule.mimes.map((m) => m.replace("image/", "").toUpperCase()).join(", ");
      return issue(`frames.${index}`, "check.frameTypes", { model: name, list });
    }
    if (dataUriBytes(frame) > rule.maxBytes) {
      const max = megabytes(rule.maxBytes);
      return issue(`frames.${index}`, "check.frameBytes", { model: name, max });
    }
  }
  if (
    frames.length === 2 &&
    spec.twoFramesQuality &&
    (req.quality ?? spec.quality?.default) !== spec.twoFramesQuality
  ) {
    return issue("quality", "check.twoFramesQuality", { model: name, quality: spec.twoFramesQuality });
  }
  return null;
}

/** Every problem with `req` for the model `spec` describes; empty when it can be submitted. */
export function checkVideoRequest(req: VideoSubmitRequest, spec: VideoSpec): Issue[] {
  const name = req.model;
  const issues: Issue[] = [];
  const add = (found: Issue | null) => {
    if (found) issues.push(found);
  };
  const taken = new Set(videoFields(spec));
  for (const field of Object.keys(LABELS) as VideoField[]) {
    if (req[field] !== undefined && !taken.has(field)) add(notTaken(field, name, LABELS[field]));
  }
  if (req.prompt === "" && (spec.promptRequired || !req.frames?.length)) {
    add(spec.promptRequired ? issue("prompt", "check.videoPrompt") : issue("prompt", "check.videoPromptOrImage"));
  }
  add(checkPrompt("prompt", req.prompt, spec.promptMax, name));
  if (req.size === undefined && spec.sizes.required) add(issue("size", "check.needsSize", { model: name }));
  if (req.size !== undefined) add(checkSize("size", req.size, spec.sizes, name));
  if (spec.seed && req.seed !== undefined) add(checkRange("seed", req.seed, spec.seed, name, NAMES.seed));
  add(checkFrames(req, spec));
  if (spec.quality && req.quality !== undefined)
    add(checkChoice("quality", req.quality, spec.quality, name, NAMES.quality));
  if (spec.fps && req.fps !== undefined) add(checkChoice("fps", req.fps, spec.fps, name, NAMES.fps));
  if (spec.duration && req.duration !== undefined) {
    add(checkChoice("duration", req.duration, spec.duration, name, NAMES.duration));
  }
  return issues;
}

interface VideoProviderCall {
  path: "/video/submit" | "/videos/generations";
  body: Record<string, unknown>;
}

/** The provider's body for a submission that passed checkVideoRequest. */
export function videoProviderCall(req: VideoSubmitRequest): VideoProviderCall {
  if (req.provider === "glm") {
    const body: Record<string, unknown> = { model: req.model };
    if (req.prompt) body.prompt = req.prompt;
    if (req.quality !== undefined) body.quality = req.quality;
    if (req.withAudio !== undefined) body.with_audio = req.withAudio;
    // One image as a string; first and last frame as a list of two (GLM's video API reference).
    if (req.frames?.length === 1) body.image_url = req.frames[0];
    else if (req.frames?.length) body.image_url = [...req.frames];
    if (req.size !== undefined) body.size = req.size;
    if (req.fps !== undefined) body.fps = req.fps;
    if (req.duration !== undefined) body.duration = req.duration;
    // GLM takes the client's own unique id for the task; the job row's id is exactly that.
    if (req.jobId !== undefined) body.request_id = req.jobId;
    return { path: "/videos/generations", body };
  }
  const body: Record<string, unknown> = { model: req.model, prompt: req.prompt };
  if (req.size !== undefined) body.image_size = req.size;
  if (req.negativePrompt !== undefined) body.negative_prompt = req.negativePrompt;
  if (req.seed !== undefined) body.seed = req.seed;
  if (req.frames?.[0] !== undefined) body.image = req.frames[0];
  return { path: "/video/submit", body };
}
