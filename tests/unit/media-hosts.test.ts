import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isProviderMediaHost } from "@/lib/media/hosts";
import { simulatorNetwork } from "@/lib/media/network";
import { downloadToBuffer } from "@/lib/media/safe-fetch";
import { type RunningSimulator, simControl, startSimulator } from "@/lib/simulator";

// Where the providers really serve results, and the downloader's allow-list against them. The
// positive rows are result links from public captures (signature values replaced by "x"; the host
// and path are as published); the negative rows are look-alikes and other tenants of the same clouds.

const REAL_RESULT_URLS: [source: string, url: string][] = [
  [
    "SiliconFlow image, 2025-09 (a public demo script's saved result)",
    "https://sc-maas.oss-cn-shanghai.aliyuncs.com/outputs%2F20250919%2Fvvaqcpzqw0.png?Expires=1758280965&OSSAccessKeyId=x&Signature=x",
  ],
  [
    "SiliconFlow image, 2025-02 (a Go client's response comment)",
    "https://sc-maas.oss-cn-shanghai.aliyuncs.com/outputs/ea3be4bf-ae06-48cd-b2ed-c9ccc87eb0e1_0.png?OSSAccessKeyId=x&Expires=1740135498&Signature=x",
  ],
  [
    "SiliconFlow image, 2025-10 (a PHP client's recorded payload)",
    "https://sc-maas.oss-cn-shanghai.aliyuncs.com/outputs%2F20251024%2Fnsosd14t3g.png?Expires=1761280528&OSSAccessKeyId=x&Signature=x",
  ],
  [
    "SiliconFlow image, 2024 (a blog post quoting the API's answer)",
    "https://sf-maas-uat-prod.oss-cn-shanghai.aliyuncs.com/outputs/6512bc04-c5ab-447a-b26e-0b6c814d33c2_00001_.png",
  ],
  [
    "GLM CogView, 2025-09 (an MCP server's log of images/generations)",
    "https://maas-watermark-prod.cn-wlcb.ufileos.com/1758083981914_watermark.png?UCloudPublicKey=TOKEN_x&Signature=x&Expires=1758170381",
  ],
  [
    "GLM CogView, 2025-12 (a Kotlin test fixture)",
    "https://maas-watermark-prod.cn-wlcb.ufileos.com/202512182322008c733db7af5646e1_watermark.png?UCloudPublicKey=TOKEN_x&Signature=x&Expires=1766157725",
  ],
  [
    "GLM CogVideoX, 2025-10 (a Java client's response)",
    "https://maas-watermark-prod.cn-wlcb.ufileos.com/1760530711780_watermark.mp4?UCloudPublicKey=TOKEN_x&Signature=x&Expires=1760617111",
  ],
  [
    "GLM, 2026 (the -new bucket, proxied for CogVideoX downloads by a canvas app)",
    "https://maas-watermark-prod-new.cn-wlcb.ufileos.com/ocr%2Fcrop%2F2026041613511005724e0d9b5a4e06%2Fcrop_1_1776318688439.png?UCloudPublicKey=TOKEN_x&Signature=x&Expires=1776923488",
  ],
  [
    "GLM CogView, 2024-12 (agentica README)",
    "https://aigc-files.bigmodel.cn/api/cogview/20241230215915cfa22f46425e4cb0_0.png",
  ],
  [
    "GLM CogVideoX (a landing page's video source)",
    "https://aigc-files.bigmodel.cn/api/cogvideo/5796cab0-1f20-11f1-913a-f2c33534665f_0.mp4",
  ],
];

const NOT_PROVIDER_MEDIA: [why: string, url: string][] = [
  ["a suffix, not a label", "https://evilufileos.com/x.png"],
  ["a suffix, not a label", "https://evil-aliyuncs.com/x.png"],
  ["a provider host as a prefix", "https://maas-watermark-prod.cn-wlcb.ufileos.com.evil.example/x.png"],
  ["a provider domain as a prefix", "https://aigc-files.bigmodel.cn.evil.example/x.png"],
  ["not the provider's domain", "https://notbigmodel.cn/x.png"],
  [
    "another UCloud tenant (a real public bucket)",
    "https://imgkr.cn-bj.ufileos.com/5a1ea14f-ba92-4ae9-b950-e53d969a2fa8.png",
  ],
  [
    "another Alibaba OSS tenant (a real public bucket)",
    "https://bizyair-prod.oss-cn-shanghai.aliyuncs.com/outputs/x.jpg",
  ],
  ["an Alibaba Cloud API, not a bucket", "https://dashscope.aliyuncs.com/api/v1/tasks/x"],
  ["a bucket name as a prefix", "https://sc-maas-evil.oss-cn-shanghai.aliyuncs.com/x.png"],
  ["a provider bucket under another label", "https://x.sc-maas.oss-cn-shanghai.aliyuncs.com/x.png"],
  ["a provider bucket without its region", "https://sc-maas.aliyuncs.com/x.png"],
  ["a region label that is not one", "https://maas-watermark-prod.evil.ufileos.com/x.png"],
  ["the UCloud root", "https://ufileos.com/x.png"],
];

describe("isProviderMediaHost", () => {
  it.each(REAL_RESULT_URLS)("allows %s", (_source, url) => {
    expect(isProviderMediaHost(new URL(url).hostname)).toBe(true);
  });

  it.each(NOT_PROVIDER_MEDIA)("refuses %s: %s", (_why, url) => {
    expect(isProviderMediaHost(new URL(url).hostname)).toBe(false);
  });

  it("ignores case and a trailing dot", () => {
    expect(isProviderMediaHost("SC-MAAS.OSS-CN-SHANGHAI.ALIYUNCS.COM.")).toBe(true);
  });
});

// The same checks against the simulator playing the media hosts over real HTTPS (its own certificate,
// trusted through the injected network): what demo mode and the end-to-end tests run.
describe("downloads through the simulated media network", () => {
  let sim: RunningSimulator;
  const saved = { key: process.env.SILICONFLOW_API_KEY, base: process.env.SILICONFLOW_BASE_URL };

  beforeAll(async () => {
    sim = await startSimulator({ config: { mediaHosts: "provider" } });
    // A configured provider (not demo mode), so no in-process simulator starts.
    process.env.SILICONFLOW_API_KEY = "test-key";
    process.env.SILICONFLOW_BASE_URL = `${sim.url}/siliconflow/v1`;
  });
  afterAll(async () => {
    await sim.close();
    process.env.SILICONFLOW_API_KEY = saved.key;
    process.env.SILICONFLOW_BASE_URL = saved.base;
  });

  async function generate(path: string, body: unknown): Promise<string> {
    const res = await fetch(`${sim.url}${path}`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { images?: { url: string }[]; data?: { url: string }[] };
    const url = json.images?.[0]?.url ?? json.data?.[0]?.url;
    if (!url) throw new Error(`no url in ${JSON.stringify(json)}`);
    return url;
  }

  const sfImage = () =>
    generate("/siliconflow/v1/images/generations", {
      model: "Kwai-Kolors/Kolors",
      prompt: "a cat",
      image_size: "1024x1024",
    });

  it.each([
    [
      "SiliconFlow",
      "/siliconflow/v1/images/generations",
      { model: "Kwai-Kolors/Kolors", prompt: "a cat", image_size: "1024x1024" },
      /^https:\/\/sc-maas\.oss-cn-shanghai\.aliyuncs\.com\/outputs%2F\d{8}%2F\w+\.png\?Expires=\d+&OSSAccessKeyId=/,
    ],
    [
      "CogView-4",
      "/glm/api/paas/v4/images/generations",
      { model: "cogview-4", prompt: "a cat", size: "1024x1024" },
      /^https:\/\/maas-watermark-prod\.cn-wlcb\.ufileos\.com\/\d+_watermark\.png\?UCloudPublicKey=TOKEN_/,
    ],
    [
      "CogView-3-Flash",
      "/glm/api/paas/v4/images/generations",
      { model: "cogview-3-flash", prompt: "a cat", size: "1024x1024" },
      /^https:\/\/aigc-files\.bigmodel\.cn\/api\/cogview\/\w+_0\.png$/,
    ],
  ])("gets a %s result from its real host over verified TLS", async (_name, path, body, shape) => {
    // A host name, not an IP literal: the socket's lookup goes through the checked address, and
    // Node (20+) asks it for a list of addresses.
    const url = await generate(path, body);
    expect(url).toMatch(shape);
    const { bytes, contentType } = await downloadToBuffer(url, {
      maxBytes: 1 << 20,
      network: await simulatorNetwork(sim.url),
    });
    expect(contentType).toBe("image/png");
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  async function refusal(url: string, config?: Record<string, unknown>): Promise<AppError> {
    if (config) await simControl(sim.url).config(config);
    try {
      const err = await downloadToBuffer(url, { maxBytes: 1 << 20, network: await simulatorNetwork(sim.url) }).then(
        () => new Error("downloaded"),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      return err as AppError;
    } finally {
      await simControl(sim.url).config({ mediaDns: {} });
    }
  }

  it("refuses a provider host that resolves to a private address", async () => {
    const url = await sfImage();
    const err = await refusal(url, { mediaDns: { "sc-maas.oss-cn-shanghai.aliyuncs.com": "10.0.0.7" } });
    expect(err.code).toBe("unsafe_url");
    expect(err.detail).toMatch(/private address/);
  });

  it("refuses the same link over plain http", async () => {
    const err = await refusal((await sfImage()).replace("https:", "http:"));
    expect(err.code).toBe("unsafe_url");
    expect(err.detail).toMatch(/protocol http/);
  });

  it("refuses a look-alike host before any lookup", async () => {
    const err = await refusal((await sfImage()).replace("sc-maas.", "sc-maas-evil."));
    expect(err.detail).toMatch(/not a provider media host/);
  });

  it("fails the TLS check for an allowed host the certificate does not name", async () => {
    // Routed to the simulator, whose certificate names only the hosts it plays.
    const url = (await sfImage()).replace("sc-maas.", "sf-maas-uat-prod.");
    const err = await refusal(url, { mediaDns: { "sf-maas-uat-prod.oss-cn-shanghai.aliyuncs.com": "47.100.18.9" } });
    expect(err.code).toBe("network");
  });
});
