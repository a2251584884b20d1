"use client";

import { type FormEvent, type KeyboardEvent, useState } from "react";
import { ImprovePrompt } from "@/components/prompt-helper/improve-prompt";
import { OfflineHint, useOnline } from "@/components/shell/online";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { StudioFormSlots } from "@/components/ui/studio-layout";
import { useT } from "@/lib/i18n/client";
import { type ImageCaps, imageCaps, modelKey, PROMPT_MAX_CHARS } from "@/lib/images/capabilities";
import { blocker, findModel } from "@/lib/images/client/form";
import { MAX_RUNNING } from "@/lib/images/client/jobs";
import { selectForm, selectModels, selectReferenceCount, selectRunningCount } from "@/lib/images/client/selectors";
import { useImageStore } from "@/lib/images/client/store";
import { SparkIcon } from "./icons";
import { NumberField } from "./number-field";
import { ReferenceField } from "./reference-field";
import { SeedField } from "./seed-field";
import { sizeLabel } from "./size-label";
import { fieldClass, hintClass, labelClass, textareaClass } from "./styles";

const BLOCKER_KEYS = {
  loading: "images.blocker.loading",
  prompt: "images.blocker.prompt",
  model: "images.blocker.model",
  reference: "images.blocker.reference",
} as const;

function ModelBadges({ free, caps }: { free: boolean; caps: ImageCaps | null }) {
  const t = useT();
  const badges = [
    free && t("images.models.free"),
    caps && caps.reference === "required" && t("images.models.edit"),
    caps && caps.reference === "optional" && t("images.models.i2i"),
    caps && caps.batchMax > 1 && t("images.models.batch", { n: caps.batchMax }),
  ].filter((b): b is string => typeof b === "string");
  if (badges.length === 0) return null;
  return (
    <p className="flex flex-wrap gap-1.5">
      {badges.map((b) => (
        <span
          key={b}
          className="rounded-full bg-violet-50 px-2 py-0.5 text-[11px] font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-200"
        >
          {b}
        </span>
      ))}
    </p>
  );
}

/**
 * The generation settings, in the studios' order (prompt, model, options, reference upload), and the
 * Generate button with its status for the layout's action bar. Every control offers only what the
 * chosen model accepts.
 */
export function useImageFormSlots(): StudioFormSlots {
  const t = useT();
  const form = useImageStore(selectForm);
  const models = useImageStore(selectModels);
  const referenceCount = useImageStore(selectReferenceCount);
  const running = useImageStore(selectRunningCount);
  const { setForm, selectModel, generate, loadModels } = useImageStore.getState();
  const [tried, setTried] = useState(false);

  const model = findModel(models.list, form.modelKey);
  const caps = model ? imageCaps(model) : null;
  // Until the list is in there is nothing to send with: Generate waits, and says why (this is also
  // the server's HTML, so a click before hydration cannot submit the form natively).
  const waiting = models.list.length === 0 && models.status !== "error";
  const block = waiting ? "loading" : blocker(form, caps, referenceCount);
  const busy = running >= MAX_RUNNING;
  const online = useOnline();

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!online) return;
    if (block || busy) {
      setTried(true);
      if (block === "prompt") document.getElementById("image-prompt")?.focus();
      return;
    }
    setTried(false);
    generate();
  };
  const onPromptKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit();
  };
  const groups = (["siliconflow", "glm"] as const)
    .map((provider) => ({ provider, list: models.list.filter((m) => m.provider === provider) }))
    .filter((g) => g.list.length > 0);

  const fields = (
    <form id="image-form" onSubmit={submit} noValidate className="space-y-5">
      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between">
          <label htmlFor="image-prompt" className={labelClass}>
            {t("images.field.prompt")}
          </label>
          <span className={`${hintClass} tabular-nums`}>
            {form.prompt.length}/{PROMPT_MAX_CHARS}
          </span>
        </div>
        <textarea
          id="image-prompt"
          rows={5}
          maxLength={PROMPT_MAX_CHARS}
          value={form.prompt}
          onChange={(e) => setForm({ prompt: e.target.value })}
          onKeyDown={onPromptKey}
          placeholder={t("images.prompt.placeholder")}
          aria-invalid={tried && block === "prompt"}
          className={textareaClass}
        />
        <ImprovePrompt
          prompt={form.prompt}
          kind="image"
          model={model?.id ?? ""}
          onChange={(prompt) => setForm({ prompt })}
        />
      </div>

      <div className="space-y-1.5">
        <label htmlFor="image-model" className={labelClass}>
          {t("images.field.model")}
        </label>
        <select
          id="image-model"
          value={form.modelKey}
          onChange={(e) => selectModel(e.target.value)}
          disabled={models.list.length === 0}
          className={`${fieldClass} w-full`}
        >
          {models.list.length === 0 && <option value="">{t("images.models.loading")}</option>}
          {groups.map((g) => (
            <optgroup
              key={g.provider}
              label={t(g.provider === "glm" ? "images.group.glm" : "images.group.siliconflow")}
            >
              {g.list.map((m) => (
                // The label is the bare id, so the option can be chosen by the name users know.
                <option key={modelKey(m)} value={modelKey(m)}>
                  {m.id}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {model && <ModelBadges free={model.free} caps={caps} />}
        {models.status === "error" && models.error && (
          <ErrorAlert error={models.error} title={t("images.models.failed")} onRetry={() => void loadModels(true)} />
        )}
        {models.partialErrors[0] && <ErrorAlert error={models.partialErrors[0]} title={t("images.models.partial")} />}
      </div>

      {/* Only the fields the model takes: edit models follow their input's size, batches are Kolors-only. */}
      {(caps === null || caps.sizes.length > 0 || caps.batchMax > 1) && (
        <div className="grid grid-cols-[1fr_7rem] gap-3">
          {(caps === null || caps.sizes.length > 0) && (
            <div className="space-y-1.5">
              <label htmlFor="image-size" className={labelClass}>
                {t("images.field.size")}
              </label>
              <select
                id="image-size"
                value={form.size}
                onChange={(e) => setForm({ size: e.target.value })}
                className={`${fieldClass} w-full`}
              >
                {(caps?.sizes ?? [form.size]).map((size) => (
                  <option key={size} value={size}>
                    {sizeLabel(size)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {caps && caps.batchMax > 1 && (
            <NumberField
              id="image-batch"
              label={t("images.field.batchSize")}
              value={form.batchSize}
              min={1}
              max={caps.batchMax}
              slider={false}
              onChange={(batchSize) => setForm({ batchSize })}
            />
          )}
        </div>
      )}

      {caps?.spec.quality && (
        <div className="space-y-1.5">
          <label htmlFor="image-quality" className={labelClass}>
            {t("images.field.quality")}
          </label>
          <select
            id="image-quality"
            value={form.quality ?? caps.spec.quality.default}
            onChange={(e) => setForm({ quality: e.target.value })}
            className={`${fieldClass} w-full`}
          >
            {caps.spec.quality.options.map((q) => (
              <option key={q} value={q}>
                {q === "hd" ? t("images.quality.hd") : q === "standard" ? t("images.quality.standard") : q}
              </option>
            ))}
          </select>
        </div>
      )}

      <SeedField supported={caps?.seed ?? true} />

      {caps?.steps && (
        <NumberField
          id="image-steps"
          label={t("images.field.steps")}
          value={form.steps}
          min={caps.steps.min}
          max={caps.steps.max}
          hint={t("images.steps.hint")}
          onChange={(steps) => setForm({ steps })}
        />
      )}
      {caps?.guidance && (
        <NumberField
          id="image-guidance"
          label={t("images.field.guidance")}
          value={form.guidance}
          min={caps.guidance.min}
          max={caps.guidance.max}
          step={0.1}
          hint={t("images.guidance.hint")}
          onChange={(guidance) => setForm({ guidance })}
        />
      )}

      <div className="space-y-1.5">
        <label htmlFor="image-negative" className={labelClass}>
          {t("images.field.negativePrompt")}
        </label>
        <textarea
          id="image-negative"
          rows={2}
          maxLength={PROMPT_MAX_CHARS}
          value={form.negativePrompt}
          disabled={caps !== null && !caps.negativePrompt}
          onChange={(e) => setForm({ negativePrompt: e.target.value })}
          onKeyDown={onPromptKey}
          placeholder={
            caps && !caps.negativePrompt ? t("images.negative.unsupported") : t("images.negative.placeholder")
          }
          className={textareaClass}
        />
      </div>

      {caps && caps.reference !== "none" && (
        <ReferenceField mode={caps.reference} max={caps.spec.references?.max ?? 1} />
      )}
    </form>
  );

  const action = (
    <Button
      type="submit"
      form="image-form"
      disabled={busy || waiting || !online}
      aria-describedby={online ? "image-generate-status" : "image-offline"}
    >
      <SparkIcon width={18} height={18} />
      {t("images.generate")}
    </Button>
  );

  const actionNote = (
    <>
      <OfflineHint id="image-offline" action="generate" />
      {tried && block && !waiting ? (
        <p id="image-generate-status" role="alert" className="text-red-700 dark:text-red-400">
          {t(BLOCKER_KEYS[block])}
        </p>
      ) : (
        <p id="image-generate-status" role="status">
          {waiting
            ? t("images.blocker.loading")
            : busy
              ? t("images.blocker.busy", { n: running })
              : t("images.shortcut")}
        </p>
      )}
    </>
  );

  return { form: fields, action, actionNote };
}
