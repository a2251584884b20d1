import { isChinese } from "./text";
import { record } from "./values";

// The app's "Improve prompt" (lib/prompt-helper/server/improve.ts) asks a chat model to rewrite a short
// idea as a detailed text-to-image or text-to-video prompt and to answer with the prompt only. A real
// model follows that instruction; the simulator cannot, so it treats the phrase in the system message as
// a test cue and answers with the user's idea plus fixed detail, the same every time, in the idea's
// language (as the instruction asks).

const CUE = /text-to-(image|video) prompt/;
// Asked for English (a model that reads English best): the simulator cannot translate, so a Chinese idea
// is quoted inside a fixed English sentence; what a test can check is that the answer is English.
const ENGLISH = /Answer in English/;

const DETAIL = {
  image: {
    en: "highly detailed, soft golden-hour light, shallow depth of field, rich colours, 35mm photograph",
    zh: "细节丰富，柔和的黄金时刻光线，浅景深，色彩饱满，35 毫米胶片摄影",
  },
  video: {
    en: "slow dolly-in camera movement, soft natural light, cinematic colour grading, smooth motion",
    zh: "镜头缓慢推进，柔和自然光，电影感调色，动作流畅",
  },
} as const;

/** The rewrite when the request is the app's prompt helper, else undefined. */
export function promptRewrite(messages: unknown[]): string | undefined {
  const system = messages.map(record).find((m) => m.role === "system");
  const cue = typeof system?.content === "string" ? CUE.exec(system.content) : null;
  if (!cue) return undefined;
  const user = [...messages]
    .map(record)
    .reverse()
    .find((m) => m.role === "user");
  const idea = typeof user?.content === "string" ? user.content.trim().replace(/[.。!！]+$/, "") : "";
  if (!idea) return undefined;
  const detail = DETAIL[cue[1] as "image" | "video"];
  if (isChinese(idea) && ENGLISH.test(String(system?.content))) return `A scene of “${idea}”, ${detail.en}`;
  return isChinese(idea) ? `${idea}，${detail.zh}` : `${idea}, ${detail.en}`;
}
