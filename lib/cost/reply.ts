import type { ModelRef } from "@/lib/providers/catalog-types";
import { BILLING_RULES, type CostBreakdown, chatCost, sumCosts } from "./chat-cost";
import type { PriceOverrides } from "./price";
import { resolvePrice } from "./resolve";
import { type SpeedFigures, speedFromMetadata } from "./speed";

// The cost and speed of a stored reply, from what its row keeps (model, usage, the server's timings).
// Pure and browser-safe: the message row, the compare columns and the spending view all use it.

export interface StoredReply {
  role: string;
  model?: ModelRef;
  usage?: { input: number; output: number; reasoning: number; cached?: number };
  firstTokenMs?: number;
  durationMs?: number;
}

/** Null when the reply has no usage (stopped before the provider reported it, or still streaming). */
export function replyCost(reply: StoredReply, overrides?: PriceOverrides): CostBreakdown | null {
  if (reply.role !== "assistant" || !reply.model || !reply.usage) return null;
  const { price } = resolvePrice(reply.model.provider, reply.model.id, overrides);
  return chatCost(price, reply.usage, BILLING_RULES[reply.model.provider]);
}

export function replySpeed(reply: StoredReply): SpeedFigures | null {
  return speedFromMetadata({ firstTokenMs: reply.firstTokenMs, durationMs: reply.durationMs, usage: reply.usage });
}

/** A conversation's total: every reply with usage; `complete` false where a price is unknown. */
export function conversationCost(
  replies: readonly StoredReply[],
  overrides?: PriceOverrides,
): { yuan: number; complete: boolean; count: number } {
  const costs: (number | null)[] = [];
  for (const r of replies) {
    const c = replyCost(r, overrides);
    if (c) costs.push(c.yuan);
  }
  return { ...sumCosts(costs), count: costs.length };
}
