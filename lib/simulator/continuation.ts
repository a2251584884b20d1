import { countTokens, isChinese } from "./text";
import { record } from "./values";

// "Continue" as a chat model meets it: the cut reply comes back as the assistant's last message,
// followed by a user turn asking to carry on. That is how this app continues on every provider
// (lib/chat/server/messages.ts, CONTINUE_INSTRUCTION: prefix completion is not available on reasoning
// models, upstream-contract.md § SiliconFlow chat `prefix`). A model given that thread writes the
// rest of its answer, not an answer to the instruction, so the simulator does the same.

/** A user turn that says the reply was cut and asks to carry on (the app's instruction, either language). */
const WAS_CUT = /\bcut off\b|\btruncated\b|截断|中断/i;
const CARRY_ON = /\bcontinue\b|\bgo on\b|\bkeep going\b|继续|接着/i;

interface Continuation {
  /** The thread up to and including the question the cut reply answered. */
  earlier: unknown[];
  /** The text of the cut reply, as the client sent it back. */
  partial: string;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => {
      const p = record(part);
      return p.type === "text" && typeof p.text === "string" ? p.text : "";
    })
    .join("");
}

/** `[…, user question, assistant partial, user "continue"]`, or null for any other thread. */
export function readContinuation(messages: unknown[]): Continuation | null {
  const n = messages.length;
  if (n < 3) return null;
  const ask = record(messages[n - 1]);
  const cut = record(messages[n - 2]);
  if (ask.role !== "user" || cut.role !== "assistant") return null;
  const request = textOf(ask.content);
  if (!WAS_CUT.test(request) || !CARRY_ON.test(request)) return null;
  const partial = textOf(cut.content);
  if (!partial.trim()) return null;
  const earlier = messages.slice(0, n - 2);
  if (!earlier.some((m) => record(m).role === "user")) return null;
  return { earlier, partial };
}

/**
 * What is left of `full` after the cut reply. The partial is normally a prefix of the full answer
 * (the simulator is deterministic); if it is not (an edited or foreign reply), carry on after the
 * last place its ending appears, else close the answer in one sentence.
 */
export function remainderAfter(full: string, partial: string): string {
  if (full.startsWith(partial)) return full.slice(partial.length);
  const tail = partial.trimEnd();
  for (let size = Math.min(80, tail.length); size >= 12; size--) {
    const at = full.lastIndexOf(tail.slice(-size));
    if (at >= 0) return full.slice(at + size);
  }
  return isChinese(partial) ? "\n\n（以上就是完整的回答。）" : "\n\nThat completes the answer.";
}

/** The continuation's own (short) thinking: where the reply stopped, and that it goes on from there. */
export function continuationReasoning(partial: string, budgetTokens?: number): string {
  const flat = partial.replace(/\s+/g, " ").trim();
  const end = [...flat].slice(-40).join("");
  const sentences = isChinese(partial)
    ? [`上一条回复在“…${end}”处被截断了。`, "我从断开的地方直接接着写，不重复已经写过的内容。"]
    : [
        `My previous reply was cut off after "…${end}". `,
        "I pick up exactly there, without repeating what is written.",
      ];
  if (budgetTokens === undefined) return sentences.join("");
  let out = sentences[0] ?? "";
  for (const s of sentences.slice(1)) {
    if (countTokens(out + s) > budgetTokens) break;
    out += s;
  }
  return out;
}
