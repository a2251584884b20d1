import type { z } from "zod";
import { statusSchema } from "../status/schema";

/** `{requestId, model?}` only: the video URL is asked of the provider again, never taken from the client. */
export const contentSchema = statusSchema;

export type ContentInput = z.infer<typeof contentSchema>;
