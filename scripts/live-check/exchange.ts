import { AppError } from "@/lib/errors";
import { upstreamFetch } from "@/lib/upstream";
import type { Exchange, LiveFixture, Provider, RecordedResponse, RequestSpec } from "./types";

// Sends one request through the app's own upstream client (auth, timeouts, error parsing), keeps
// what came back as an Exchange, and turns exchanges into fixtures with keys and account data removed.

/** Where to send instead of the configured provider (replay server, simulator). */
export type Targets = Partial<Record<Provider, { baseUrl: string; apiKey: string }>>;

const TEXTUAL = /json|text|event-stream|xml/i;
const HEAD_BYTES = 32;

/** An exchange as it happened, with the whole body (fixtures keep only a summary of binary ones). */
export interface LiveExchange extends Exchange {
  raw?: Uint8Array;
}

export async function send(spec: RequestSpec, targets: Targets = {}, file?: Uint8Array): Promise<LiveExchange> {
  let body: BodyInit | undefined;
  if (spec.form) {
    const form = new FormData();
    for (const [k, v] of Object.entries(spec.form.fields)) form.set(k, v);
    const f = spec.form.file;
    form.set(f.field, new Blob([Buffer.from(file ?? new Uint8Array())], { type: f.contentType }), f.filename);
    body = form;
  }
  const request = { ...spec, ...(spec.form ? { fileBytes: file?.byteLength ?? 0 } : {}) };
  try {
    const res = await upstreamFetch(spec.provider, spec.path, {
      method: spec.method,
      json: spec.json,
      body,
      maxAttempts: 1,
      firstByteTimeoutMs: 120_000,
      ...targets[spec.provider],
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const contentType = res.headers.get("content-type") ?? "";
    const response: RecordedResponse = { status: res.status, contentType, bytes: bytes.byteLength };
    if (TEXTUAL.test(contentType)) response.text = new TextDecoder().decode(bytes);
    else response.head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString("hex");
    return { request, response, raw: bytes };
  } catch (err) {
    const e = AppError.from(err);
    return {
      request,
      response: { status: e.upstreamStatus ?? 0, contentType: "", bytes: 0, error: { code: e.code, detail: e.detail } },
    };
  }
}

/** Signed-link parameters and anything that looks like a credential. */
const SECRET_PARAMS =
  /\b(Signature|OSSAccessKeyId|UCloudPublicKey|X-Amz-Signature|X-Amz-Credential|AccessKeyId|token)=[^&"\s\\]*/gi;
/** Fields that describe the account rather than the answer. */
const ACCOUNT_FIELDS = /"(email|phone|balance|chargeBalance|totalBalance|user_id|userId)"\s*:\s*("[^"]*"|[\d.]+)/g;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join("REDACTED");
  return out.replace(SECRET_PARAMS, "$1=REDACTED").replace(ACCOUNT_FIELDS, '"$1":"REDACTED"');
}

export function toFixture(
  capability: string,
  exchanges: Exchange[],
  secrets: readonly string[],
  now = new Date(),
): LiveFixture {
  const clean = (value: unknown) => JSON.parse(redact(JSON.stringify(value), secrets)) as unknown;
  return {
    format: 1,
    capability,
    origin: "recorded",
    recordedAt: now.toISOString(),
    exchanges: exchanges.map((ex) => ({
      request: clean(ex.request) as Exchange["request"],
      response: clean(ex.response) as RecordedResponse,
    })),
  };
}
