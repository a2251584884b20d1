"use client";

import { create } from "zustand";
import { getDB, monotonicNow, saveSpeechClip, uuid } from "@/lib/db";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { FORMAT_SPECS } from "../bounds";
import { speakerNotes } from "../dialogue-clips";
import { requestSpeech, type SpeechParams } from "./api";
import { clipSeconds } from "./audio";
import { playableBlob } from "./playable";
import { canStreamMp3, collectBody, LiveAudio } from "./stream-playback";

// Generations run here, outside any component: leaving /speech mid-generation does not stop one,
// and the finished clip is still stored. The page shows the running jobs above the stored clips.

type JobStatus = "streaming" | "saved" | "failed";

export interface SpeechJob {
  id: string;
  createdAt: number;
  params: SpeechParams;
  status: JobStatus;
  /**
   * The MediaSource URL to play while MP3 bytes arrive; absent for formats that play after download.
   * Only the URL: the LiveAudio that feeds it stays with the running generation, out of the state.
   */
  liveUrl?: string;
  error?: AppErrorJSON;
}

interface JobsState {
  jobs: SpeechJob[];
}

const initialJobsState: JobsState = { jobs: [] };

interface JobsActions {
  generate(params: SpeechParams): Promise<void>;
  cancel(id: string): void;
  dismiss(id: string): void;
}

// Runtime objects of the running generations, by job id: never in the state components render from.
const controllers = new Map<string, AbortController>();

export const useSpeechJobs = create<JobsState & JobsActions>()((set, get) => {
  const patch = (id: string, change: Partial<SpeechJob>) =>
    set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...change } : j)) }));
  const drop = (id: string) => set((s) => ({ jobs: s.jobs.filter((j) => j.id !== id) }));

  return {
    ...initialJobsState,
    generate: async (params) => {
      const id = uuid();
      const createdAt = monotonicNow();
      const spec = FORMAT_SPECS[params.format];
      const live = params.format === "mp3" && canStreamMp3() ? new LiveAudio() : undefined;
      const controller = new AbortController();
      controllers.set(id, controller);
      // Saved jobs only bridge the moment until the stored clip shows up; older ones can go.
      set((s) => ({
        jobs: [
          { id, createdAt, params, status: "streaming", liveUrl: live?.url },
          ...s.jobs.filter((j) => j.status !== "saved"),
        ],
      }));
      try {
        const res = await requestSpeech(params, controller.signal);
        const blob = await collectBody(res, spec.mime, live ? (chunk) => live.push(chunk) : undefined);
        live?.end();
        if (blob.size === 0) throw new AppError("upstream_error", { detail: "the provider sent no audio" });
        let durationMs: number | undefined;
        try {
          durationMs = Math.round((await clipSeconds(await playableBlob(blob, params))) * 1000);
        } catch {
          // Not decodable here (an old browser without Opus): still keep the clip.
        }
        await saveSpeechClip(getDB(), {
          id,
          createdAt,
          text: params.input,
          model: { provider: "siliconflow", id: params.model },
          voice: params.voice,
          settings: {
            format: params.format,
            sampleRate: params.sampleRate,
            speed: params.speed,
            gain: params.gain,
            ...(params.style ? { style: params.style } : {}),
            // Which clip spoke for whom (names only: the clips themselves are not kept).
            ...(params.references ? { speakers: speakerNotes(params.references) } : {}),
          },
          mime: spec.mime,
          blob,
          durationMs,
        });
        live?.releaseIfUnused();
        patch(id, { status: "saved" });
      } catch (err) {
        live?.dispose();
        if (controller.signal.aborted) drop(id);
        else patch(id, { status: "failed", error: errorOf(err) });
      } finally {
        controllers.delete(id);
      }
    },
    cancel: (id) => controllers.get(id)?.abort(),
    dismiss: (id) => {
      get().cancel(id);
      drop(id);
    },
  };
});

function errorOf(err: unknown): AppErrorJSON {
  // A body that breaks off after the headers is a TypeError from the stream reader.
  if (err instanceof TypeError) return new AppError("stream_interrupted").toJSON();
  return AppError.from(err).toJSON();
}

export const selectSpeechJobs = (s: JobsState) => s.jobs;
