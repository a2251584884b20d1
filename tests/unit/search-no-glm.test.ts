import { afterAll, beforeAll, expect, it } from "vitest";
import { readWebSearchStatus, WEB_SEARCH_NEEDS_GLM_DETAIL } from "@/lib/search/contract";
import { chatBody, type Harness, readChunks, SF_PLAIN, startHarness, textOf, userText } from "./chat-harness";

// A server with a SiliconFlow key only: web search (which always goes through GLM) is refused with an
// error the switch can explain, before anything is sent upstream, and /api/search says so beforehand.

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ glm: false });
});

afterAll(async () => {
  await h.close();
});

it("/api/search tells the browser that web search needs a GLM key", async () => {
  const { GET } = await import("@/app/api/search/route");
  const res = await GET(new Request("http://localhost/api/search"));
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(readWebSearchStatus(await res.json())).toEqual({ available: false, reason: "needs_glm_key" });
});

it("refuses webSearch without a GLM key, naming what is missing, and sends nothing upstream", async () => {
  const res = await h.post(chatBody(SF_PLAIN, [userText("news today")], { webSearch: true }));
  expect(res.status).toBe(400);
  const { error } = (await res.json()) as {
    error: { code: string; detail: string; message: { en: string; zh: string } };
  };
  expect(error.code).toBe("bad_request");
  expect(error.detail).toBe(WEB_SEARCH_NEEDS_GLM_DETAIL);
  expect(error.message.en).toContain("GLM_API_KEY");
  expect(error.message.zh).toContain("GLM_API_KEY");
  expect(await h.log()).toHaveLength(0);
});

it("still answers the same message with the switch off", async () => {
  expect(textOf(await readChunks(await h.post(chatBody(SF_PLAIN, [userText("news today")]))))).toContain(
    "Simulated answer",
  );
});

it("the browser's check of /api/search's answer keeps the two fields and refuses anything else", () => {
  expect(readWebSearchStatus({ available: true, extra: 1 })).toEqual({ available: true });
  expect(readWebSearchStatus({ available: false, reason: "needs_glm_key" })).toEqual({
    available: false,
    reason: "needs_glm_key",
  });
  for (const bad of [null, "yes", {}, { available: "true" }, { available: false, reason: "other" }])
    expect(() => readWebSearchStatus(bad), JSON.stringify(bad)).toThrow(TypeError);
});
