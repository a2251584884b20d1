// Runs the provider simulator on its own: `tsx scripts/simulator.ts --port 4010 [--video-queue-ms 500 …]`.
// Every setting can also come from the environment (SIM_PORT, SIM_HOST, SIM_VIDEO_QUEUE_MS, …); flags win.
import { type SimConfig, startSimulator } from "../lib/simulator/index";

const NUMERIC: Record<string, keyof SimConfig> = {
  "image-url-ttl-ms": "imageUrlTtlMs",
  "video-queue-ms": "videoQueueMs",
  "video-run-ms": "videoRunMs",
  "video-url-ttl-ms": "videoUrlTtlMs",
  "chat-chunk-delay-ms": "chatChunkDelayMs",
};

/** Flags whose value is one of a few words (or true/false), passed to the config as they are. */
const CHOICE: Record<string, { key: keyof SimConfig; values: string[] }> = {
  "media-hosts": { key: "mediaHosts", values: ["local", "provider"] },
  "user-info": { key: "userInfo", values: ["retired", "balance"] },
  "image-fetch-allow-private": { key: "imageFetchAllowPrivate", values: ["true", "false"] },
};

const USAGE = `usage: tsx scripts/simulator.ts [--port 4010] [--host 127.0.0.1] [--result-url-override URL]
  ${Object.entries(CHOICE)
    .map(([flag, c]) => `[--${flag} ${c.values.join("|")}]`)
    .join(" ")}
  ${Object.keys(NUMERIC)
    .map((flag) => `[--${flag} N]`)
    .join(" ")}
environment: SIM_PORT, SIM_HOST, SIM_RESULT_URL_OVERRIDE, ${[...Object.keys(CHOICE), ...Object.keys(NUMERIC)]
  .map((flag) => `SIM_${flag.replace(/-/g, "_").toUpperCase()}`)
  .join(", ")}`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function number(name: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0) fail(`${name} must be a number >= 0, got "${raw}"`);
  return value;
}

function parse(argv: string[], env: NodeJS.ProcessEnv) {
  const settings = new Map<string, string>();
  for (const flag of ["port", "host", "result-url-override", ...Object.keys(CHOICE), ...Object.keys(NUMERIC)]) {
    const value = env[`SIM_${flag.replace(/-/g, "_").toUpperCase()}`];
    if (value !== undefined && value !== "") settings.set(flag, value);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m?.[1]) fail(`unexpected argument "${arg}"`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) fail(`--${m[1]} needs a value`);
    settings.set(m[1], value);
  }
  const config: Partial<SimConfig> = {};
  let port = 4010;
  let host: string | undefined;
  for (const [flag, value] of settings) {
    const key = NUMERIC[flag];
    const choice = CHOICE[flag];
    if (key) Object.assign(config, { [key]: number(`--${flag}`, value) });
    else if (choice) {
      if (!choice.values.includes(value)) fail(`--${flag} must be one of ${choice.values.join(", ")}, got "${value}"`);
      Object.assign(config, { [choice.key]: value === "true" ? true : value === "false" ? false : value });
    } else if (flag === "port") port = number("--port", value);
    else if (flag === "host") host = value;
    else if (flag === "result-url-override") config.resultUrlOverride = value;
    else fail(`unknown option --${flag}`);
  }
  return { port, host, config };
}

async function main(): Promise<void> {
  const simulator = await startSimulator(parse(process.argv.slice(2), process.env));
  console.log(`simulator listening on ${simulator.url}`);
  console.log(
    `  SiliconFlow: ${simulator.url}/siliconflow/v1   GLM: ${simulator.url}/glm/api/paas/v4   control: ${simulator.url}/__sim`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      simulator.close().finally(() => process.exit(0));
    });
  }
}

// No top-level await: without "type": "module" in package.json, tsx runs this file as CommonJS.
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
