"use client";

import { memo } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useRevealOnPhone } from "@/components/ui/studio-layout";
import { useT } from "@/lib/i18n/client";
import { removeSpeechClip, type SpeechClip, useSpeechClips } from "@/lib/speech/client/history";
import { type SpeechJob, selectSpeechJobs, useSpeechJobs } from "@/lib/speech/client/jobs";
import { SpeechResult } from "./speech-result";
import { hintClass } from "./styles";

const HISTORY_LIMIT = 100;

type Row = { id: string; createdAt: number; clip?: SpeechClip; job?: SpeechJob };

/**
 * Running generations and stored clips, newest first, as one keyed list (see SpeechResult).
 * Memoised: it takes no props, so typing in the form does not re-render the clips.
 */
export const SpeechResults = memo(function SpeechResults() {
  const t = useT();
  const clips = useSpeechClips(HISTORY_LIMIT);
  const jobs = useSpeechJobs(selectSpeechJobs);
  // Actions never change: taken from the store, not subscribed to.
  const { cancel, dismiss, generate } = useSpeechJobs.getState();

  const byId = new Map<string, Row>();
  for (const job of jobs) if (job.status !== "failed") byId.set(job.id, { id: job.id, createdAt: job.createdAt, job });
  for (const clip of clips ?? [])
    byId.set(clip.id, { ...byId.get(clip.id), id: clip.id, createdAt: clip.createdAt, clip });
  const rows = [...byId.values()].sort((a, b) => b.createdAt - a.createdAt);
  const failed = jobs.filter((j) => j.status === "failed");
  // Clips are read from IndexedDB: those there on arrival are not new, the next Generate is.
  const newest = useRevealOnPhone<HTMLDivElement>(jobs[0]?.id ?? rows[0]?.id ?? null, clips !== undefined);

  return (
    <div ref={newest} className="scroll-mt-4 space-y-3">
      <h2 className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">{t("speech.results.heading")}</h2>
      {failed.map((job) => (
        <ErrorAlert
          key={job.id}
          error={job.error!}
          title={t("speech.results.failed")}
          onRetry={() => {
            dismiss(job.id);
            void generate(job.params);
          }}
          onDismiss={() => dismiss(job.id)}
        />
      ))}
      {clips !== undefined && rows.length === 0 && <p className={hintClass}>{t("speech.results.empty")}</p>}
      <ul className="space-y-3" data-testid="speech-results">
        {rows.map((row) => (
          <SpeechResult
            key={row.id}
            clip={row.clip}
            job={row.job}
            onCancel={row.job ? () => cancel(row.id) : undefined}
            onRemove={row.clip ? () => void removeSpeechClip(row.id) : undefined}
          />
        ))}
      </ul>
    </div>
  );
});
