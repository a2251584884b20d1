import { z } from "zod";
import { modelId } from "../submit/schema";

/** The provider's job id; it only ever travels in a JSON body, never in a URL or path. */
export const requestId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:-]+$/, "not a request id");

export const statusSchema = z.strictObject({
  requestId,
  // Accepted so a job can name its model (a future provider may route by it); SiliconFlow needs only the id.
  model: modelId.optional(),
});

export type StatusInput = z.infer<typeof statusSchema>;
