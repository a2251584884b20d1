import { AppError } from "@/lib/errors";
import type { MediaNetwork } from "@/lib/media/network";
import { downloadProviderMedia } from "@/lib/media/safe-fetch";
import type { Capability } from "./capabilities";
import { describeRequest } from "./describe";
import { type LiveExchange, send, type Targets } from "./exchange";
import type { RequestSpec, Verdict } from "./types";

// Runs one capability: the request, polling for jobs, the app's judgement of the answer, and for
// media the download of the result through the app's own checked downloader (allow-list, https,
// private addresses): a result host the app would refuse fails the check, as it would fail users.

export interface RunContext {
  /** Send elsewhere than the configured providers (the simulator, in the replay tests). */
  targets?: Targets;
  /** The network media downloads go through (the simulator's, in tests). */
  network?: MediaNetwork;
  /** Audio for the transcription step, from the speech step when it ran. */
  audio?: Uint8Array;
  /** Adjust a request before it is sent (tests point the vision picture at a local server). */
  rewrite?(spec: RequestSpec): RequestSpec;
  sleep?(ms: number): Promise<void>;
}

export interface RunResult {
  exchanges: LiveExchange[];
  verdict: Verdict;
  sent: string;
  /** The speech step's audio, for the transcription step. */
  audio?: Uint8Array;
}

/** One second of a 440 Hz tone as 16 kHz mono WAV, when there is no recorded speech to transcribe. */
export function toneWav(seconds = 1, rate = 16_000): Uint8Array {
  const samples = Math.round(seconds * rate);
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write("RIFF", 0, "ascii");
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write("WAVEfmt ", 8, "ascii");
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write("data", 36, "ascii");
  buf.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    buf.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return new Uint8Array(buf);
}

async function download(url: string, network: MediaNetwork | undefined): Promise<number> {
  const media = await downloadProviderMedia(url, { maxBytes: 200 * 1024 * 1024, timeoutMs: 120_000, network });
  let total = 0;
  for await (const chunk of media.body as unknown as AsyncIterable<Uint8Array>) total += chunk.byteLength;
  return total;
}

export async function runCapability(cap: Capability, ctx: RunContext = {}): Promise<RunResult> {
  const wait = ctx.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let spec = cap.request();
  let file: Uint8Array | undefined;
  if (cap.needsAudio && spec.form) {
    file = ctx.audio;
    if (!file) {
      file = toneWav();
      spec = {
        ...spec,
        form: { ...spec.form, file: { ...spec.form.file, filename: "tone.wav", contentType: "audio/wav" } },
      };
    }
  }
  spec = ctx.rewrite?.(spec) ?? spec;
  const first = await send(spec, ctx.targets, file);
  const exchanges: LiveExchange[] = [first];
  if (cap.poll && first.response.status === 200) {
    const started = Date.now();
    let last: LiveExchange | undefined;
    do {
      if (last) await wait(cap.poll.everyMs);
      last = await send(cap.poll.request(first), ctx.targets);
    } while (!cap.poll.done(last) && Date.now() - started < cap.poll.timeoutMs);
    exchanges.push(last);
  }
  const verdict = await cap.verify(exchanges);
  const sent = describeRequest(spec, file?.byteLength);
  const url = verdict.ok ? verdict.mediaUrls?.[0] : undefined;
  if (url) {
    try {
      verdict.got += `, downloaded ${await download(url, ctx.network)} bytes`;
    } catch (err) {
      const e = AppError.from(err);
      return {
        exchanges,
        sent,
        verdict: { ok: false, got: `${verdict.got}, download refused or failed: ${e.code} ${e.detail ?? ""}` },
      };
    }
  }
  return { exchanges, verdict, sent, audio: cap.id === "sf-tts" && verdict.ok ? first.raw : undefined };
}
