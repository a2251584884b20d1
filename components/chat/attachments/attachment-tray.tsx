"use client";

import { CloseIcon } from "@/components/ui/icons";
import { sameModel } from "@/lib/chat/client/models";
import type { ChatModelRef } from "@/lib/chat/contract";
import { useT } from "@/lib/i18n/client";
import { type ModelInfo, VISION_FALLBACKS } from "@/lib/providers/catalog";
import { estimateImageTokens, IMAGE_DETAILS, type ImageDetail } from "@/lib/vision/tokens";
import type { AttachProblem, DraftImage } from "./use-attachments";

/** Why these images cannot go to `model` as they are, if they cannot. */
export function visionBlock(model: ModelInfo, count: number): "noVision" | "urlOnly" | "count" | null {
  if (count === 0) return null;
  if (!model.vision) return "noVision";
  // GLM-4V-Flash fetches each image from a URL: only a server with PUBLIC_BASE_URL can serve one.
  if (!takesInlineImages(model)) return "urlOnly";
  if (model.maxImages > 0 && count > model.maxImages) return "count";
  return null;
}

/** Attached images can reach this model: inline, or as links this server publishes. */
function takesInlineImages(model: ModelInfo): boolean {
  return !model.visionUrlOnly || model.imageLinksServed === true;
}

/**
 * A model that can see attached images: a current one from the catalog's list (VISION_FALLBACKS, free
 * and newest first) that this page's list has, the same provider first; any vision model otherwise.
 */
function suggestVisionModel(models: readonly ModelInfo[], current: ModelInfo): ModelInfo | undefined {
  const ok = models.filter((m) => m.type === "chat" && m.vision && takesInlineImages(m));
  const preferred = VISION_FALLBACKS.map((ref) => ok.find((m) => sameModel(m, ref))).filter(
    (m): m is ModelInfo => m !== undefined,
  );
  return (
    preferred.find((m) => m.provider === current.provider) ??
    preferred[0] ??
    ok.find((m) => m.provider === current.provider) ??
    ok[0]
  );
}

export function AttachmentTray({
  model,
  models,
  images,
  problems,
  preparing,
  detail,
  onDetail,
  onRemove,
  onPickModel,
}: {
  model: ModelInfo;
  models: readonly ModelInfo[];
  images: DraftImage[];
  problems: AttachProblem[];
  preparing: boolean;
  detail: ImageDetail;
  onDetail: (d: ImageDetail) => void;
  onRemove: (key: string) => void;
  onPickModel: (ref: ChatModelRef) => void;
}) {
  const t = useT();
  const block = visionBlock(model, images.length);
  const suggestion = block === "noVision" || block === "urlOnly" ? suggestVisionModel(models, model) : undefined;
  const messages = problems.map((p) =>
    p.kind === "count"
      ? t("chat.attach.count", { model: model.id, max: p.max })
      : t(`chat.attach.${p.kind}`, { name: p.name }),
  );
  if (block === "count") messages.push(t("chat.attach.count", { model: model.id, max: model.maxImages }));
  if (block === "noVision" || block === "urlOnly") messages.push(t(`chat.attach.${block}`, { model: model.id }));
  // Which problems are shown, for tests and for telling this alert from Next's route announcer.
  const codes = [...new Set([...problems.map((p) => p.kind), ...(block ? [block] : [])])].join(" ");
  const sf = model.provider === "siliconflow" && model.vision;
  let tokens: number | null = null;
  for (const i of images) {
    const n = estimateImageTokens(model, i.width, i.height, detail, images.length);
    if (n !== null) tokens = (tokens ?? 0) + n;
  }
  if (images.length === 0 && messages.length === 0 && !preparing) return null;
  return (
    <div className="px-3 pt-2">
      {messages.length > 0 && (
        <div
          role="alert"
          data-testid="attach-alert"
          data-error-code={codes}
          className="mb-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {messages.map((m) => (
            <p key={m}>{m}</p>
          ))}
          {suggestion && (
            <button
              type="button"
              onClick={() => onPickModel({ provider: suggestion.provider, id: suggestion.id })}
              className="mt-1 rounded-md bg-amber-200 px-2 py-1 text-xs font-medium hover:bg-amber-300 dark:bg-amber-800 dark:hover:bg-amber-700"
            >
              {t("chat.attach.switchTo", { model: suggestion.id })}
            </button>
          )}
        </div>
      )}
      {(images.length > 0 || preparing) && (
        <div className="flex flex-wrap items-center gap-2">
          <ul aria-label={t("chat.attach.thumbnails")} className="flex flex-wrap gap-2">
            {images.map((i) => (
              <li key={i.key} className="relative" data-testid="attachment-thumbnail">
                {/* biome-ignore lint/performance/noImgElement: object URL of the user's own file */}
                <img
                  src={i.previewUrl}
                  alt={i.name}
                  data-width={i.width}
                  data-height={i.height}
                  className="size-16 rounded-lg border border-zinc-200 object-cover dark:border-zinc-700"
                />
                <button
                  type="button"
                  aria-label={t("chat.attach.remove", { name: i.name })}
                  title={t("chat.attach.remove", { name: i.name })}
                  onClick={() => onRemove(i.key)}
                  className="absolute -top-1.5 -right-1.5 inline-flex size-5 items-center justify-center rounded-full bg-zinc-800 text-white hover:bg-zinc-600"
                >
                  <CloseIcon size={12} />
                </button>
              </li>
            ))}
          </ul>
          {preparing && <span className="text-xs text-zinc-500">{t("chat.attach.preparing")}</span>}
          {sf && images.length > 0 && (
            <label className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
              {t("chat.attach.detail")}
              <select
                value={detail}
                onChange={(e) => onDetail(e.target.value as ImageDetail)}
                className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700"
              >
                {IMAGE_DETAILS.map((d) => (
                  <option key={d} value={d}>
                    {t(`chat.attach.detail.${d}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {tokens !== null && (
            <span data-testid="image-tokens" className="text-xs text-zinc-500">
              {t("chat.attach.tokens", { count: tokens })}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
