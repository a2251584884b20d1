"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { MessageKey } from "@/lib/i18n";

// Microphone recording with MediaRecorder (webm/opus where offered). The result goes through
// `toWav` before upload, since the provider wants common formats.

type RecorderState = "idle" | "requesting" | "recording";

/** Why recording could not start, as a message key the UI shows in an alert. */
function micErrorKey(err: unknown): MessageKey {
  const name = err instanceof DOMException || err instanceof Error ? err.name : "";
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError")
    return "speech.mic.denied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError")
    return "speech.mic.missing";
  if (name === "NotReadableError" || name === "AbortError") return "speech.mic.busy";
  if (name === "NotSupportedError") return "speech.mic.unsupported";
  return "speech.mic.failed";
}

function pickMime(): string | undefined {
  const candidates = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];
  return candidates.find((m) => typeof MediaRecorder !== "undefined" && MediaRecorder.isTypeSupported(m));
}

interface Recorder {
  state: RecorderState;
  /** Seconds since recording began, updated a few times a second. */
  elapsed: number;
  error: MessageKey | null;
  start(): Promise<void>;
  /** Ends recording; `onDone` receives the clip. */
  stop(): void;
  /** Ends recording and throws the clip away. */
  cancel(): void;
  clearError(): void;
}

export function useRecorder({ maxSeconds, onDone }: { maxSeconds: number; onDone: (clip: Blob) => void }): Recorder {
  const [state, setState] = useState<RecorderState>("idle");
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<MessageKey | null>(null);
  const live = useRef<{ recorder: MediaRecorder; stream: MediaStream; timer: number; keep: boolean } | null>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  const finish = useCallback((keep: boolean) => {
    const current = live.current;
    if (!current) return;
    current.keep = keep;
    window.clearInterval(current.timer);
    if (current.recorder.state !== "inactive") current.recorder.stop();
    else {
      current.stream.getTracks().forEach((t) => {
        t.stop();
      });
      live.current = null;
    }
  }, []);

  const start = useCallback(async () => {
    if (live.current) return;
    setError(null);
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
      // getUserMedia exists only in secure contexts (https or localhost).
      setError("speech.mic.unsupported");
      return;
    }
    setState("requesting");
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true },
      });
    } catch (err) {
      setState("idle");
      setError(micErrorKey(err));
      return;
    }
    const mimeType = pickMime();
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    const began = performance.now();
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    recorder.onstop = () => {
      const current = live.current;
      stream.getTracks().forEach((t) => {
        t.stop();
      });
      live.current = null;
      setState("idle");
      if (current?.keep && chunks.length > 0) onDoneRef.current(new Blob(chunks, { type: recorder.mimeType }));
    };
    const timer = window.setInterval(() => {
      const seconds = (performance.now() - began) / 1000;
      setElapsed(seconds);
      if (seconds >= maxSeconds) finish(true);
    }, 200);
    live.current = { recorder, stream, timer, keep: true };
    setElapsed(0);
    recorder.start(250);
    setState("recording");
  }, [finish, maxSeconds]);

  // Leaving the page must release the microphone.
  useEffect(() => () => finish(false), [finish]);

  return {
    state,
    elapsed,
    error,
    start,
    stop: () => finish(true),
    cancel: () => finish(false),
    clearError: () => setError(null),
  };
}
