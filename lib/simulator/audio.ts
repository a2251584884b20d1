import { asset } from "./assets";
import { mp3Seconds, repeatMp3, repeatOpus, speechSeconds, synthPcm, wavFile, wavSeconds } from "./codecs";
import {
  begin,
  type Ctx,
  end,
  isNum,
  randomId,
  record,
  requestModel,
  sendJson,
  sfBadRequest,
  sfModelNotFound,
  sleep,
  write,
} from "./http";
import { sfModel, VOICE_PRESETS } from "./models";

/** What every transcription returns, so tests can compare against it. */
export const SIM_TRANSCRIPT = "Hello from the simulator, this is a transcript.";

const MAX_INPUT_CHARS = 4000;
const MAX_REFERENCE_SECONDS = 30;

// MOSS-TTSD as SiliconFlow's speech API reference states it (docs.siliconflow.cn/api-reference/audio/
// create-speech, read 2026-12-03): `input` 1–128000 characters with [S1]/[S2] turns; `max_tokens`
// (default 2048; input and output together under 32k); "The voice field and references field are
// mutually exclusive. If you want to use scripted dialogue, you need to pass two voice tones through
// the references field"; `voice` only as one of the eight presets; the example sends neither (the
// model's own voices). A reference is `{audio, text}` as for CosyVoice's dynamic voice (seed 003).
const MOSS = "fnlp/MOSS-TTSD-v0.5";
const MOSS_MAX_INPUT_CHARS = 128_000;
const MOSS_MAX_TOKENS = 32_768;

// A reference's audio is "参考音频 url。也支持 base64 格式" and its text "参考音频的文字内容" (seed 003, the
// text-to-speech guide §5.3); reference audio must be under 30 s (seed 003: "cosyvoice2 上传音色必须小于
// 30s"; the guide's §4 asks for 8–10 s), checked here where the bytes are inline.
function referenceProblem(reference: unknown, index: number): string | null {
  const r = record(reference);
  const audio = r.audio;
  const inline = typeof audio === "string" ? /^data:audio\/[\w.+-]+;base64,([A-Za-z0-9+/=]+)$/.exec(audio) : null;
  const ok = inline || (typeof audio === "string" && /^https?:\/\//i.test(audio));
  if (!ok) return `references[${index}].audio must be a data:audio/...;base64 URI or an http(s) URL`;
  if (typeof r.text !== "string" || r.text.trim() === "") return `references[${index}].text is required`;
  if (inline) {
    const bytes = Buffer.from(inline[1] ?? "", "base64");
    const seconds = wavSeconds(bytes) ?? mp3Seconds(bytes);
    if (seconds > MAX_REFERENCE_SECONDS) {
      return `references[${index}].audio is ${seconds.toFixed(1)} s long; it must be shorter than ${MAX_REFERENCE_SECONDS} s`;
    }
  }
  return null;
}

/** MOSS-TTSD's own rules; null when the request may be spoken. */
function mossProblem(body: Record<string, unknown>): string | null {
  const { references } = body;
  // An empty voice is no voice: the guide's dynamic-voice example sends `voice=""` beside references
  // ("此处传入空值，表示使用动态音色", seed 003 §5.3), so "" is not counted against the exclusivity.
  const voice = body.voice === "" && references !== undefined ? undefined : body.voice;
  if (voice !== undefined && references !== undefined) return "voice and references are mutually exclusive";
  if (voice !== undefined) {
    const preset = typeof voice === "string" && voice.startsWith(`${MOSS}:`) ? voice.slice(MOSS.length + 1) : "";
    if (!(VOICE_PRESETS as readonly string[]).includes(preset)) {
      return `voice must be one of ${VOICE_PRESETS.map((p) => `${MOSS}:${p}`).join(", ")}`;
    }
  }
  if (references !== undefined) {
    if (!Array.isArray(references) || references.length !== 2) {
      return "references must hold two voices, one per speaker ([S1] and [S2])";
    }
    for (const [index, reference] of references.entries()) {
      const problem = referenceProblem(reference, index);
      if (problem) return problem;
    }
  }
  const max = body.max_tokens;
  if (max !== undefined && !(isNum(max) && Number.isInteger(max) && max >= 1 && max <= MOSS_MAX_TOKENS)) {
    return `max_tokens must be an integer between 1 and ${MOSS_MAX_TOKENS}`;
  }
  return null;
}

/** The spoken words of a dialogue script, without its [S1]/[S2] tags. */
function spokenText(input: string): string {
  return input.replace(/\[S[12]\]/g, " ").trim();
}

const FORMATS = {
  mp3: { contentType: "audio/mpeg", rates: [32000, 44100], defaultRate: 44100 },
  opus: { contentType: "audio/ogg; codecs=opus", rates: [48000], defaultRate: 48000 },
  wav: { contentType: "audio/wav", rates: [8000, 16000, 24000, 32000, 44100], defaultRate: 44100 },
  pcm: { contentType: "audio/pcm", rates: [8000, 16000, 24000, 32000, 44100], defaultRate: 44100 },
} as const;

type Format = keyof typeof FORMATS;

function voiceProblem(ctx: Ctx, model: string, voice: unknown, references: unknown): string | null {
  if (voice === "") {
    const ok = Array.isArray(references) && references.some((r) => typeof record(r).audio === "string");
    return ok ? null : 'voice "" needs references: [{audio, text}] (a dynamic voice)';
  }
  if (typeof voice !== "string") return "voice is required";
  if (voice.startsWith("speech:")) return ctx.state.voices.has(voice) ? null : `unknown voice uri: ${voice}`;
  const preset = voice.startsWith(`${model}:`) ? voice.slice(model.length + 1) : "";
  if ((VOICE_PRESETS as readonly string[]).includes(preset)) return null;
  return `unknown voice ${JSON.stringify(voice)}: use "${model}:<${VOICE_PRESETS.join("|")}>" or an uploaded speech: uri`;
}

/** POST /audio/speech: real audio bytes whose duration follows the text, sent in several chunks. */
export async function speech(ctx: Ctx): Promise<void> {
  const body = record(ctx.json);
  const model = sfModel(body.model, "audio", ["text-to-speech"]);
  if (!model) {
    sfModelNotFound(ctx);
    return;
  }
  const input = body.input;
  const moss = model.id === MOSS;
  if (typeof input !== "string" || input.trim() === "") return sfBadRequest(ctx, "input is required");
  const maxChars = moss ? MOSS_MAX_INPUT_CHARS : MAX_INPUT_CHARS;
  if ([...input].length > maxChars) return sfBadRequest(ctx, `input is too long: at most ${maxChars} characters`);
  if (!moss && body.max_tokens !== undefined) {
    return sfBadRequest(ctx, "Value error, current model does not support parameter `max_tokens`.");
  }
  const voiceError = moss ? mossProblem(body) : voiceProblem(ctx, model.id, body.voice, body.references);
  if (voiceError) return sfBadRequest(ctx, voiceError);
  const format = (body.response_format ?? "mp3") as Format;
  const spec = FORMATS[format];
  if (!spec) return sfBadRequest(ctx, "response_format must be one of mp3, opus, wav, pcm");
  const rate = body.sample_rate ?? spec.defaultRate;
  if (!(spec.rates as readonly unknown[]).includes(rate)) {
    return sfBadRequest(ctx, `sample_rate for ${format} must be one of ${spec.rates.join(", ")}`);
  }
  const speed = body.speed ?? 1;
  if (!isNum(speed) || speed < 0.25 || speed > 4) return sfBadRequest(ctx, "speed must be between 0.25 and 4.0");
  const gain = body.gain ?? 0;
  if (!isNum(gain) || gain < -10 || gain > 10) return sfBadRequest(ctx, "gain must be between -10 and 10");

  const spoken = moss ? spokenText(input) : input;
  const seconds = speechSeconds(spoken, speed);
  let audio: Buffer;
  if (format === "mp3") audio = repeatMp3(asset(rate === 32000 ? "chime-32000.mp3" : "chime-44100.mp3"), seconds);
  else if (format === "opus") audio = repeatOpus(asset("chime.opus"), seconds);
  else {
    const pcm = synthPcm(spoken, rate as number, speed, gain);
    audio = format === "wav" ? wavFile(pcm, rate as number) : pcm;
  }

  const cut = ctx.state.faults.take("siliconflow", ctx.path, true, requestModel(ctx))?.fault === "cut-stream";
  begin(ctx, 200, { "content-type": spec.contentType, "cache-control": "no-cache" });
  // Chunked like the real service, so clients must not assume one read gets the whole file.
  const size = Math.max(4096, Math.ceil(audio.length / 8));
  for (let at = 0; at < audio.length; at += size) {
    if (at > 0) {
      if (cut) return ctx.cut();
      await sleep(ctx, 15);
    }
    if (!(await write(ctx, audio.subarray(at, at + size)))) return;
  }
  end(ctx);
}

interface VoiceUpload {
  model: unknown;
  customName: unknown;
  text: unknown;
  audio: Buffer | null;
}

async function readUpload(ctx: Ctx): Promise<VoiceUpload | string> {
  if (ctx.form) {
    const file = ctx.form.get("file");
    return {
      model: ctx.form.get("model"),
      customName: ctx.form.get("customName"),
      text: ctx.form.get("text"),
      audio: file instanceof Blob ? Buffer.from(await file.arrayBuffer()) : null,
    };
  }
  const body = record(ctx.json);
  if (typeof body.audio !== "string") return "audio is required: a file field or a data:audio/...;base64,... string";
  const m = /^data:audio\/[\w.+-]+;base64,([A-Za-z0-9+/=\s]*)$/.exec(body.audio);
  if (!m) return "audio must be a data URI such as data:audio/mpeg;base64,...";
  return { model: body.model, customName: body.customName, text: body.text, audio: Buffer.from(m[1] ?? "", "base64") };
}

/** POST /uploads/audio/voice: multipart (`file`) or JSON (`audio` data URI) → `{uri}`. */
export async function uploadVoice(ctx: Ctx): Promise<void> {
  const upload = await readUpload(ctx);
  if (typeof upload === "string") return sfBadRequest(ctx, upload);
  const model = sfModel(upload.model, "audio", ["text-to-speech"]);
  if (!model) return sfModelNotFound(ctx);
  const { customName, text, audio } = upload;
  if (typeof customName !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(customName)) {
    return sfBadRequest(ctx, "customName is required: up to 64 letters, digits, underscores or hyphens");
  }
  if (typeof text !== "string" || text.trim() === "")
    return sfBadRequest(ctx, "text is required: what the reference audio says");
  if (!audio || audio.length === 0) return sfBadRequest(ctx, "the reference audio is empty");
  const seconds = wavSeconds(audio) ?? mp3Seconds(audio);
  if (seconds > MAX_REFERENCE_SECONDS) {
    return sfBadRequest(
      ctx,
      `The reference audio is ${seconds.toFixed(1)} s long; it must be shorter than ${MAX_REFERENCE_SECONDS} s (8–10 s works best).`,
    );
  }
  const uri = `speech:${customName}:c${randomId(24)}:${randomId(20, "abcdefghijklmnopqrstuvwxyz")}`;
  ctx.state.voices.set(uri, { model: model.id, customName, text, uri });
  sendJson(ctx, 200, { uri });
}

export function listVoices(ctx: Ctx): void {
  sendJson(ctx, 200, { results: [...ctx.state.voices.values()] });
}

export function deleteVoice(ctx: Ctx): void {
  const uri = record(ctx.json).uri;
  if (typeof uri === "string" && ctx.state.voices.delete(uri)) sendJson(ctx, 200, {});
  else sfBadRequest(ctx, `voice not found: ${String(uri)}`);
}

/** POST /audio/transcriptions: multipart `file` and `model` → `{text}`. */
export function transcribe(ctx: Ctx): void {
  const file = ctx.form?.get("file");
  if (!ctx.form) sfBadRequest(ctx, "expected multipart/form-data with file and model");
  else if (!sfModel(ctx.form.get("model"), "audio", ["speech-to-text"])) sfModelNotFound(ctx);
  else if (!(file instanceof Blob) || file.size === 0) sfBadRequest(ctx, "file is required");
  else sendJson(ctx, 200, { text: SIM_TRANSCRIPT });
}
