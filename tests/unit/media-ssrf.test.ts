import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isPrivateAddress } from "@/lib/media/ip";
import { downloadProviderMedia, downloadToBuffer } from "@/lib/media/safe-fetch";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.1.2.3",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:169.254.169.254",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "64:ff9b::7f00:1",
    "not-an-ip",
  ])("refuses %s", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each(["8.8.8.8", "47.100.1.1", "2606:4700::1111", "::ffff:8.8.8.8"])("allows public %s", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

describe("downloadProviderMedia", () => {
  let server: http.Server;
  let origin: string;
  let hits = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits++;
      if (req.url === "/redirect-private") {
        res.writeHead(302, { location: "http://127.0.0.2:9/secret" });
        return res.end();
      }
      if (req.url === "/big") {
        res.writeHead(200, { "content-type": "image/png" });
        return res.end(Buffer.alloc(2048));
      }
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.from([137, 80, 78, 71]));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The configured "provider" is this local server, as the simulator is in tests.
    process.env.SILICONFLOW_API_KEY = "test-key";
    process.env.SILICONFLOW_BASE_URL = `${origin}/siliconflow/v1`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it("fetches from the configured provider origin", async () => {
    const res = await downloadProviderMedia(`${origin}/ok.png`, { maxBytes: 1024 });
    expect(res.contentType).toBe("image/png");
  });

  const hostile = [
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://2130706433/",
    "http://0x7f000001/",
    "data:image/png;base64,iVBORw0KGgo=",
    "file:///etc/passwd",
    "https://api.siliconflow.cn.evil.example/x.png",
    "https://api.siliconflow.cn@evil.example/x.png",
    "https://127.0.0.1/x.png",
    "https://evil.example/x.png",
    "gopher://127.0.0.1:6379/_INFO",
  ];

  it.each(hostile)("refuses %s without fetching", async (url) => {
    const before = hits;
    const err = await downloadProviderMedia(url, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("unsafe_url");
    expect(hits).toBe(before);
  });

  it("refuses a redirect from a trusted origin into a private address", async () => {
    const err = await downloadProviderMedia(`${origin}/redirect-private`, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("unsafe_url");
  });

  it("caps the size of a body sent without a length", async () => {
    const err = await downloadToBuffer(`${origin}/big`, { maxBytes: 100 }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("payload_too_large");
  });
});
