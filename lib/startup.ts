import { EnvError, getEnv } from "./env";

// Runs once when a server starts: a malformed variable stops it here with a message
// that names the variable, instead of failing later on the first request.
export function validateEnvOrExit(): void {
  try {
    const env = getEnv();
    if (env.demo) console.info("[siliconplay] No provider key configured: demo mode with the offline simulator.");
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(`\n[siliconplay] ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
