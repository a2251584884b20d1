import "server-only";
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import type { AppError, AppErrorJSON } from "@/lib/errors";
import type { MessageVars } from "@/lib/i18n";
import { isPrivateAddress } from "@/lib/media/ip";

// Text a provider wrote (error messages, a failed job's reason) is shown to the user, and a
// provider may quote what it was sent or where it runs: "Invalid token: Bearer sk-…", an account's
// e-mail, "connect to 10.2.3.4:8080 failed". Before such text leaves the server it loses this
// server's configured secrets, bearer tokens, sk- keys, e-mail addresses and private or internal
// addresses. The rest of the message stays: it is what tells the user what went wrong.

const BEARER = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{4,}/gi;
const SK_KEY = /\bsk-[A-Za-z0-9_-]{4,}/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
// Candidates only: each is checked with isIP before it counts.
const IPV6 = /\[?[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%[\w.-]+)?\]?/g;
const INTERNAL_HOST =
  /\b(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:internal|local|localdomain|lan|intranet|corp|svc\.cluster\.local))\b/gi;

const ADDRESS = "[internal address]";

/** Secrets of this deployment that must never appear in what a client receives. */
function configuredSecrets(): string[] {
  const env = getEnv();
  const secrets = [env.siliconflow.apiKey, env.glm.apiKey, env.authSecret, ...env.accessCodes];
  if (env.redisUrl) {
    try {
      const password = new URL(env.redisUrl).password;
      if (password) secrets.push(decodeURIComponent(password));
    } catch {
      // validated at start; nothing to add
    }
  }
  // Short values (a 4-character access code) would blank out ordinary words.
  return secrets.filter((s): s is string => typeof s === "string" && s.length >= 6);
}

export function redactText(text: string, secrets: readonly string[] = configuredSecrets()): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out
    .replace(BEARER, (_m, scheme: string) => `${scheme} [redacted]`)
    .replace(SK_KEY, "sk-[redacted]")
    .replace(EMAIL, "[e-mail]")
    .replace(IPV4, (ip) => (isIP(ip) === 4 && isPrivateAddress(ip) ? ADDRESS : ip))
    .replace(IPV6, (candidate) => {
      const bare = candidate.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
      return /[0-9a-f]/i.test(bare) && isIP(bare) === 6 && isPrivateAddress(bare) ? ADDRESS : candidate;
    })
    .replace(INTERNAL_HOST, ADDRESS);
}

/** An error as the client receives it: every text field redacted. */
export function publicErrorJSON(error: AppError): AppErrorJSON {
  const json = error.toJSON();
  const secrets = configuredSecrets();
  return {
    ...json,
    detail: json.detail === undefined ? undefined : redactText(json.detail, secrets),
    traceId: json.traceId === undefined ? undefined : redactText(json.traceId, secrets),
    message: { en: redactText(json.message.en, secrets), zh: redactText(json.message.zh, secrets) },
    // The page renders from key and vars, so the values (a model id, a reason a provider gave) are
    // redacted too.
    vars: json.vars === undefined ? undefined : redactVars(json.vars, secrets),
  };
}

function redactVars(vars: MessageVars, secrets: readonly string[]): MessageVars {
  const out: MessageVars = {};
  for (const [name, value] of Object.entries(vars)) {
    out[name] =
      typeof value === "string"
        ? redactText(value, secrets)
        : typeof value === "number"
          ? value
          : { key: value.key, vars: value.vars && redactVars(value.vars, secrets) };
  }
  return out;
}
