"use client";

import { useEffect, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { selectSpeechForm, selectVoiceNames, useSpeechPrefs } from "@/lib/speech/client/prefs";
import { selectVoices, selectVoicesError, selectVoicesLoading, useVoices } from "@/lib/speech/client/voices-store";
import { cardClass, hintClass, secondaryButton } from "./styles";
import { VoiceUploadForm } from "./voice-upload-form";

/** The user's uploaded voices (listed from the provider), with Use and Delete, and the upload form. */
export function CustomVoices() {
  const t = useT();
  const voices = useVoices(selectVoices);
  const error = useVoices(selectVoicesError);
  const loading = useVoices(selectVoicesLoading);
  const form = useSpeechPrefs(selectSpeechForm);
  const names = useSpeechPrefs(selectVoiceNames);
  // Actions never change: taken from the store, not subscribed to.
  const { load, remove } = useVoices.getState();
  const { setForm } = useSpeechPrefs.getState();
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<AppErrorJSON | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const onDelete = async (uri: string) => {
    setDeleting(uri);
    setDeleteError(null);
    try {
      await remove(uri);
    } catch (err) {
      setDeleteError(AppError.from(err).toJSON());
    } finally {
      setDeleting(null);
    }
  };

  return (
    <section
      aria-labelledby="custom-voices-heading"
      className="space-y-3 border-t border-zinc-200 pt-5 dark:border-zinc-800"
    >
      <h2 id="custom-voices-heading" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
        {t("speech.voices.heading")}
      </h2>
      <p className={hintClass}>{t("speech.voices.intro")}</p>
      {error && <ErrorAlert error={error} onRetry={() => void load(true)} />}
      {deleteError && <ErrorAlert error={deleteError} onDismiss={() => setDeleteError(null)} />}
      {loading && !voices && <p className={hintClass}>{t("common.loading")}</p>}
      {voices && voices.length === 0 && <p className={hintClass}>{t("speech.voices.empty")}</p>}
      {voices && voices.length > 0 && (
        <ul className="space-y-2" data-testid="custom-voices">
          {voices.map((v) => {
            const inUse = form.voice === v.uri;
            return (
              <li
                key={v.uri}
                data-testid="custom-voice"
                data-uri={v.uri}
                className={`${cardClass} flex items-start gap-3`}
              >
                <div className="min-w-0 flex-1">
                  <p className="font-medium" title={names[v.uri] ? v.customName : undefined}>
                    {names[v.uri] ?? v.customName}
                    {inUse && (
                      <span className="ml-2 rounded bg-violet-100 px-1.5 py-0.5 text-xs font-normal text-violet-900 dark:bg-violet-900/50 dark:text-violet-100">
                        {t("speech.voices.inUse")}
                      </span>
                    )}
                  </p>
                  {v.text && <p className={`${hintClass} line-clamp-2`}>{v.text}</p>}
                </div>
                <button
                  type="button"
                  className={secondaryButton}
                  disabled={inUse}
                  onClick={() => setForm({ voice: v.uri, model: v.model || form.model })}
                >
                  {t("speech.voices.use")}
                </button>
                <button
                  type="button"
                  className={`${secondaryButton} text-red-700 dark:text-red-400`}
                  disabled={deleting === v.uri}
                  onClick={() => void onDelete(v.uri)}
                >
                  {t("speech.voices.delete")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <VoiceUploadForm />
    </section>
  );
}
