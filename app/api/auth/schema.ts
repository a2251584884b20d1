import { z } from "zod";

export const loginSchema = z.object({ code: z.string().min(1).max(200) }).strict();
