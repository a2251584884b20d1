"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { ImprovePrompt } from "@/components/prompt-helper/improve-prompt";
import { OfflineHint, useOnline } from "@/components/shell/online";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PlayIcon } from "@/components/ui/icons";
import type { StudioFormSlots } from "@/components/ui/studio-layout";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";
import { closestSize, PREFERRED_VIDEO_MODELS } from "@/lib/video/client/choices";
import { selectVideoFormFields, useVideoForm } from "@/lib/video/client/form-store";
import { generateVideo, videoSpecOf } from "@/lib/video/client/jobs";
import type { PickedImage } from "@/lib/video/client/start-image";
import { shortModelName, useVideoModels } from "./hooks";
import { StartImageField } from "./start-image-field";
import { fieldLabel, hint, input } from "./styles";
import { sizeLabel, VideoOptions } from "./video-options";

/** How many input frames a model takes (0: text only; 1: a start image; 2: first and last frame). */
function framesTaken(model: ModelInfo | undefined): number {
  return model ? (videoSpecOf(model).frames?.max ?? 0) : 0;
}

/** The same family with the other input kind (Wan2.2-T2V-A14B ↔ Wan2.2-I2V-A14B), else the preferred one, else the first. */
function counterpart(models: ModelInfo[], id: string, wantI2V: boolean): ModelInfo | undefined {
  const twin = wantI2V ? id.replace(/T2V/i, "I2V") : id.replace(/I2V/i, "T2V");
  const same = (m: ModelInfo) => m.provider === "siliconflow" && Boolean(m.imageToVideo) === wantI2V;
  const preferred = wantI2V ? PREFERRED_VIDEO_MODELS.imageToVideo : PREFERRED_VIDEO_MODELS.textToVideo;
  return models.find((m) => m.id === twin && same(m)) ?? models.find((m) => m.id === preferred) ?? models.find(same);
}

/**
 * The video settings in the studios' order (prompt, model, options, start and last frame), and
 * Generate for the layout's action bar.
 */
export function useVideoFormSlots(): StudioFormSlots {
  const t = useT();
  const ids = { prompt: useId(), negative: useId(), model: useId(), size: useId(), seed: useId() };
  const form = useVideoForm(useShallow(selectVideoFormFields));
  // Actions never change: taken from the store, not subscribed to.
  const { patch } = useVideoForm.getState();
  const { models, error: modelsError, reload } = useVideoModels();
  const [submitting, setSubmitting] = useState(false);
  const online = useOnline();
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const current = models?.find((m) => m.id === form.model);
  const i2v = Boolean(current?.imageToVideo);
  const spec = current ? videoSpecOf(current) : undefined;
  const frames = framesTaken(current);
  const sizes = spec?.sizes.options ?? [form.size];

  // Each model offers its own sizes: keep the chosen one when offered, else the nearest in shape.
  useEffect(() => {
    if (!spec) return;
    const fitted = closestSize(form.size, spec.sizes.options);
    if (fitted !== form.size) patch({ size: fitted });
  }, [spec, form.size, patch]);

  // Once the list is in: keep a valid choice, preferring the kind that matches the start image.
  useEffect(() => {
    if (!models?.length || models.some((m) => m.id === form.model)) return;
    // SiliconFlow's Wan first (the studio's long-standing default), GLM's when it is all there is.
    const kind = (m: ModelInfo) => Boolean(m.imageToVideo) === Boolean(form.image);
    const preferred = form.image ? PREFERRED_VIDEO_MODELS.imageToVideo : PREFERRED_VIDEO_MODELS.textToVideo;
    const wanted =
      models.find((m) => m.id === preferred) ??
      models.find((m) => m.provider === "siliconflow" && kind(m)) ??
      models.find(kind) ??
      models[0];
    if (wanted) patch({ model: wanted.id });
  }, [models, form.model, form.image, patch]);

  // Adding a start image to a text-to-video model (or removing it from an image-to-video one)
  // switches to the matching model, and says so.
  const lastImage = useRef<PickedImage | null>(form.image);
  useEffect(() => {
    const before = lastImage.current;
    lastImage.current = form.image;
    if (!models || Boolean(before) === Boolean(form.image) || !current) return;
    const wantI2V = Boolean(form.image);
    if (Boolean(current.imageToVideo) === wantI2V) return;
    // A model that takes an image without needing one (CogVideoX) keeps it either way.
    if (wantI2V ? framesTaken(current) > 0 : !current.imageToVideo) return;
    const next = counterpart(models, current.id, wantI2V);
    if (!next) return;
    patch({ model: next.id });
    setNote(wantI2V ? t("video.startImage.switched", { model: shortModelName(next.id) }) : null);
  }, [form.image, models, current, patch, t]);

  useEffect(() => {
    if (!form.reusedAt) return;
    formRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    promptRef.current?.focus();
  }, [form.reusedAt]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (submitting || !current || !online) return;
    setError(null);
    setSubmitting(true);
    try {
      await generateVideo(useVideoForm.getState(), current);
    } catch (err) {
      // The draft stays as typed: nothing the user entered is lost on an error.
      setError(AppError.from(err).toJSON());
    } finally {
      setSubmitting(false);
    }
  };

  const sf = models?.filter((m) => m.provider === "siliconflow") ?? [];
  const t2vModels = sf.filter((m) => !m.imageToVideo);
  const i2vModels = sf.filter((m) => m.imageToVideo);
  const glmModels = models?.filter((m) => m.provider === "glm") ?? [];

  const fields = (
    <form id="video-form" ref={formRef} onSubmit={submit} className="scroll-mt-4 space-y-5" aria-busy={submitting}>
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={ids.prompt} className={fieldLabel}>
            {t("video.prompt")}
          </label>
          <span className={hint}>{t("video.promptHint")}</span>
        </div>
        <textarea
          id={ids.prompt}
          ref={promptRef}
          value={form.prompt}
          onChange={(e) => patch({ prompt: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void submit();
          }}
          rows={5}
          maxLength={4000}
          placeholder={t("video.promptPlaceholder")}
          className={`${input} mt-1.5 resize-y leading-relaxed`}
        />
        <div className="mt-2">
          <ImprovePrompt
            prompt={form.prompt}
            kind="video"
            model={form.model}
            onChange={(prompt) => patch({ prompt })}
          />
        </div>
      </div>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor={ids.model} className={fieldLabel}>
            {t("video.model")}
          </label>
          <select
            id={ids.model}
            value={form.model}
            disabled={!models?.length}
            onChange={(e) => {
              setNote(null);
              patch({ model: e.target.value });
            }}
            className={`${input} mt-1.5`}
          >
            {!models && <option value="">{modelsError ? "—" : t("video.modelsLoading")}</option>}
            {t2vModels.length > 0 && (
              <optgroup label={t("video.group.t2v")}>
                {t2vModels.map((m) => (
                  <option key={m.id} value={m.id}>
                    {shortModelName(m.id)}
                  </option>
                ))}
              </optgroup>
            )}
            {i2vModels.length > 0 && (
              <optgroup label={t("video.group.i2v")}>
                {i2vModels.map((m) => (
                  <option key={m.id} value={m.id}>
                    {shortModelName(m.id)}
                  </option>
                ))}
              </optgroup>
            )}
            {glmModels.length > 0 && (
              <optgroup label={t("video.group.glm")}>
                {glmModels.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.id}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          {note && <p className={`${hint} mt-1 text-violet-700 dark:text-violet-300`}>{note}</p>}
          {!note && i2v && !form.image && <p className={`${hint} mt-1`}>{t("video.startImage.needed")}</p>}
          {frames === 0 && form.image && current && <p className={`${hint} mt-1`}>{t("video.startImage.unused")}</p>}
          {models?.length === 0 && !modelsError && <p className={`${hint} mt-1`}>{t("video.noModels")}</p>}
        </div>
        <div>
          <label htmlFor={ids.size} className={fieldLabel}>
            {t("video.size")}
          </label>
          <select
            id={ids.size}
            value={form.size}
            onChange={(e) => patch({ size: e.target.value })}
            className={`${input} mt-1.5`}
          >
            {sizes.map((s) => (
              <option key={s} value={s}>
                {sizeLabel(s)}
              </option>
            ))}
          </select>
        </div>
        {(!spec || spec.seed) && (
          <div>
            <label htmlFor={ids.seed} className={fieldLabel}>
              {t("video.seed")}
            </label>
            <div className="mt-1.5 flex gap-1.5">
              <input
                id={ids.seed}
                inputMode="numeric"
                value={form.seed}
                onChange={(e) => patch({ seed: e.target.value.replace(/[^\d]/g, "").slice(0, 10) })}
                placeholder={t("video.seedPlaceholder")}
                className={`${input} tabular-nums`}
              />
              <button
                type="button"
                title={t("video.seedRandom")}
                aria-label={t("video.seedRandom")}
                onClick={() => patch({ seed: String(Math.floor(Math.random() * 4_294_967_296)) })}
                className="shrink-0 rounded-lg border border-zinc-300 px-2.5 text-base hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                <span aria-hidden="true">⚄</span>
              </button>
            </div>
          </div>
        )}
        {spec && <VideoOptions spec={spec} />}
      </div>

      {(!spec || spec.negativePrompt) && (
        <div>
          <label htmlFor={ids.negative} className={fieldLabel}>
            {t("video.negativePrompt")} <span className="font-normal text-zinc-500">({t("video.optional")})</span>
          </label>
          <textarea
            id={ids.negative}
            value={form.negativePrompt}
            onChange={(e) => patch({ negativePrompt: e.target.value })}
            rows={2}
            maxLength={4000}
            placeholder={t("video.negativePlaceholder")}
            className={`${input} mt-1.5 resize-y`}
          />
        </div>
      )}

      {modelsError && <ErrorAlert error={modelsError} onRetry={reload} />}
      {error && <ErrorAlert error={error} title={t("video.submitFailed")} onDismiss={() => setError(null)} />}

      <StartImageField required={i2v} />
      {frames > 1 && form.image && <StartImageField which="last" />}
      {frames > 1 && !form.image && <p className={hint}>{t("video.lastImage.needsStart")}</p>}
    </form>
  );

  const action = (
    <Button
      type="submit"
      form="video-form"
      loading={submitting}
      disabled={!current || !online}
      aria-describedby={online ? undefined : "video-offline"}
    >
      {!submitting && <PlayIcon />}
      {t("video.generate")}
    </Button>
  );

  const actionNote = (
    <>
      <OfflineHint id="video-offline" action="generate" />
      <p role="status" className="sr-only">
        {submitting ? t("video.submitting") : ""}
      </p>
    </>
  );

  return { form: fields, action, actionNote };
}
