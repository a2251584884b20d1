import { afterAll, beforeAll, expect, it } from "vitest";
import {
  chatBody,
  GLM_PLAIN,
  type Harness,
  readChunks,
  SF_PLAIN,
  startHarness,
  textOf,
  userText,
} from "./chat-harness";

// A server with a SiliconFlow key only: GLM is "not configured", which must reach the browser as a
// plain error response naming the missing variable, before anything streams.

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ glm: false });
});

afterAll(async () => {
  await h.close();
});

it("answers 401 invalid_key naming GLM_API_KEY for a provider without a key", async () => {
  const res = await h.post(chatBody(GLM_PLAIN, [userText("hi")]));
  expect(res.status).toBe(401);
  const { error } = (await res.json()) as { error: { code: string; detail?: string; message: { en: string } } };
  expect(error.code).toBe("invalid_key");
  expect(error.detail).toContain("GLM_API_KEY");
  expect(error.message.en).toContain("GLM is not configured");
  expect(await h.log()).toHaveLength(0);
});

it("still serves the configured provider", async () => {
  expect(textOf(await readChunks(await h.post(chatBody(SF_PLAIN, [userText("hi")]))))).toContain("Simulated answer");
});
