import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redactText } from "@/lib/security/redact";
import { parseSse } from "./chat-harness";
import { type ServedRoute, serveRoute } from "./node-route";

// Issue 17 finding 7: a provider's error text reached the page verbatim, including a quoted
// `Bearer <key>`, an e-mail and an internal address. The provider here is a hostile stand-in (as the
// SSRF table's is): every answer quotes the key it was sent and a few things that must not leave the
// server, next to the part of the message the user needs.

const KEY = "live-secret-key-0123456789abcdef";
const LEAKS = [
  KEY,
  "sk-abcdef1234567890",
  "alice@example.com",
  "10.12.0.5",
  "192.168.7.4",
  "fd00::1",
  "db.svc.cluster.local",
];

describe("redactText", () => {
  it("removes configured secrets, bearer tokens, sk- keys, e-mails and private addresses", () => {
    const text = redactText(
      `Invalid token: Bearer ${KEY}; key sk-abcdef1234567890 of alice@example.com refused by 10.12.0.5:8080, [fd00::1]:443, db.svc.cluster.local and localhost`,
      [KEY],
    );
    for (const leak of [...LEAKS, "localhost"]) expect(text).not.toContain(leak);
    expect(text).toContain("Invalid token: Bearer [redacted]");
    expect(text).toContain("[internal address]");
  });

  it("leaves ordinary provider text alone", () => {
    const plain =
      "Model does not exist. TPM limit reached at 2026-01-02T10:20:30Z; contact 8.8.8.8 or 2001:4860::8888.";
    expect(redactText(plain, [KEY])).toBe(plain);
  });
});

let provider: http.Server;
let chat: ServedRoute;
let speech: (r: Request) => Promise<Response>;
let videoStatus: (r: Request) => Promise<Response>;

beforeAll(async () => {
  provider = http.createServer((req, res) => {
    const quoted = `${req.headers.authorization}; key sk-abcdef1234567890 of alice@example.com refused by 10.12.0.5:8080, [fd00::1]:443 and db.svc.cluster.local`;
    req.resume();
    if (req.url?.endsWith("/video/status")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "Failed", reason: `Render node 192.168.7.4 failed: ${quoted}` }));
      return;
    }
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: 20015, message: `Invalid request parameters: ${quoted}` }));
  });
  await new Promise<void>((r) => provider.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  process.env.SILICONFLOW_API_KEY = KEY;
  process.env.SILICONFLOW_BASE_URL = `${url}/v1`;
  process.env.RATE_LIMIT_PER_MINUTE = "100000";
  delete process.env.ACCESS_CODE;
  chat = await serveRoute((await import("@/pages/api/chat")).default);
  speech = (await import("@/app/api/speech/route")).POST as typeof speech;
  videoStatus = (await import("@/app/api/video/status/route")).POST as typeof videoStatus;
});

afterAll(async () => {
  await chat.close();
  await new Promise((r) => provider.close(r));
});

const json = (body: unknown) =>
  new Request("http://app.test/api", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

function expectClean(text: string, where: string) {
  for (const leak of LEAKS) expect(text, `${where} leaks ${leak}`).not.toContain(leak);
}

describe("provider text in what the routes answer", () => {
  it("is redacted in JSON errors, in the chat stream's error and in a failed video's reason", async () => {
    const spoken = await speech(
      json({ model: "FunAudioLLM/CosyVoice2-0.5B", input: "Hi", voice: "FunAudioLLM/CosyVoice2-0.5B:alex" }),
    );
    expect(spoken.status).toBe(400);
    const spokenText = await spoken.text();
    expectClean(spokenText, "speech");
    expect(spokenText).toContain("Invalid request parameters");

    const reply = await chat.fetch(
      json({
        id: "c1",
        model: { provider: "siliconflow", id: "Qwen/Qwen2.5-7B-Instruct" },
        messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: "hi" }] }],
      }),
    );
    const stream = await reply.text();
    expectClean(stream, "chat");
    const error = parseSse(stream).find((c) => c.type === "error");
    expect(error?.type === "error" && error.errorText).toContain("Invalid request parameters");

    const status = await videoStatus(json({ requestId: "job-1" }));
    expect(status.status).toBe(200);
    const statusText = await status.text();
    expectClean(statusText, "video status");
    expect(JSON.parse(statusText).reason).toContain("Render node [internal address] failed");
  });
});
