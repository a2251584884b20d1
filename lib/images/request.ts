import type { MessageKey } from "@/lib/i18n";
import { checkChoice, checkPrompt, checkRange, checkSize, type Issue, issue, notTaken } from "@/lib/media/checks";
import type { ModelRef } from "@/lib/providers/catalog-types";
import type { ImageSpec } from "@/lib/providers/media";
import type { ImageRequest } from "./contract";

// The image request for one model, as plain functions the form and the server share:
// - buildImageRequest keeps only the fields the model takes (the form may hold values from another model);
// - checkImageRequest says what is wrong with a request for that model (the server refuses the first);
// - imageProviderCall turns a checked request into the provider's body, with the provider's field names.
// The server refuses a field the model does not take rather than dropping it: a dropped seed or
// reference would make a picture the user did not ask for, and a silent drop would hide a form bug.

type ImageField = Exclude<keyof ImageRequest, "provider" | "model" | "prompt" | "jobId">;

// The field as a phrase ("does not take a seed") and as its name ("Seed must be …"), in lib/i18n/messages/checks.ts.
const LABELS: Record<ImageField, MessageKey> = {
  negativePrompt: "label.image.negativePrompt",
  size: "label.image.size",
  batchSize: "label.image.batchSize",
  seed: "label.image.seed",
  steps: "label.image.steps",
  guidance: "label.image.guidance",
  quality: "label.image.quality",
  references: "label.image.references",
};

const NAMES: Record<ImageField, MessageKey> = {
  negativePrompt: "name.image.negativePrompt",
  size: "name.image.size",
  batchSize: "name.image.batchSize",
  seed: "name.image.seed",
  steps: "name.image.steps",
  guidance: "name.image.guidance",
  quality: "name.image.quality",
  references: "name.image.references",
};

/** The request fields `spec` takes, besides model and prompt. */
function imageFields(spec: ImageSpec): ImageField[] {
  const fields: ImageField[] = [];
  if (spec.negativePrompt) fields.push("negativePrompt");
  if (spec.sizes) fields.push("size");
  if (spec.batch) fields.push("batchSize");
  if (spec.seed) fields.push("seed");
  if (spec.steps) fields.push("steps");
  if (spec.guidance) fields.push("guidance");
  if (spec.quality) fields.push("quality");
  if (spec.references) fields.push("references");
  return fields;
}

/** Everything the form may hold; values for fields the model does not take are left out. */
interface ImageDraft {
  prompt: string;
  negativePrompt?: string;
  size?: string;
  batchSize?: number;
  seed?: number;
  steps?: number;
  guidance?: number;
  quality?: string;
  references?: readonly string[];
  jobId?: string;
}

/**
 * The request for `model` with only the fields `spec` takes. Blank text and empty lists are left out;
 * a size is always sent where the model takes one (the spec's default when the draft has none), since
 * SiliconFlow requires `image_size` on every model that takes it. Values are not clamped: run
 * checkImageRequest on the result to tell the user what is out of range.
 */
export function buildImageRequest(model: ModelRef, spec: ImageSpec, draft: ImageDraft): ImageRequest {
  const req: ImageRequest = { provider: model.provider, model: model.id, prompt: draft.prompt.trim() };
  const taken = new Set(imageFields(spec));
  const negative = draft.negativePrompt?.trim();
  if (taken.has("negativePrompt") && negative) req.negativePrompt = negative;
  if (spec.sizes) req.size = draft.size || spec.sizes.options[0];
  if (taken.has("batchSize") && draft.batchSize !== undefined && draft.batchSize > 1) req.batchSize = draft.batchSize;
  if (taken.has("seed") && draft.seed !== undefined) req.seed = draft.seed;
  if (taken.has("steps") && draft.steps !== undefined) req.steps = draft.steps;
  if (taken.has("guidance") && draft.guidance !== undefined) req.guidance = draft.guidance;
  if (taken.has("quality") && draft.quality) req.quality = draft.quality as ImageRequest["quality"];
  if (taken.has("references") && draft.references?.length) req.references = [...draft.references];
  if (draft.jobId) req.jobId = draft.jobId;
  return req;
}

/** Every problem with `req` for the model `spec` describes, in field order; empty when it can be sent. */
export function checkImageRequest(req: ImageRequest, spec: ImageSpec): Issue[] {
  const name = req.model;
  const issues: Issue[] = [];
  const taken = new Set(imageFields(spec));
  const add = (found: Issue | null) => {
    if (found) issues.push(found);
  };
  add(checkPrompt("prompt", req.prompt, spec.promptMax, name));
  for (const field of Object.keys(LABELS) as ImageField[]) {
    // One image is what a model without batch_size makes anyway: a batch of 1 asks for nothing it refuses.
    const harmless = field === "batchSize" && req.batchSize === 1;
    if (req[field] !== undefined && !taken.has(field) && !harmless) add(notTaken(field, name, LABELS[field]));
  }
  if (spec.sizes && req.size === undefined && spec.sizes.required) {
    add(issue("size", "check.needsSize", { model: name }));
  }
  if (spec.sizes && req.size !== undefined) add(checkSize("size", req.size, spec.sizes, name));
  if (spec.batch && req.batchSize !== undefined)
    add(checkRange("batchSize", req.batchSize, spec.batch, name, NAMES.batchSize));
  if (spec.seed && req.seed !== undefined) add(checkRange("seed", req.seed, spec.seed, name, NAMES.seed));
  if (spec.steps && req.steps !== undefined) add(checkRange("steps", req.steps, spec.steps, name, NAMES.steps));
  if (spec.guidance && req.guidance !== undefined) {
    add(checkRange("guidance", req.guidance, spec.guidance, name, NAMES.guidance));
  }
  if (spec.quality && req.quality !== undefined)
    add(checkChoice("quality", req.quality, spec.quality, name, NAMES.quality));
  const refs = spec.references;
  if (refs) {
    const count = req.references?.length ?? 0;
    if (count < refs.min) {
      add(
        issue("references", refs.min === 1 ? "check.needsReference" : "check.needsReferences", {
          model: name,
          min: refs.min,
        }),
      );
    } else if (count > refs.max) {
      add(
        issue("references", refs.max === 1 ? "check.maxReference" : "check.maxReferences", {
          model: name,
          max: refs.max,
        }),
      );
    }
  }
  return issues;
}

export interface ImageProviderCall {
  path: "/images/generations";
  body: Record<string, unknown>;
}

/** The provider's body for a request that passed checkImageRequest. */
export function imageProviderCall(req: ImageRequest, spec: ImageSpec): ImageProviderCall {
  const path = "/images/generations" as const;
  if (req.provider === "glm") {
    // CogView: `size` and (CogView-4-250304) `quality`; no seed, negative prompt or batch.
    const body: Record<string, unknown> = { model: req.model, prompt: req.prompt };
    if (req.size !== undefined) body.size = req.size;
    if (req.quality !== undefined) body.quality = req.quality;
    return { path, body };
  }
  const body: Record<string, unknown> = { model: req.model, prompt: req.prompt };
  if (req.negativePrompt !== undefined) body.negative_prompt = req.negativePrompt;
  if (req.size !== undefined) body.image_size = req.size;
  if (req.batchSize !== undefined && spec.batch) body.batch_size = req.batchSize;
  if (req.seed !== undefined) body.seed = req.seed;
  if (req.steps !== undefined) body.num_inference_steps = req.steps;
  if (req.guidance !== undefined && spec.guidance) body[spec.guidance.field] = req.guidance;
  // Edit-2509 numbers its inputs image, image2, image3 (the image API reference).
  req.references?.forEach((uri, index) => {
    body[index === 0 ? "image" : `image${index + 1}`] = uri;
  });
  return { path, body };
}
