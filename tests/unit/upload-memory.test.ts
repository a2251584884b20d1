import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSimulator, type SimControl, simControl, startSimulator } from "@/lib/simulator";
import { wavFromPcm16 } from "@/lib/speech/wav";

// Issue 17 finding 9: four concurrent 49 MB transcription uploads took the server from 96 MB to 1 GB,
// about five copies of each upload (the raw body, the joined body, the parsed form, the file's bytes,
// a Blob of them, the re-encoded provider request). The route now parses the multipart body as it
// streams and sends the provider the chunks it received: one copy. A global byte budget answers 503
// with Retry-After beyond UPLOADS_IN_FLIGHT_MB. Measured in a child server's own process.memoryUsage().

const MB = 1024 * 1024;
const UPLOAD_BYTES = 49 * MB;

let sim: RunningSimulator;
let control: SimControl;
let big: { body: Buffer; type: string };
let small: { body: Buffer; type: string };

interface Child {
  url: string;
  ask<T>(message: string, key: string): Promise<T>;
  close(): Promise<void>;
}

async function startChild(env: Record<string, string>): Promise<Child> {
  const root = path.resolve(__dirname, "../..");
  const child: ChildProcess = spawn(
    process.execPath,
    ["--expose-gc", "--conditions=react-server", "--import", "tsx", "tests/unit/fixtures/upload-server.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        SILICONFLOW_API_KEY: "test-key-uploads",
        SILICONFLOW_BASE_URL: `${sim.url}/siliconflow/v1`,
        RATE_LIMIT_PER_MINUTE: "100000",
        ACCESS_CODE: "",
        ...env,
      },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (key in m) {
          child.off("message", onMessage);
          resolve(m[key] as T);
        }
      };
      child.on("message", onMessage);
      child.once("exit", (code) => reject(new Error(`upload server exited with ${code}`)));
    });
  const url = await next<string>("url");
  return {
    url,
    ask: (message, key) => {
      const answer = next<never>(key);
      child.send(message);
      return answer;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill();
      await exited;
    },
  };
}

// The multipart body is built once and sent as it is by each request: the test's own process does not
// re-encode 49 MB per upload (undici's FormData encoder takes seconds for that on a busy machine).
function multipart(file: Uint8Array): { body: Buffer; type: string } {
  const boundary = "----uploadmemorytest";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="model"\r\n\r\nFunAudioLLM/SenseVoiceSmall\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, file, tail]), type: `multipart/form-data; boundary=${boundary}` };
}

interface Answer {
  status: number;
  retryAfter?: string;
  json: { text?: string; error?: { message: { en: string; zh: string } } };
}

function upload(url: string, form: { body: Buffer; type: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/transcriptions`,
      { method: "POST", headers: { "content-type": form.type, "content-length": String(form.body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers["retry-after"],
            json: JSON.parse(Buffer.concat(chunks).toString("utf8")),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(form.body);
  });
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  control = simControl(sim.url);
  // A valid WAV header over 49 MB of silence: what a long recording looks like to the route.
  big = multipart(wavFromPcm16(new Uint8Array(UPLOAD_BYTES - 44), 16000));
  small = multipart(wavFromPcm16(new Uint8Array(6 * MB), 16000));
});

afterAll(async () => {
  await sim.close();
});

describe("transcription uploads", () => {
  it("hold about one copy in memory: four concurrent 49 MB uploads", async () => {
    const child = await startChild({});
    try {
      // A first, small request loads the route's modules, so the baseline includes them.
      expect((await upload(child.url, small)).status).toBe(200);
      await control.clearLog();
      await child.ask("baseline", "baseline");
      const answers = await Promise.all([1, 2, 3, 4].map(() => upload(child.url, big)));
      for (const res of answers) {
        expect(res.status).toBe(200);
        expect(res.json.text?.length).toBeGreaterThan(0);
      }
      const peak = await child.ask<{ rss: number; arrayBuffers: number }>("peak", "peak");
      const uploaded = 4 * UPLOAD_BYTES;
      console.info(
        `[upload-memory] 4 × 49 MB: peak rss +${Math.round(peak.rss / MB)} MB, arrayBuffers +${Math.round(peak.arrayBuffers / MB)} MB`,
      );
      // Every upload reached the provider whole.
      const sent = (await control.log()).filter((e) => e.path === "/audio/transcriptions");
      expect(sent).toHaveLength(4);
      expect(JSON.stringify(sent[0]?.body)).toContain(String(UPLOAD_BYTES));
      // One copy each is 196 MB; five (as before) were about 1 GB.
      expect(peak.arrayBuffers).toBeLessThan(1.6 * uploaded);
      expect(peak.rss).toBeLessThan(2 * uploaded);
    } finally {
      await child.close();
    }
  }, 120_000);

  it("answer 503 with Retry-After when the uploads in flight would pass UPLOADS_IN_FLIGHT_MB", async () => {
    // Room for one 6 MB upload at a time.
    const child = await startChild({ UPLOADS_IN_FLIGHT_MB: "10" });
    try {
      await control.clearLog();
      const answers = await Promise.all([1, 2, 3].map(() => upload(child.url, small)));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 503, 503]);
      for (const res of answers.filter((r) => r.status === 503)) {
        expect(Number(res.retryAfter)).toBeGreaterThan(0);
        expect(res.json.error?.message.en).toContain("too many uploads");
        expect(res.json.error?.message.zh).toContain("上传");
      }
      expect((await control.log()).filter((e) => e.path === "/audio/transcriptions")).toHaveLength(1);
      // The budget is given back: the next upload is served.
      expect((await upload(child.url, small)).status).toBe(200);
    } finally {
      await child.close();
    }
  }, 60_000);
});
