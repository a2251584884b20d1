import type { Provider } from "@/lib/errors";
import { GLM_MEDIA } from "./media-glm";
import { SILICONFLOW_MEDIA } from "./media-siliconflow";
import type { ImageSpec, MediaRow, MediaSpec, SpeechSpec, VideoSpec } from "./media-types";

// The media spec of any model id: its table row, or a conservative spec for an id the tables do not
// know yet (a new model in the provider's list). The fallback sends only what every model of that
// kind takes on that provider, so an unknown model is never sent a field it might refuse.

export type {
  Choice,
  ImageSpec,
  MediaSpec,
  NumberRange,
  SizeRule,
  VideoSpec,
} from "./media-types";

const TABLES: Record<Provider, Record<string, MediaRow>> = { siliconflow: SILICONFLOW_MEDIA, glm: GLM_MEDIA };

/** Media kinds, by the catalog's model type. */
export type MediaKind = MediaSpec["kind"];

function row(provider: Provider, id: string): MediaRow | undefined {
  const table = TABLES[provider];
  // "Pro/" ids are the paid variant of the same model (see catalog.ts).
  return table[id] ?? (provider === "siliconflow" && id.startsWith("Pro/") ? table[id.slice(4)] : undefined);
}

function fallback(provider: Provider, id: string, kind: MediaKind): MediaSpec {
  const sf = provider === "siliconflow";
  if (kind === "image") {
    const spec: ImageSpec = { kind, promptMax: 4000, sizes: { options: ["1024x1024"] } };
    return sf ? { ...spec, seed: { min: 0, max: 9_999_999_999, default: 0, integer: true } } : spec;
  }
  if (kind === "video") {
    const spec: VideoSpec = sf
      ? { kind, promptMax: 4000, promptRequired: true, sizes: { options: ["1280x720"], required: true } }
      : { kind, promptMax: 512, promptRequired: true, sizes: { options: ["1920x1080"] } };
    // An image-to-video id (SiliconFlow names them …-I2V-…) cannot work without its start image.
    return /i2v/i.test(id)
      ? { ...spec, frames: { min: 1, max: 1, mimes: ["image/png", "image/jpeg"], maxBytes: 5 * 1024 * 1024 } }
      : spec;
  }
  const speech: SpeechSpec = {
    kind,
    inputMax: 4000,
    presets: [],
    customVoices: false,
    speed: { min: 0.25, max: 4, default: 1 },
    gain: { min: -10, max: 10, default: 0 },
  };
  return speech;
}

/** The spec for `id` as a model of `kind`: its row, or the conservative fallback. */
export function mediaSpec(provider: Provider, id: string, kind: MediaKind): MediaSpec {
  const found = row(provider, id);
  if (found && found.kind === kind) {
    const { reviewed: _r, source: _s, ...spec } = found;
    return spec as MediaSpec;
  }
  return fallback(provider, id, kind);
}

/** Ids with a media row, per provider (GLM has no list endpoint: its rows join the model list). */
export function mediaIds(provider: Provider): string[] {
  return Object.keys(TABLES[provider]);
}
