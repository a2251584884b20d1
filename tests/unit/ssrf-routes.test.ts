import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSimulatedProviders } from "./simulated-providers";

// The SSRF table against the real media download paths: the simulator plays a hostile provider
// whose results point at internal addresses. NextChat's /api/cors (CVE-2023-49785) and its
// startsWith allow-list bypass (CVE-2024-38514) are the failures replayed here.

const providers = withSimulatedProviders({
  config: { videoQueueMs: 0, videoRunMs: 0 },
  key: "test-key-ssrf",
  env: { RATE_LIMIT_PER_MINUTE: "100000", ACCESS_CODE: undefined },
  reset: false,
});
const { control } = providers;
let trap: http.Server;
let trapHits = 0;
let trapOrigin = "";
let imagesPOST: (r: Request) => Promise<Response>;
let videoSubmit: (r: Request) => Promise<Response>;
let videoContent: (r: Request) => Promise<Response>;

beforeAll(async () => {
  // A private-address server that must never be reached.
  trap = http.createServer((_req, res) => {
    trapHits++;
    res.end("internal secret");
  });
  await new Promise<void>((r) => trap.listen(0, "127.0.0.2", r));
  trapOrigin = `http://127.0.0.2:${(trap.address() as AddressInfo).port}`;
  imagesPOST = (await import("@/app/api/images/route")).POST as typeof imagesPOST;
  videoSubmit = (await import("@/app/api/video/submit/route")).POST as typeof videoSubmit;
  videoContent = (await import("@/app/api/video/content/route")).POST as typeof videoContent;
});

afterAll(async () => {
  await new Promise((r) => trap.close(r));
});

const post = (handler: (r: Request) => Promise<Response>, body: unknown) =>
  handler(
    new Request("http://localhost/api", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

const HOSTILE = () => [
  "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
  "http://127.0.0.1/",
  `${trapOrigin}/secret`,
  "http://[::1]/",
  "http://[::ffff:127.0.0.1]/",
  "http://2130706433/",
  "http://0x7f.0.0.1/",
  "data:image/png;base64,iVBORw0KGgo=",
  "file:///etc/passwd",
  "https://api.siliconflow.cn.evil.example/a.png",
  "https://api.siliconflow.cn@evil.example/a.png",
  // A redirect from the provider's own origin into a private address.
  `${providers.sim.url}/__sim/redirect?to=${encodeURIComponent(`${trapOrigin}/secret`)}`,
];

describe("media downloads refuse hostile result URLs", () => {
  it("images: every hostile URL is refused and nothing internal is fetched", async () => {
    for (const url of HOSTILE()) {
      await control.config({ resultUrlOverride: url });
      const res = await post(imagesPOST, {
        provider: "siliconflow",
        model: "black-forest-labs/FLUX.1-schnell",
        prompt: "a lighthouse",
        size: "1024x1024",
        batchSize: 1,
      });
      const body = (await res.json()) as { error?: { code: string } };
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(600);
      expect(body.error?.code, url).toBe("unsafe_url");
    }
    expect(trapHits).toBe(0);
  });

  it("video: the content route refuses a hostile result URL", async () => {
    for (const url of HOSTILE().slice(0, 6)) {
      await control.config({ resultUrlOverride: url });
      const submit = await post(videoSubmit, { model: "Wan-AI/Wan2.2-T2V-A14B", prompt: "waves", size: "1280x720" });
      const { requestId } = (await submit.json()) as { requestId: string };
      const res = await post(videoContent, { requestId });
      const body = (await res.json()) as { error?: { code: string } };
      expect(body.error?.code, url).toBe("unsafe_url");
    }
    expect(trapHits).toBe(0);
  });
});
