// How the images of a whole thread fit one chat request. Every turn re-sends the thread, images
// included, and the route takes at most CHAT_BODY_MAX_BYTES (8 MB): four full-size images already
// fill it. The newest turn's images are what the user is asking about, so they keep their prepared
// size; older ones are re-sent smaller, and the oldest are left out when even that is too much.
// Pure: unit-tested; lib/vision/resolve.ts does the encoding.

type ImageAction = "full" | "reduced" | "omitted";

export interface BudgetImage {
  /** Encoded bytes of the stored (prepared) image. */
  bytes: number;
  /** Attached to the newest user message of the request. */
  newest: boolean;
}

interface BudgetPlan {
  /** One per image, in the order given (oldest first). */
  actions: ImageAction[];
  reduced: number;
  omitted: number;
  /** Bytes the images take in the request when the plan is followed (an upper bound). */
  bytes: number;
}

/** The whole request body is kept this far under the route's 8 MB cap (headroom for JSON and headers). */
export const REQUEST_BUDGET_BYTES = 6 * 1024 * 1024;
/** A re-sent older image: long side and encoded size at most. */
export const REDUCED_LONG_SIDE = 1024;
export const REDUCED_MAX_BYTES = 200_000;
/**
 * What the model reads in place of an image that was left out. In both of the app's languages: the
 * model answers in the conversation's language and should not be nudged toward another one.
 */
export const OMITTED_IMAGE_TEXT = "[image omitted: earlier upload / 图片已省略：较早上传的图片]";
const OMITTED_BYTES = new TextEncoder().encode(OMITTED_IMAGE_TEXT).length;

/** Characters of a base64 data: URL for `bytes` bytes (4 per 3, plus the "data:image/jpeg;base64," head). */
export function inlineBytes(bytes: number): number {
  return 4 * Math.ceil(bytes / 3) + 32;
}

function cost(image: BudgetImage, action: ImageAction, reducedMaxBytes: number): number {
  if (action === "full") return inlineBytes(image.bytes);
  if (action === "reduced") return inlineBytes(Math.min(image.bytes, reducedMaxBytes));
  return OMITTED_BYTES + 32;
}

/**
 * The cheapest change first, oldest image first, until the images fit `budget` bytes:
 * 1. older images re-sent reduced; 2. older images left out; 3. the newest turn's own images
 * reduced (only when they alone exceed the budget). The newest turn's images are never left out.
 */
export function planImageBudget(
  images: readonly BudgetImage[],
  budget: number,
  reducedMaxBytes = REDUCED_MAX_BYTES,
): BudgetPlan {
  const actions: ImageAction[] = images.map(() => "full");
  let total = images.reduce((sum, image) => sum + cost(image, "full", reducedMaxBytes), 0);
  const apply = (i: number, action: ImageAction) => {
    const image = images[i] as BudgetImage;
    const saved = cost(image, actions[i] as ImageAction, reducedMaxBytes) - cost(image, action, reducedMaxBytes);
    // A small image gains nothing from re-encoding: it stays as it is.
    if (saved <= 0) return;
    total -= saved;
    actions[i] = action;
  };
  const steps: [(image: BudgetImage) => boolean, ImageAction][] = [
    [(image) => !image.newest, "reduced"],
    [(image) => !image.newest, "omitted"],
    [(image) => image.newest, "reduced"],
  ];
  for (const [applies, action] of steps) {
    for (let i = 0; i < images.length && total > budget; i++) {
      if (applies(images[i] as BudgetImage)) apply(i, action);
    }
  }
  return {
    actions,
    reduced: actions.filter((a) => a === "reduced").length,
    omitted: actions.filter((a) => a === "omitted").length,
    bytes: total,
  };
}
