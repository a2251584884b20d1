import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";
import { CAPABILITIES } from "../../scripts/live-check/capabilities";
import { type CliIO, main } from "../../scripts/live-check/cli";
import { redact } from "../../scripts/live-check/exchange";

// `npm run check:live`: the dry run prints the plan and the cost and opens no connection; it refuses
// to spend in CI and when the user says no; a confirmed run records redacted fixtures (here against
// the simulator standing in for the providers).

let tcp: Server;
let connections = 0;
let sinkUrl = "";

beforeAll(async () => {
  // Anything the dry run sent would land here.
  tcp = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((r) => tcp.listen(0, "127.0.0.1", r));
  const { port } = tcp.address() as { port: number };
  sinkUrl = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise((r) => tcp.close(r)));

function io(env: Record<string, string | undefined>, answer = false): CliIO & { lines: string[]; asked: string[] } {
  const lines: string[] = [];
  const asked: string[] = [];
  return {
    lines,
    asked,
    out: (l) => lines.push(l),
    err: (l) => lines.push(`ERR ${l}`),
    confirm: async (q) => {
      asked.push(q);
      return answer;
    },
    env,
    root: tmpdir(),
  };
}

const keys = () => ({
  SILICONFLOW_API_KEY: "sk-livecheck-siliconflow-0001",
  GLM_API_KEY: "glm-livecheck-0002.abc",
  SILICONFLOW_BASE_URL: `${sinkUrl}/v1`,
  GLM_BASE_URL: `${sinkUrl}/glm`,
});

describe("check:live --dry-run", () => {
  it("prints every capability with what it sends and the estimated cost, and sends nothing", async () => {
    const cli = io(keys());
    expect(await main(["--dry-run", "--with-video"], cli)).toBe(0);
    const out = cli.lines.join("\n");
    for (const cap of CAPABILITIES) expect(out).toMatch(new RegExp(`run  ${cap.id}\\s`));
    expect(out).toContain("POST /chat/completions model=glm-4v-flash");
    expect(out).toContain("POST /video/submit model=Wan-AI/Wan2.2-T2V-A14B");
    expect(out).toMatch(/Estimated cost: ¥2\.00 for 10 requests/);
    expect(out).toContain("Dry run: nothing was sent.");
    expect(out).not.toContain("sk-livecheck");
    expect(cli.asked).toEqual([]);
    expect(connections).toBe(0);
  });

  it("leaves the paid video out unless asked, and skips a provider without a key", async () => {
    const cli = io({ ...keys(), GLM_API_KEY: "" });
    expect(await main(["--dry-run"], cli)).toBe(0);
    const out = cli.lines.join("\n");
    expect(out).toMatch(/skip sf-video .*pass --with-video to run it \(about ¥2\.00\)/);
    expect(out).toMatch(/skip glm-vision .*no GLM_API_KEY/);
    expect(out).toMatch(/Estimated cost: ¥0\.001 for 6 requests/);
    expect(connections).toBe(0);
  });

  it("runs in CI only as a dry run", async () => {
    const cli = io({ ...keys(), CI: "true" });
    expect(await main(["--yes"], cli)).toBe(2);
    expect(cli.lines.join("\n")).toMatch(/never runs in CI/);
    expect(await main(["--dry-run"], io({ ...keys(), CI: "true" }))).toBe(0);
    expect(connections).toBe(0);
  });

  it("asks before spending, and a no sends nothing", async () => {
    const cli = io(keys(), false);
    expect(await main([], cli)).toBe(1);
    expect(cli.asked).toHaveLength(1);
    expect(cli.lines.at(-1)).toBe("Cancelled: nothing was sent.");
    expect(connections).toBe(0);
  });

  it("rejects an unknown flag or capability with the usage", async () => {
    const cli = io(keys());
    expect(await main(["--only", "sf-nope"], cli)).toBe(2);
    expect(cli.lines.join("\n")).toMatch(/usage: npm run check:live/);
  });
});

// The CLI refuses to spend under CI; these runs spend only the simulator's credits, so they hand it an
// environment without CI (the refusal itself is tested above).
function withoutCI(): Record<string, string | undefined> {
  const { CI: _ci, ...rest } = process.env;
  return rest;
}

describe("check:live --yes --record (against the simulator)", () => {
  let sim: RunningSimulator;
  let root: string;

  beforeAll(async () => {
    sim = await startSimulator({ config: { mediaHosts: "provider", chatChunkDelayMs: 0 } });
    root = await mkdtemp(path.join(tmpdir(), "live-check-"));
    // The app's own client reads these (lib/env): the simulator plays both providers.
    Object.assign(process.env, {
      SILICONFLOW_API_KEY: "sk-livecheck-siliconflow-0001",
      SILICONFLOW_BASE_URL: `${sim.url}/siliconflow/v1`,
      GLM_API_KEY: "glm-livecheck-0002.abc",
      GLM_BASE_URL: `${sim.url}/glm/api/paas/v4`,
      MEDIA_TEST_NETWORK: sim.url,
    });
  });
  afterAll(async () => {
    await sim.close();
    await rm(root, { recursive: true, force: true });
  });

  it("prints one line per capability and stores redacted answers", async () => {
    const cli = { ...io(withoutCI()), root };
    const code = await main(
      ["--yes", "--record", "--only", "sf-models,sf-stream,sf-image,glm-image,sf-tts,sf-transcription"],
      cli,
    );
    const out = cli.lines.join("\n");
    expect(out).toMatch(
      /^PASS sf-stream: sent POST \/chat\/completions model=Qwen\/Qwen2\.5-7B-Instruct max_tokens=32 stream → 200 \d+ chunks/m,
    );
    expect(out).toMatch(/^PASS glm-image: .* 1 image on aigc-files\.bigmodel\.cn, downloaded \d+ bytes$/m);
    expect(out).toMatch(/^PASS sf-transcription: sent .* file=speech\.mp3\(\d+ bytes\)/m);
    expect(out).toContain("6 passed, 0 failed.");
    expect(code).toBe(0);
    const files = await readdir(path.join(root, "tests", "fixtures", "live"));
    expect(files.sort()).toEqual([
      "glm-image.json",
      "sf-image.json",
      "sf-models.json",
      "sf-stream.json",
      "sf-transcription.json",
      "sf-tts.json",
    ]);
    const image = await readFile(path.join(root, "tests", "fixtures", "live", "sf-image.json"), "utf8");
    expect(JSON.parse(image)).toMatchObject({ format: 1, capability: "sf-image", origin: "recorded" });
    expect(image).toContain("OSSAccessKeyId=REDACTED");
    expect(image).toContain("Signature=REDACTED");
    for (const file of files) {
      const text = await readFile(path.join(root, "tests", "fixtures", "live", file), "utf8");
      expect(text).not.toContain("sk-livecheck");
      expect(text).not.toContain("glm-livecheck");
    }
  });

  it("fails a capability whose answer the app would refuse", async () => {
    await fetch(`${sim.url}/__sim/config`, {
      method: "POST",
      body: JSON.stringify({ resultUrlOverride: "https://evilufileos.com/x.png" }),
    });
    const cli = { ...io(withoutCI()), root };
    expect(await main(["--yes", "--only", "glm-image"], cli)).toBe(1);
    expect(cli.lines.join("\n")).toMatch(/^FAIL glm-image: .*host the app refuses: https:\/\/evilufileos\.com/m);
  });
});

describe("redact", () => {
  it("removes keys, signed-link parameters and account fields", () => {
    const text = redact(
      '{"url":"https://x/a.png?Expires=1&OSSAccessKeyId=LTAIabc&Signature=zz%3D","k":"sk-secret-123456","balance":"9.5","email":"a@b.c"}',
      ["sk-secret-123456"],
    );
    expect(text).toBe(
      '{"url":"https://x/a.png?Expires=1&OSSAccessKeyId=REDACTED&Signature=REDACTED","k":"REDACTED","balance":"REDACTED","email":"REDACTED"}',
    );
  });
});
