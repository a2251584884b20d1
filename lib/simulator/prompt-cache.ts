import { hash32 } from "./values";

// GLM caches prompt prefixes it has seen and reports the tokens served from the cache as
// `usage.prompt_tokens_details.cached_tokens`, billed at the lower "缓存命中" price (upstream-contract.md
// late 2026, "GLM streams"; docs.bigmodel.cn/cn/guide/start/pricing: fee = uncached input + cache hits +
// output). A conversation re-sends its whole history every turn, so from the second turn on the earlier
// messages come from the cache. This keeps the fingerprint of every message-list prefix it has served,
// per model, and reports the longest one a new request starts with.

const MAX_PREFIXES = 20_000;

export class PromptCache {
  private seen = new Set<string>();

  /**
   * The messages of this request served from the cache (empty when none), then remembers its prefixes
   * for the next. The caller counts their tokens, so this module needs nothing from the chat handler.
   */
  cachedPrefix(model: string, messages: unknown): unknown[] {
    if (!Array.isArray(messages) || messages.length === 0) return [];
    const keys: string[] = [];
    let running = hash32(model);
    for (const message of messages) {
      running = hash32(`${running}:${hash32(JSON.stringify(message) ?? "")}`);
      keys.push(`${model}#${keys.length + 1}#${running}`);
    }
    // The last message is the new turn; only what came before it can have been cached.
    let hit = 0;
    for (let n = messages.length - 1; n >= 1; n--) {
      if (this.seen.has(keys[n - 1] ?? "")) {
        hit = n;
        break;
      }
    }
    if (this.seen.size + keys.length > MAX_PREFIXES) this.seen.clear();
    for (const key of keys) this.seen.add(key);
    return messages.slice(0, hit);
  }

  clear(): void {
    this.seen.clear();
  }
}
