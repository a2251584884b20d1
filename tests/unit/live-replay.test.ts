import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatorNetwork } from "@/lib/media/network";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";
import { encodePng } from "@/lib/simulator/png";
import { CAPABILITIES, SAMPLE_IMAGE_URL } from "../../scripts/live-check/capabilities";
import { send } from "../../scripts/live-check/exchange";
import { runCapability } from "../../scripts/live-check/runner";
import type { Exchange, LiveFixture, RecordedResponse } from "../../scripts/live-check/types";

// The live check's answers (tests/fixtures/live/, from `npm run check:live -- --record`) replayed:
// 1. the recorded bytes go through the app's own upstream client and are judged by the same `verify`
//    the live check uses, so a real answer the app cannot read fails here, offline;
// 2. the simulator answers the same request, passes the same judgement (media downloaded through the
//    simulated network), and uses at least every field the real answer had: the simulator drifting
//    from the providers fails here.

const DIR = path.join(import.meta.dirname, "..", "fixtures", "live");
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(path.join(DIR, f), "utf8")) as LiveFixture);

let sim: RunningSimulator;
let replay: Server;
let replayUrl = "";
let pictures: Server;
let pictureUrl = "";
/** What the replay server answers next, per "METHOD /path". */
const queue = new Map<string, RecordedResponse[]>();

function bodyOf(r: RecordedResponse): Buffer {
  if (r.text !== undefined) return Buffer.from(r.text, "utf8");
  const head = Buffer.from(r.head ?? "", "hex");
  return Buffer.concat([head, Buffer.alloc(Math.max(0, r.bytes - head.length))]);
}

beforeAll(async () => {
  sim = await startSimulator({
    config: {
      mediaHosts: "provider",
      imageFetchAllowPrivate: true,
      chatChunkDelayMs: 0,
      videoQueueMs: 0,
      videoRunMs: 0,
    },
  });
  // The media downloader's trusted origins come from the configuration: not demo mode.
  process.env.SILICONFLOW_API_KEY = "replay-sf";
  process.env.SILICONFLOW_BASE_URL = `${sim.url}/siliconflow/v1`;
  process.env.GLM_API_KEY = "replay-glm";
  process.env.GLM_BASE_URL = `${sim.url}/glm/api/paas/v4`;
  replay = createServer((req, res) => {
    const key = `${req.method} ${new URL(req.url ?? "/", "http://x").pathname.replace(/^\/(sf|glm)/, "")}`;
    const next = queue.get(key)?.shift();
    if (!next) return void res.writeHead(599).end(`nothing recorded for ${key}`);
    req.resume();
    res.writeHead(next.status, { "content-type": next.contentType }).end(bodyOf(next));
  });
  pictures = createServer((_req, res) =>
    res.writeHead(200, { "content-type": "image/png" }).end(encodePng(4, 4, Buffer.alloc(48, 90))),
  );
  for (const server of [replay, pictures]) await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  replayUrl = `http://127.0.0.1:${(replay.address() as AddressInfo).port}`;
  pictureUrl = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}/dog.png`;
});
afterAll(async () => {
  for (const server of [replay, pictures]) await new Promise((r) => server.close(r));
  await sim.close();
});

/** Every key path in a JSON value ("choices[].delta.content"), arrays collapsed to []. */
function keyPaths(value: unknown, prefix = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keyPaths(v, `${prefix}[]`, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${prefix}.${k}`);
      keyPaths(v, `${prefix}.${k}`, out);
    }
  }
  return out;
}

function shapeOf(ex: Exchange | undefined): Set<string> {
  const text = ex?.response.text ?? "";
  if (ex?.response.contentType.includes("event-stream")) {
    const out = new Set<string>();
    for (const line of text.split("\n")) {
      if (line.startsWith("data: ") && line !== "data: [DONE]") keyPaths(JSON.parse(line.slice(6)), "", out);
    }
    return out;
  }
  try {
    return keyPaths(JSON.parse(text));
  } catch {
    return new Set();
  }
}

it("has a fixture for every capability but the paid video, each saying where it came from", () => {
  expect(fixtures.map((f) => f.capability).sort()).toEqual(
    CAPABILITIES.filter((c) => c.optIn !== "video")
      .map((c) => c.id)
      .sort(),
  );
  for (const f of fixtures) {
    expect(f.format).toBe(1);
    if (f.origin === "reconstructed") expect(f.sources?.length).toBeGreaterThan(0);
    else expect(f.recordedAt).toBeTruthy();
    expect(JSON.stringify(f)).not.toMatch(/sk-[a-z0-9]{20,}|Bearer /i);
  }
});

describe.each(fixtures.map((f) => [f.capability, f] as const))("%s", (id, fixture) => {
  const cap = CAPABILITIES.find((c) => c.id === id);
  if (!cap) throw new Error(`fixture for unknown capability ${id}`);

  it("the app reads the recorded answer, and the live check's judgement passes", async () => {
    const targets = {
      siliconflow: { baseUrl: `${replayUrl}/sf`, apiKey: "replay" },
      glm: { baseUrl: `${replayUrl}/glm`, apiKey: "replay" },
    };
    for (const ex of fixture.exchanges) {
      const key = `${ex.request.method} ${ex.request.path.split("?")[0]}`;
      queue.set(key, [...(queue.get(key) ?? []), ex.response]);
    }
    const replayed: Exchange[] = [];
    for (const ex of fixture.exchanges) {
      const file = ex.request.form ? new Uint8Array(ex.request.fileBytes ?? 0) : undefined;
      replayed.push(await send(ex.request, targets, file));
    }
    const verdict = await cap.verify(replayed);
    expect(verdict, verdict.got).toMatchObject({ ok: true });
    expect(replayed.map((e) => e.response.text)).toEqual(fixture.exchanges.map((e) => e.response.text));
  });

  it("the simulator answers the same request in at least the same shape, and passes too", async () => {
    const result = await runCapability(cap, {
      targets: {
        siliconflow: { baseUrl: `${sim.url}/siliconflow/v1`, apiKey: "k" },
        glm: { baseUrl: `${sim.url}/glm/api/paas/v4`, apiKey: "k" },
      },
      network: await simulatorNetwork(sim.url),
      // The sample picture is on the internet; the simulated GLM fetches a local copy instead.
      rewrite: (spec) => JSON.parse(JSON.stringify(spec).split(SAMPLE_IMAGE_URL).join(pictureUrl)),
    });
    expect(result.verdict, result.verdict.got).toMatchObject({ ok: true });
    const simulated = shapeOf(result.exchanges.at(-1));
    const missing = [...shapeOf(fixture.exchanges.at(-1))].filter((p) => !simulated.has(p));
    expect(missing, "fields the provider sent that the simulator does not").toEqual([]);
  });
});
