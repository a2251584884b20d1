import "server-only";
import { parseEnv, type ServerEnv } from "./env-schema";

export * from "./env-schema";

let cached: ServerEnv | undefined;

/** The validated server environment; throws EnvError naming each bad variable. */
export function getEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
