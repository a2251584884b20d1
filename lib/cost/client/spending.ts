import { imageBatchCost, speechCost, videoCost } from "@/lib/cost/media-cost";
import type { PriceOverrides } from "@/lib/cost/price";
import { replyCost } from "@/lib/cost/reply";
import { resolvePrice } from "@/lib/cost/resolve";
import type { UsageRecord } from "@/lib/cost/spending";
import { getDB } from "@/lib/db";

// The usage records spending is made of, read from what IndexedDB already keeps: each reply's model
// and usage, each image, video and speech clip with its model and parameters. Nothing is stored twice,
// so an export of the data carries the spending with it, and a corrected price corrects the past.

export async function usageRecords(overrides: PriceOverrides, since = 0): Promise<UsageRecord[]> {
  const db = getDB();
  const out: UsageRecord[] = [];
  const price = (provider: UsageRecord["provider"], model: string) => resolvePrice(provider, model, overrides).price;
  await db.messages.each((m) => {
    if (m.role !== "assistant" || !m.model || !m.usage || m.createdAt < since) return;
    const cost = replyCost(m, overrides);
    if (!cost) return;
    out.push({ provider: m.model.provider, model: m.model.id, capability: "chat", cost: cost.yuan, at: m.createdAt });
  });
  const images = await db.images.where("createdAt").aboveOrEqual(since).toArray();
  for (const image of images) {
    const steps = typeof image.params.steps === "number" ? image.params.steps : undefined;
    const cost = imageBatchCost(price(image.model.provider, image.model.id), {
      count: 1,
      width: image.width,
      height: image.height,
      steps,
    });
    out.push({ provider: image.model.provider, model: image.model.id, capability: "image", cost, at: image.createdAt });
  }
  const videos = await db.videos.where("createdAt").aboveOrEqual(since).toArray();
  for (const video of videos) {
    if (video.status !== "succeeded") continue;
    const cost = videoCost(price(video.model.provider, video.model.id));
    out.push({ provider: video.model.provider, model: video.model.id, capability: "video", cost, at: video.createdAt });
  }
  const clips = await db.speech.where("createdAt").aboveOrEqual(since).toArray();
  for (const clip of clips) {
    const cost = speechCost(price(clip.model.provider, clip.model.id), clip.text);
    out.push({ provider: clip.model.provider, model: clip.model.id, capability: "speech", cost, at: clip.createdAt });
  }
  return out;
}
