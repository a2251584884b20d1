// The browser's calls to our speech routes. Errors arrive as AppErrors (the route's JSON body),
// so every caller shows the same bilingual message. Bodies and answers are typed by the contract;
// only its types are imported, so zod stays out of the browser.

import { apiJson, jsonRequest } from "@/lib/api-client";
import { AppError, readErrorResponse } from "@/lib/errors";
import type { SpeechFormat } from "../bounds";
import type {
  CustomVoice,
  SpeechRequestBody,
  TranscriptionResponse,
  VoicesResponse,
  VoiceUploadResponse,
} from "../contract";
import type { DialogueReference } from "../dialogue-clips";
import { type InstructionPreset, speechInput } from "../text";

export interface SpeechParams {
  model: string;
  /** The text as the user typed it (see `style`). */
  input: string;
  /** A style preset, joined to the text as CosyVoice2's instruction only in the request. */
  style?: InstructionPreset;
  voice: string;
  format: SpeechFormat;
  sampleRate: number;
  speed: number;
  gain: number;
  /** Dialogue models: one clip per speaker, in [S1], [S2] order (then `voice` is ""). */
  references?: DialogueReference[];
}

const networkError = () =>
  new AppError("network", {
    key: "error.app.unreachable",
  });

/** POST /api/speech; resolves with the streaming response once audio starts, or throws the route's error. */
export async function requestSpeech(params: SpeechParams, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch("/api/speech", jsonRequest(speechBody(params), signal));
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw networkError();
  }
  if (!res.ok) throw await readErrorResponse(res);
  return res;
}

function speechBody(params: SpeechParams): SpeechRequestBody {
  return {
    model: params.model,
    input: speechInput(params.input, params.style),
    voice: params.voice,
    response_format: params.format,
    sample_rate: params.sampleRate,
    speed: params.speed,
    gain: params.gain,
    ...(params.references ? { references: params.references } : {}),
  };
}

export async function fetchVoices(signal?: AbortSignal): Promise<CustomVoice[]> {
  return (await apiJson<VoicesResponse>("/api/voices", { signal })).voices;
}

export async function uploadVoice(input: {
  customName: string;
  text: string;
  model: string;
  file: Blob;
  fileName: string;
}): Promise<CustomVoice> {
  const form = new FormData();
  form.set("customName", input.customName);
  form.set("text", input.text);
  form.set("model", input.model);
  form.set("file", input.file, input.fileName);
  return (await apiJson<VoiceUploadResponse>("/api/voices", { method: "POST", body: form })).voice;
}

export async function deleteVoice(uri: string): Promise<void> {
  await apiJson("/api/voices", jsonRequest({ uri }, undefined, "DELETE"));
}

export async function transcribe(file: Blob, fileName: string, signal?: AbortSignal): Promise<string> {
  const form = new FormData();
  form.set("file", file, fileName);
  return (await apiJson<TranscriptionResponse>("/api/transcriptions", { method: "POST", body: form, signal })).text;
}
