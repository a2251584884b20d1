"use client";

import { useId } from "react";
import { useT } from "@/lib/i18n/client";
import type { VideoSpec } from "@/lib/providers/media";
import { selectVideoField, useVideoForm } from "@/lib/video/client/form-store";
import { fieldLabel, input } from "./styles";

function ratio(w: number, h: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(w, h);
  const [a, b] = [w / g, h / g];
  // 2048x1080 reduces to 256:135: shown as its approximate cinema ratio instead.
  return a > 32 || b > 32 ? `${(w / h).toFixed(2)}:1` : `${a}:${b}`;
}

/** `1920×1080 · 16:9` for any `WxH`. */
export function sizeLabel(size: string): string {
  const [w, h] = size.split("x").map(Number);
  if (!w || !h) return size;
  return `${w}×${h} · ${ratio(w, h)}`;
}

/**
 * The fields only some video models take (CogVideoX: quality, sound, frame rate, duration): each shown
 * only when the model's spec lists it, so nothing is sent that the provider would refuse.
 */
export function VideoOptions({ spec }: { spec: VideoSpec }) {
  const t = useT();
  const ids = { quality: useId(), audio: useId(), fps: useId(), duration: useId() };
  const quality = useVideoForm(selectVideoField("quality"));
  const withAudio = useVideoForm(selectVideoField("withAudio"));
  const fps = useVideoForm(selectVideoField("fps"));
  const duration = useVideoForm(selectVideoField("duration"));
  // Actions never change: taken from the store, not subscribed to.
  const { patch } = useVideoForm.getState();
  return (
    <>
      {spec.quality && (
        <div>
          <label htmlFor={ids.quality} className={fieldLabel}>
            {t("video.quality")}
          </label>
          <select
            id={ids.quality}
            value={quality || spec.quality.default}
            onChange={(e) => patch({ quality: e.target.value })}
            className={`${input} mt-1.5`}
          >
            {spec.quality.options.map((q) => (
              <option key={q} value={q}>
                {q === "speed" ? t("video.quality.speed") : q === "quality" ? t("video.quality.quality") : q}
              </option>
            ))}
          </select>
        </div>
      )}
      {spec.fps && (
        <div>
          <label htmlFor={ids.fps} className={fieldLabel}>
            {t("video.fps")}
          </label>
          <select
            id={ids.fps}
            value={fps || String(spec.fps.default)}
            onChange={(e) => patch({ fps: e.target.value })}
            className={`${input} mt-1.5`}
          >
            {spec.fps.options.map((n) => (
              <option key={n} value={String(n)}>
                {t("video.fpsValue", { n })}
              </option>
            ))}
          </select>
        </div>
      )}
      {spec.duration && (
        <div>
          <label htmlFor={ids.duration} className={fieldLabel}>
            {t("video.duration")}
          </label>
          <select
            id={ids.duration}
            value={duration || String(spec.duration.default)}
            onChange={(e) => patch({ duration: e.target.value })}
            className={`${input} mt-1.5`}
          >
            {spec.duration.options.map((s) => (
              <option key={s} value={String(s)}>
                {t("video.durationValue", { s })}
              </option>
            ))}
          </select>
        </div>
      )}
      {spec.audio && (
        <div className="flex items-center gap-2 self-end pb-2">
          <input
            id={ids.audio}
            type="checkbox"
            checked={withAudio}
            onChange={(e) => patch({ withAudio: e.target.checked })}
            className="size-4 accent-violet-600"
          />
          <label htmlFor={ids.audio} className={fieldLabel} title={t("video.audio.hint")}>
            {t("video.audio")}
          </label>
        </div>
      )}
    </>
  );
}
